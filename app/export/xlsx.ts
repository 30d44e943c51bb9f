import { setImmediate as nextTurn } from "node:timers/promises";
import type { Writable } from "node:stream";
import * as ExcelJSModule from "exceljs";
import { copyFor } from "~/i18n/catalogues.server";
import { formatList } from "~/i18n/copy";
import { formatUtcDateTime } from "~/i18n/dates";
import { directionOf, localeNames } from "~/i18n/locale";
import type { Questionnaire } from "~/questionnaire/types";
import { columnDescriptions, exportColumns, rowCells } from "./columns";
import type { ExportStatus } from "./filters";
import type { JsonExportMeta } from "./json";
import type { Cell, ExportRow } from "./row";

// The XLSX export, written with exceljs's streaming writer: each row goes to the zip stream as
// it is added, so memory stays flat however many responses there are. Three sheets, in this
// order: "Answers" (one row per country), "Columns" (what each column holds) and "Export"
// (filters, counts). The Answers sheet's header row is the canonical field keys in every
// language; the sheet names, the Columns sheet (question, option and section texts from the
// questionnaire localized in `meta.locale`) and the Export sheet (labels, status names, the date
// of the export) are in the export's language.
// Text is always written as a string cell, which a spreadsheet never evaluates, so answers are
// written exactly as given (no formula neutralisation: that is for CSV, whose fields are untyped).

// exceljs is CommonJS: Node's ESM loader gives it as `default`, bundlers as the namespace.
const ExcelJS =
  (ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule;

/** Excel refuses longer text in a cell (the file would need "repairing"). */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export type XlsxSummary = {
  responses: number;
  byStatus: Record<string, number>;
  shortened: number;
};

type Sheet = ReturnType<InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>["addWorksheet"]>;

function addBoldRow(sheet: Sheet, values: Cell[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.commit();
}

/** Lets the zip stream catch up with a slow reader before more rows are made. */
async function whenWritable(output: Writable) {
  if (!output.writableNeedDrain || output.destroyed) return nextTurn();
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off("drain", done);
      output.off("close", done);
      resolve();
    };
    output.on("drain", done);
    output.on("close", done);
  });
}

export async function writeXlsx(
  questionnaire: Questionnaire,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
  meta: JsonExportMeta,
  output: Writable,
): Promise<XlsxSummary> {
  const { locale } = meta;
  const copy = copyFor(locale).exports;
  const statusNames = copyFor(locale).statuses;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "MSQ Portal";
  workbook.created = meta.exportedAt;
  const columns = exportColumns(questionnaire);
  const summary: XlsxSummary = { responses: 0, byStatus: {}, shortened: 0 };
  const fit = (cell: Cell): Cell => {
    if (typeof cell !== "string") return cell;
    // XML turns a CR LF into LF when the file is read; say so plainly: LF is Excel's line break.
    // (Answers are stored with LF already: form posts and imports normalise line breaks.)
    const text = cell.replace(/\r\n?/g, "\n");
    if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
    summary.shortened++;
    return text.slice(0, EXCEL_MAX_CELL_CHARS);
  };

  // Arabic sheets read from right to left, as Excel lays them out for an Arabic workbook.
  const rightToLeft = directionOf(locale) === "rtl";
  const answers = workbook.addWorksheet(copy.answersSheet.name, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft }],
  });
  answers.columns = columns.map((column, i) => ({ key: column.name, width: i < 8 ? 16 : 32 }));
  answers.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  addBoldRow(
    answers,
    columns.map((column) => column.name),
  );
  for await (const row of rows) {
    answers.addRow(rowCells(columns, row).map(fit)).commit();
    summary.responses++;
    summary.byStatus[row.status] = (summary.byStatus[row.status] ?? 0) + 1;
    await whenWritable(output);
  }
  answers.commit();

  const c = copy.columnsSheet;
  const described = workbook.addWorksheet(c.name, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft }],
  });
  described.columns = [30, 30, 80, 50, 30].map((width) => ({ width }));
  addBoldRow(described, [c.column, c.section, c.question, c.option, c.values]);
  for (const d of columnDescriptions(questionnaire, copy))
    described.addRow([d.column, d.section, d.question, d.option, d.values].map(fit)).commit();
  described.commit();

  const e = copy.exportSheet;
  const about = workbook.addWorksheet(e.name, { views: [{ rightToLeft }] });
  about.columns = [{ width: 45 }, { width: 60 }];
  // "Submitted (SUBMITTED)": the language's name of a status, with the code the Answers sheet's
  // status column holds.
  const status = (code: ExportStatus) => e.status({ label: statusNames[code], code });
  const facts: [string, Cell][] = [
    [e.round, questionnaire.round],
    [e.questionnaire, questionnaire.title],
    [e.language, localeNames[locale]],
    [e.exportedAt, formatUtcDateTime(meta.exportedAt, locale)],
    [e.statuses, formatList(locale, meta.choice.statuses.map(status))],
    [e.region, meta.choice.region || e.allRegions],
    [e.authorisedOnly, meta.choice.authorisedOnly ? e.yes : e.no],
    [e.responses, summary.responses],
    ...meta.choice.statuses.map((s): [string, Cell] => [
      e.byStatus({ status: status(s) }),
      summary.byStatus[s] ?? 0,
    ]),
    [e.columns, columns.length],
    [e.shortened, summary.shortened],
  ];
  addBoldRow(about, [e.source]);
  for (const [label, value] of facts) about.addRow([label, value]).commit();
  about.commit();

  await workbook.commit();
  return summary;
}
