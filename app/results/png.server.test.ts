import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { findQuestion } from "~/questionnaire";
import { chartTexts, tallyLabels } from "./chart-texts";
import { fixtureQuestionnaire, fixtureRows } from "./fixture.test-helper";
import { chartSvgFile } from "./svg-file.server";
import { PNG_SIGNATURE, svgToPng } from "./png.server";
import { tallyQuestion, type GraphicChart } from "./tally";

// A chart's downloads as files: an SVG of its own, and the PNG drawn from it.

const chart = tallyQuestion(
  findQuestion(fixtureQuestionnaire, "features")!,
  fixtureRows,
  tallyLabels(copyFor("ar")),
) as GraphicChart;
const svg = chartSvgFile(
  chart,
  chartTexts(chart, copyFor("ar"), { roundName: "MSQ 2020", filters: "—" }),
  true,
);

describe("a chart's files", () => {
  it("is a standalone SVG: its namespace, size, white background and fonts named", () => {
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(svg).toMatch(/ width="720" height="\d+"/);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain("DejaVu Sans");
  });

  it("draws the SVG as a PNG at twice its size", async () => {
    const png = await svgToPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The IHDR chunk: width and height, big-endian, after the signature and the chunk header.
    expect(png.readUInt32BE(16)).toBe(1440);
    expect(png.readUInt32BE(20)).toBe(2 * Number(/ height="(\d+)"/.exec(svg)![1]));
  });
});
