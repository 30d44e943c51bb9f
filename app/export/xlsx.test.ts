import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { exportColumns, rowCells } from "./columns";
import { AWKWARD_ANSWERS, exportRow } from "./rows.test-helper";
import { EXCEL_MAX_CELL_CHARS, writeXlsx } from "./xlsx";
import { ExcelJS, readWorkbook } from "./xlsx.test-helper";

const meta = {
  exportedAt: new Date("2026-11-22T12:00:00.000Z"),
  choice: { statuses: ["SUBMITTED" as const], region: "Europe", authorisedOnly: true },
};

async function written(rows = [exportRow(), exportRow({ countryCode: "SWE" })]) {
  const output = new PassThrough();
  const [summary, bytes] = await Promise.all([
    writeXlsx(msq2020, rows, meta, output),
    buffer(output),
  ]);
  const workbook = await readWorkbook(bytes);
  return { summary, workbook };
}

const values = (row: { values: unknown }) => (row.values as unknown[]).slice(1);

describe("XLSX export", () => {
  it("has Answers, Columns and Export sheets", async () => {
    const { workbook, summary } = await written();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Answers",
      "Columns",
      "Export",
    ]);
    expect(summary).toEqual({ responses: 2, byStatus: { SUBMITTED: 2 }, shortened: 0 });
  });

  it("writes a frozen, bold, filtered header and one row per country, as text", async () => {
    const sheet = (await written()).workbook.getWorksheet("Answers")!;
    const columns = exportColumns(msq2020).map((c) => c.name);
    expect(values(sheet.getRow(1))).toEqual(columns);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(3);
    const cell = (name: string) => sheet.getRow(2).getCell(columns.indexOf(name) + 1);
    expect(cell("q4_cio_name").value).toBe(AWKWARD_ANSWERS.q4_cio_name);
    expect(cell("q4_cio_name").type).toBe(ExcelJS.ValueType.String);
    expect(cell("q7_egov_strategy").value).toBe(AWKWARD_ANSWERS.q7_egov_strategy);
    // Line breaks stay, as Excel's own (LF): XML reads a CR LF as LF anyway.
    expect(cell("q6_development_strategy").value).toBe(
      (AWKWARD_ANSWERS.q6_development_strategy as string).replace("\r\n", "\n"),
    );
    expect(cell("q1_national_portal").value).toBe(AWKWARD_ANSWERS.q1_national_portal);
    expect(cell("q8_strategy_features.aligned_sdgs").value).toBe(1);
    expect(cell("q8_strategy_features.digital_first").value).toBe(0);
    expect(cell("q9_legal_framework.data_protection").value).toBeNull();
    expect(sheet.getRow(3).getCell(1).value).toBe("SWE");
  });

  it("keeps every answer of every field exactly, formula-like text included", async () => {
    // Each text field holds a value a CSV would neutralise; every choice field is answered.
    const answers = Object.fromEntries(
      msq2020.sections.flatMap((section) =>
        section.questions.map((q, i) => {
          if (q.type === "multi")
            return [q.key, q.options.filter((_, j) => j % 2 === 0).map((o) => o.key)];
          if (q.type === "yesno") return [q.key, i % 2 ? "yes" : "no"];
          return [q.key, ["=1+1", "+254 20 4920000", "-draft", "@someone", "plain"][i % 5]!];
        }),
      ),
    );
    const row = exportRow({ answers });
    const sheet = (await written([row])).workbook.getWorksheet("Answers")!;
    const expected = rowCells(exportColumns(msq2020), row);
    const read = expected.map((_, i) => sheet.getRow(2).getCell(i + 1).value ?? null);
    expect(read).toEqual(expected);
    expect(read).toContain("+254 20 4920000");
  });

  it("explains the columns and the export", async () => {
    const { workbook } = await written();
    const described = workbook.getWorksheet("Columns")!;
    expect(described.rowCount).toBe(exportColumns(msq2020).length + 1);
    const row = described
      .getRows(2, described.rowCount - 1)!
      .find((r) => r.getCell(1).value === "x2_heard_from.linkedin")!;
    expect(values(row)).toEqual([
      "x2_heard_from.linkedin",
      "X. Contact and Additional Information",
      "2. How did you hear about this questionnaire?",
      "LinkedIn",
      "1 ticked, 0 not ticked, empty when unknown",
    ]);
    const facts = Object.fromEntries(
      workbook
        .getWorksheet("Export")!
        .getRows(2, 20)!
        .map((r) => [r.getCell(1).value, r.getCell(2).value]),
    );
    expect(facts).toMatchObject({
      Round: "2020",
      "Exported at (UTC)": "2026-11-22T12:00:00.000Z",
      Statuses: "SUBMITTED",
      Region: "Europe",
      "Only responses authorising publication": "Yes",
      Responses: 2,
      "Responses SUBMITTED": 2,
    });
  });

  it("shortens a cell to Excel's limit and says so", async () => {
    const huge = "x".repeat(EXCEL_MAX_CELL_CHARS + 10);
    const row = exportRow({ answers: { q14_social_media: huge } });
    const { workbook, summary } = await written([row]);
    expect(summary.shortened).toBe(1);
    const sheet = workbook.getWorksheet("Answers")!;
    const column = exportColumns(msq2020).findIndex((c) => c.name === "q14_social_media") + 1;
    expect(String(sheet.getRow(2).getCell(column).value)).toHaveLength(EXCEL_MAX_CELL_CHARS);
  });
});
