import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { locales, type Locale } from "~/i18n/locale";
import { allQuestions } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import { exportColumns, rowCells } from "./columns";
import { AWKWARD_ANSWERS, exportRow } from "./rows.test-helper";
import { EXCEL_MAX_CELL_CHARS, writeXlsx } from "./xlsx";
import { ExcelJS, readWorkbook } from "./xlsx.test-helper";

const meta = {
  exportedAt: new Date("2026-11-22T12:00:00.000Z"),
  locale: "en" as Locale,
  choice: { statuses: ["SUBMITTED" as const], region: "Europe", authorisedOnly: true },
};
const ROWS = [exportRow(), exportRow({ countryCode: "SWE" })];

/** The workbook as the export in `locale` writes it: the questionnaire localized in it too. */
async function written(rows = ROWS, locale: Locale = "en") {
  const output = new PassThrough();
  const questionnaire = localizeDefinition(msq2020Definition, locale);
  const [summary, bytes] = await Promise.all([
    writeXlsx(questionnaire, rows, { ...meta, locale }, output),
    buffer(output),
  ]);
  const workbook = await readWorkbook(bytes);
  return { summary, workbook };
}

type Workbook = Awaited<ReturnType<typeof readWorkbook>>;
type Worksheet = Workbook["worksheets"][number];

const values = (row: { values: unknown }) => (row.values as unknown[]).slice(1);
/** Every row of a sheet, header included, as plain values. */
const rowsOf = (sheet: Worksheet) =>
  sheet.getRows(1, sheet.rowCount)!.map((row) => Array.from(values(row), (v) => v ?? null));
/** The Export sheet's facts: label → value. */
const factsOf = (sheet: Worksheet) =>
  Object.fromEntries(
    sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(2).value]),
  );

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
    expect(factsOf(workbook.getWorksheet("Export")!)).toEqual({
      Round: "2020",
      Questionnaire: msq2020.title,
      "Language of the texts": "English",
      // For people: the day and time in the language's way; the Answers sheet's are ISO.
      "Exported at (UTC)": "22 November 2026 at 12:00",
      Statuses: "Submitted (SUBMITTED)",
      Region: "Europe",
      "Only responses authorising publication": "Yes",
      Responses: 2,
      "Responses with status Submitted (SUBMITTED)": 2,
      Columns: exportColumns(msq2020).length,
      "Cells shortened to Excel's 32,767-character limit (the CSV and JSON hold them whole)": 0,
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

describe("XLSX export in another language", () => {
  const english = written();

  it.each(["fr", "ar"] as const)(
    "%s: the same keys, columns and cells; questions, sheets and labels in that language",
    async (locale) => {
      const { workbook, summary } = await written(ROWS, locale);
      const copy = copyFor(locale).exports;
      const local = localizeDefinition(msq2020Definition, locale);
      const ours = (await english).workbook;
      const [answers, columns, about] = workbook.worksheets;
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        copy.answersSheet.name,
        copy.columnsSheet.name,
        copy.exportSheet.name,
      ]);
      expect(copy.answersSheet.name).not.toBe("Answers");
      // The Answers sheet, header (the canonical keys) and cells, is the English one exactly.
      expect(rowsOf(answers!)).toEqual(rowsOf(ours.worksheets[0]!));
      expect(values(answers!.getRow(1))).toEqual(exportColumns(msq2020).map((c) => c.name));
      expect(summary).toEqual({ responses: 2, byStatus: { SUBMITTED: 2 }, shortened: 0 });

      // The Columns sheet: the same keys, in the same order, described in the language.
      const described = rowsOf(columns!);
      expect(described.slice(1).map((row) => row[0])).toEqual(
        exportColumns(msq2020).map((c) => c.name),
      );
      const c = copy.columnsSheet;
      expect(described[0]).toEqual([c.column, c.section, c.question, c.option, c.values]);
      // Each answer column's question (and option) as the questionnaire in the language words it.
      const questions = new Map(allQuestions(local).map((q) => [q.key, q]));
      const answerRows = described
        .slice(1)
        .filter((row) => questions.has(String(row[0]).split(".")[0]!));
      expect(answerRows).toHaveLength(exportColumns(msq2020).length - 8);
      for (const [column, , question, option] of answerRows) {
        const [key, optionKey] = String(column).split(".");
        const asked = questions.get(key!)!;
        expect(question, String(column)).toBe(asked.text);
        if (optionKey && (asked.type === "multi" || asked.type === "single"))
          expect(option, String(column)).toBe(asked.options.find((o) => o.key === optionKey)!.text);
      }
      const byKey = new Map(described.map((row) => [row[0], row]));
      expect(byKey.get("country_code")!.slice(1)).toEqual([
        c.header,
        copy.metadataColumns.country_code,
        null,
        copy.values.code,
      ]);

      // The Export sheet: labels, status names and the date in the language.
      const e = copy.exportSheet;
      const status = e.status({ label: copyFor(locale).statuses.SUBMITTED, code: "SUBMITTED" });
      expect(values(about!.getRow(1))).toEqual([e.source]);
      expect(factsOf(about!)).toMatchObject({
        [e.round]: "2020",
        [e.questionnaire]: local.title,
        [e.language]: { fr: "Français", ar: "العربية" }[locale],
        [e.exportedAt]: { fr: "22 novembre 2026 à 12:00", ar: "22 نوفمبر 2026 في 12:00 م" }[locale],
        [e.statuses]: status,
        [e.authorisedOnly]: e.yes,
        [e.byStatus({ status })]: 2,
      });
      // The code stays readable inside an Arabic label (isolated from the words around it).
      expect(status.replace(/[\u2068\u2069]/g, "")).toContain("(SUBMITTED)");
      // Arabic sheets read from right to left; the others from left to right.
      for (const sheet of workbook.worksheets)
        expect(Boolean(sheet.views[0]?.rightToLeft), sheet.name).toBe(locale === "ar");
    },
  );

  it("has the question texts of the language, not English ones", async () => {
    const question = (workbook: Workbook) =>
      workbook.worksheets[1]!.getRows(2, 200)!.find(
        (r) => r.getCell(1).value === "q8_strategy_features.aligned_sdgs",
      )!;
    const french = question((await written(ROWS, "fr")).workbook);
    expect(values(french).slice(1, 4)).toEqual([
      "II. Stratégie et mise en œuvre",
      "8. Veuillez cocher toutes les cases applicables. La stratégie nationale d’administration électronique ou son équivalent\u00a0:",
      "est alignée sur les objectifs de développement durable (ODD).",
    ]);
    const arabic = question((await written(ROWS, "ar")).workbook);
    expect(values(arabic).slice(1, 4)).toEqual([
      "II. الاستراتيجية والتنفيذ",
      "8. يرجى اختيار كل ما ينطبق. الاستراتيجية الوطنية للحكومة الإلكترونية أو ما يعادلها:",
      "تتماشى مع أهداف التنمية المستدامة.",
    ]);
  });

  it("names its sheets as Excel allows, in every language", () => {
    for (const locale of locales) {
      const copy = copyFor(locale).exports;
      const names = [copy.answersSheet.name, copy.columnsSheet.name, copy.exportSheet.name];
      for (const name of names) {
        expect(name.length, `${locale}: ${name}`).toBeGreaterThan(0);
        expect(name.length, `${locale}: ${name}`).toBeLessThanOrEqual(31);
        expect(name, locale).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size, locale).toBe(3);
    }
  });
});
