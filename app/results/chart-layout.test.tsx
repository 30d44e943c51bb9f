import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { findQuestion } from "~/questionnaire";
import { expectLinear } from "~/questionnaire/timing.test-helper";
import {
  CHART_WIDTH,
  COLOURS,
  layoutChart,
  textWidth,
  wrapText,
  type RectItem,
  type TextItem,
} from "./chart-layout";
import { ChartSvg } from "./chart-svg";
import { chartTexts, tallyLabels } from "./chart-texts";
import { fixtureQuestionnaire, fixtureRows } from "./fixture.test-helper";
import { DEFAULT_TALLY_OPTIONS, tallyQuestion, type GraphicChart } from "./tally";

// Where a chart's bars and words go, left to right and right to left, and its SVG.

const chartIn = (locale: "en" | "ar", byRegion = false) => {
  const copy = copyFor(locale);
  const chart = tallyQuestion(
    findQuestion(fixtureQuestionnaire, "has_cio")!,
    fixtureRows,
    tallyLabels(copy),
    {
      ...DEFAULT_TALLY_OPTIONS,
      byRegion,
    },
  ) as GraphicChart;
  return { chart, texts: chartTexts(chart, copy, { roundName: "MSQ 2020", filters: "all" }) };
};
const bars = (items: (TextItem | RectItem)[]) =>
  items.filter((i): i is RectItem => i.kind === "rect" && i.fill !== COLOURS.track);

describe("the layout of a chart", () => {
  it("grows bars from the left, as long as their share, left to right", () => {
    const { chart, texts } = chartIn("en");
    const layout = layoutChart(chart, texts, { rtl: false, standalone: false });
    const [yes, no, none] = bars(layout.items);
    expect(yes!.x).toBe(0);
    expect(no!.x).toBe(0);
    // 57 %, 29 % and 14 % of the same track.
    expect(yes!.width / none!.width).toBeCloseTo(57 / 14, 1);
    expect(none!.fill).toBe(COLOURS.none);
    const labels = layout.items.filter((i): i is TextItem => i.kind === "text");
    expect(labels.map((l) => l.text)).toEqual([
      "Yes",
      "4 (57%)",
      "No",
      "2 (29%)",
      "No answer",
      "1 (14%)",
    ]);
    expect(labels.every((l) => l.anchor === "start")).toBe(true);
  });

  it("mirrors right to left: bars grow from the right, words anchored at their end, isolated", () => {
    const { chart, texts } = chartIn("ar");
    const ltr = layoutChart(chart, texts, { rtl: false, standalone: false });
    const rtl = layoutChart(chart, texts, { rtl: true, standalone: false });
    bars(rtl.items).forEach((bar, i) => {
      expect(bar.x + bar.width).toBe(CHART_WIDTH);
      expect(bar.width).toBe(bars(ltr.items)[i]!.width);
    });
    const words = rtl.items.filter((i): i is TextItem => i.kind === "text");
    expect(words.every((w) => w.anchor === "end")).toBe(true);
    expect(words[0]!.text).toBe("\u2068نعم\u2069");
    expect(words[1]!.text.startsWith("\u2067")).toBe(true);
  });

  it("draws a downloaded chart's title, counts and notes, and every region's bars", () => {
    const { chart, texts } = chartIn("en", true);
    const layout = layoutChart(chart, texts, { rtl: false, standalone: true });
    const words = layout.items.filter((i): i is TextItem => i.kind === "text").map((t) => t.text);
    expect(words.slice(0, 3)).toEqual([
      "1. Is there a CIO?",
      "MSQ 2020 · all",
      "7 responses counted, 7 respondents (asked this question).",
    ]);
    expect(words).toContain("Africa");
    expect(words).toContain(
      "% of respondents: of the responses counted that were asked the question.",
    );
    // Three answers × (all counted + four regions).
    expect(bars(layout.items)).toHaveLength(15);
  });
});

describe("wrapping", () => {
  it("breaks at spaces within the width, cuts a word too long, and ends with … when it stops", () => {
    const lines = wrapText(
      "aligned with the Sustainable Development Goals of the 2030 Agenda",
      200,
      14,
      5,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(200);
    expect(lines.join(" ")).toBe(
      "aligned with the Sustainable Development Goals of the 2030 Agenda",
    );
    expect(wrapText("x".repeat(100), 100, 14, 10).every((l) => textWidth(l, 14) <= 100)).toBe(true);
    const cut = wrapText("one two three four five six seven eight", 60, 14, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith("…")).toBe(true);
  });

  it("breaks Chinese between characters", () => {
    const lines = wrapText("国家电子政务战略与可持续发展目标保持一致", 100, 14, 5);
    expect(lines.join("")).toBe("国家电子政务战略与可持续发展目标保持一致");
    expect(lines.length).toBeGreaterThan(2);
  });

  it("is linear in the text", async () => {
    await expectLinear(
      (size) => {
        const text = "word ".repeat(size / 5);
        return () => wrapText(text, 680, 14, Number.MAX_SAFE_INTEGER);
      },
      400_000,
      300,
    );
  });
});

describe("the SVG", () => {
  it("is an image named by its title and description, with physical positions", () => {
    const { chart, texts } = chartIn("en");
    const svg = renderToStaticMarkup(<ChartSvg chart={chart} texts={texts} rtl={false} id="c" />);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c-svg-title c-svg-desc"/);
    expect(svg).toContain('direction="ltr"');
    expect(svg).toContain('<title id="c-svg-title">1. Is there a CIO?</title>');
    expect(svg).toContain("The table that follows gives the numbers.");
    // No style attribute: the Content-Security-Policy refuses inline styles.
    expect(svg).not.toContain("style=");
  });
});
