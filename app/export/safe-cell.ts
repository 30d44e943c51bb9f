import type { Cell } from "./row";

// Spreadsheet formula injection: a cell whose text starts with one of these characters may be
// run as a formula when the file is opened in Excel, LibreOffice or Google Sheets (and answers
// are typed by people outside the UN). OWASP's recommendation is to prefix such a cell with a
// single quote, which every spreadsheet shows as text. Applied to CSV and XLSX text cells;
// the JSON export, read by programs, keeps the exact answer.
// https://owasp.org/www-community/attacks/CSV_Injection
const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.some((start) => text.startsWith(start));
}

export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** The cell as written to a spreadsheet: text neutralised, numbers and empty cells as they are. */
export function safeCell(cell: Cell): Cell {
  return typeof cell === "string" ? neutraliseText(cell) : cell;
}
