import type { Questionnaire } from "~/questionnaire/types";
import { exportColumns, rowCells } from "./columns";
import type { Cell, ExportRow } from "./row";
import { csvSafeCell } from "./safe-cell";

// RFC 4180 CSV: UTF-8 with a byte-order mark (so Excel reads Arabic and accents right), CRLF
// after every row, and fields holding a comma, a quote, CR or LF quoted with quotes doubled.
// Line breaks inside an answer are kept as they are, inside the quotes.

export const CSV_BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: Cell): string {
  if (cell === null) return "";
  const text = String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, neutralised against formula injection, with its CRLF. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map((cell) => csvField(csvSafeCell(cell))).join(",")}\r\n`;
}

/** The CSV file in chunks: the BOM and header first, then one chunk per response. */
export async function* csvChunks(
  questionnaire: Questionnaire,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): AsyncGenerator<string> {
  const columns = exportColumns(questionnaire);
  yield CSV_BOM + csvRecord(columns.map((column) => column.name));
  for await (const row of rows) yield csvRecord(rowCells(columns, row));
}

/** The whole CSV file as one string (small exports and tests). */
export async function toCsv(
  questionnaire: Questionnaire,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): Promise<string> {
  let csv = "";
  for await (const chunk of csvChunks(questionnaire, rows)) csv += chunk;
  return csv;
}
