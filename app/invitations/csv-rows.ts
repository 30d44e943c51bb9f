import { formatList, type Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";

// Reads the administrator's CSV of focal points (docs/invitations.md): UTF-8 (a BOM is fine),
// RFC 4180 quoting, a header line naming the columns country, email, name and optionally
// language, in any order and any case. Pure and linear in the file's size: each character is
// looked at a bounded number of times (quoted values are cut with indexOf from where the last
// cut ended), so the largest file accepted reads in milliseconds whatever it holds
// (csv-rows.test.ts). The project's CSV library, csv-parse, is a development dependency only
// (tests read exports back with it); this reader is checked against it there.

export const MAX_FILE_BYTES = 1_000_000;
export const MAX_ROWS = 2_000;
/** Values kept per record: more than a header could name, so a line of 100,000 commas is cheap. */
const MAX_KEPT_FIELDS = 16;

export const COLUMNS = ["country", "email", "name", "language"] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ["country", "email", "name"];
const ALIASES: Record<string, Column> = { "e-mail": "email" };

/** One record of the file: where it starts, how many values it has, the first few of them. */
export type CsvRecord = { line: number; fieldCount: number; fields: string[] };

/** One focal point's line, by column; every value as written (untrimmed). */
export type CsvRow = {
  line: number;
  /** Values on the line, and columns the header names: they differ on a malformed line. */
  fieldCount: number;
  columnCount: number;
  country: string;
  email: string;
  name: string;
  language: string | null;
};

export type CsvReading = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in text[from, to): CR LF, LF and a lone CR each count once. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

export type RecordsReading =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; problem: "unclosedQuote" | "afterQuote" | "tooManyRecords"; line: number };

/**
 * The records of an RFC 4180 text, blank lines left out. Stops with an error at an unclosed
 * quotation mark, at text after a closing one, or past `maxRecords` records.
 */
export function readCsvRecords(
  text: string,
  options: { delimiter?: "," | ";"; maxRecords?: number } = {},
): RecordsReading {
  const delimiter = (options.delimiter ?? ",").charCodeAt(0);
  const maxRecords = options.maxRecords ?? Infinity;
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let fieldCount = 0;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const parts: string[] = [];
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return { ok: false, problem: "unclosedQuote", line: start };
          line += lineBreaks(text, from, quote);
          parts.push(text.slice(from, quote));
          if (text.charCodeAt(quote + 1) === QUOTE) {
            parts.push('"');
            from = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        value = parts.join("");
        const next = text.charCodeAt(i);
        if (i < n && next !== delimiter && next !== CR && next !== LF)
          return { ok: false, problem: "afterQuote", line };
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === delimiter || c === CR || c === LF) break;
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      if (fieldCount++ < MAX_KEPT_FIELDS) fields.push(value);
      if (i < n && text.charCodeAt(i) === delimiter) {
        i++;
        continue;
      }
      // The end of the record: a line break (CR LF, LF or CR) or the end of the text.
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    const blank = fieldCount === 1 && fields[0] === "";
    if (!blank) {
      if (records.length >= maxRecords)
        return { ok: false, problem: "tooManyRecords", line: start };
      records.push({ line: start, fieldCount, fields });
    }
  }
  return { ok: true, records };
}

/** Excel saves "CSV" with semicolons where the decimal separator is a comma (French, Spanish…). */
function delimiterOf(text: string): "," | ";" {
  const breakAt = text.search(/[\r\n]/);
  const header = breakAt === -1 ? text : text.slice(0, breakAt);
  return !header.includes(",") && header.includes(";") ? ";" : ",";
}

/** Decodes the upload: UTF-8 only (a wrong encoding would garble names silently). */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The focal points of the file, or why the file as a whole cannot be read (said in the
 * uploader's language).
 */
export function readInvitationCsv(
  input: string,
  language: { copy: Copy; locale: Locale },
): CsvReading {
  const copy = language.copy.invitations.fileProblems;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const read = readCsvRecords(text, { delimiter: delimiterOf(text), maxRecords: MAX_ROWS + 1 });
  if (!read.ok) {
    const error =
      read.problem === "tooManyRecords"
        ? copy.tooManyRows({ max: MAX_ROWS })
        : copy[read.problem]({ line: read.line });
    return { ok: false, error };
  }
  const [header, ...records] = read.records;
  if (!header) return { ok: false, error: copy.empty };

  const index = new Map<Column, number>();
  for (const [position, raw] of header.fields.entries()) {
    const name = raw.trim().toLowerCase();
    const column = ALIASES[name] ?? COLUMNS.find((c) => c === name);
    if (!column) continue; // other columns (notes, a phone number) are left alone
    if (index.has(column)) return { ok: false, error: copy.repeatedColumn({ column }) };
    index.set(column, position);
  }
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0)
    return {
      ok: false,
      error: copy.missingColumns({ missing: formatList(language.locale, missing) }),
    };
  if (records.length === 0) return { ok: false, error: copy.noRows };

  const value = (record: CsvRecord, column: Column) => {
    const position = index.get(column);
    return position === undefined ? undefined : (record.fields[position] ?? "");
  };
  return {
    ok: true,
    rows: records.map((record) => ({
      line: record.line,
      fieldCount: record.fieldCount,
      columnCount: header.fieldCount,
      country: value(record, "country")!,
      email: value(record, "email")!,
      name: value(record, "name")!,
      language: value(record, "language") ?? null,
    })),
  };
}
