import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readMsqItems } from "~/import/read-document";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { answersAtCap } from "~/questionnaire/pathological.test-helper";
import { expectLinear } from "~/questionnaire/timing.test-helper";
import { toCsv } from "./csv";
import { parseJsonExport, toJson } from "./json";
import { exportRow } from "./rows.test-helper";
import { neutraliseText } from "./safe-cell";
import { EXCEL_MAX_CELL_CHARS, writeXlsx } from "./xlsx";

// A response with every answer at its cap, made of what each format escapes (quotes, commas,
// CR LF, a formula's `=`): the exports and the JSON import must stay linear in its size. Linear,
// each takes 5–400 ms (1 MB of answers) on a loaded 2-core machine; the bound is 2 s, and a
// slower run fails only if it also grows faster than its input.

const SHAPE = "= + quotes, commas and CRLF";
const meta = {
  exportedAt: new Date("2026-11-22T12:00:00.000Z"),
  locale: "en" as const,
  choice: { statuses: ["SUBMITTED" as const], authorisedOnly: false },
};
const rowAtCap = (fraction = 1) => exportRow({ answers: answersAtCap(msq2020, SHAPE, fraction) });
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const BOUND_MS = 2000;

describe("exports of a response with every answer at its cap", () => {
  const row = rowAtCap();
  const longest = "q6_development_strategy";

  it("CSV: intact, in linear time", async () => {
    const [record] = parse(await toCsv(msq2020, [row]), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(record![longest]).toBe(neutraliseText(row.answers[longest] as string));
    await expectLinear(
      (fraction) => {
        const rows = [rowAtCap(fraction)];
        return () => toCsv(msq2020, rows);
      },
      1,
      BOUND_MS,
      2,
    );
  });

  it("XLSX: every long answer shortened to Excel's limit, in linear time", async () => {
    const summary = await writeXlsx(msq2020, [row], meta, sink());
    const overLimit = Object.values(row.answers).filter(
      (value) => typeof value === "string" && value.length > EXCEL_MAX_CELL_CHARS,
    );
    expect(summary.shortened).toBe(overLimit.length);
    await expectLinear(
      (fraction) => {
        const rows = [rowAtCap(fraction)];
        return () => writeXlsx(msq2020, rows, meta, sink());
      },
      1,
      BOUND_MS,
      2,
    );
  });

  it("JSON: read back by the importer exactly, export and import in linear time", async () => {
    const json = await toJson(msq2020, [row], meta);
    const reading = readMsqItems(Buffer.from(json), "export.json", msq2020);
    expect(reading.ok && reading.items[0]!.parsed.answers).toEqual(row.answers);
    await expectLinear(
      (fraction) => {
        const rows = [rowAtCap(fraction)];
        return async () => parseJsonExport(await toJson(msq2020, rows, meta), msq2020);
      },
      1,
      BOUND_MS,
      2,
    );
  });
});
