import type { Cell } from "./row";

// Spreadsheet formula injection, in CSV only: a CSV field has no type, so Excel, LibreOffice and
// Google Sheets evaluate a field that starts like a formula, and answers are typed by people
// outside the UN. OWASP's list of starts: `=`, `+`, `-`, `@`, tab and CR; such a field gets a
// leading `'`, which spreadsheets read as "text follows". A plain number (`-5`, `+3.5`) is read
// as that number and cannot run anything, so it stays as written.
// XLSX cells are typed: a text cell is never a formula, so the XLSX export keeps every answer
// exactly; JSON, read by programs, keeps it too.
// https://owasp.org/www-community/attacks/CSV_Injection
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** The cell as written to a CSV file: text neutralised, numbers and empty cells as they are. */
export function csvSafeCell(cell: Cell): Cell {
  return typeof cell === "string" ? neutraliseText(cell) : cell;
}
