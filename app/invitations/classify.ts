import { z } from "~/zod";
import { findMemberState, findMemberStateByName } from "~/countries";
import type { Copy } from "~/i18n/copy";
import type { CsvRow } from "./csv-rows";

// What each line of the file will do (the preview): only NEW lines are sent. One mark per line,
// the first that applies in this order: a malformed line, a bad address, a repeat of an earlier
// address, an address that already has an account, an unknown country, an unknown language.
// Pure: the addresses that already have a user are looked up by the caller (candidateEmails).
// Every check is linear in the line's length, and no value longer than MAX_VALUE_CHARS reaches
// a regular expression or the country names.

/** What the preview found for a line. */
export type RowClassName =
  | "NEW"
  | "ALREADY_INVITED"
  | "DUPLICATE"
  | "UNKNOWN_COUNTRY"
  | "BAD_ADDRESS"
  | "BAD_LANGUAGE"
  | "BAD_ROW";

/** Where a line's sending is (send-batch.server.ts). */
export type RowStatusName = "PENDING" | "SENDING" | "SENT" | "FAILED" | "SKIPPED";

type Reasons = Copy["invitations"]["reasons"];
const emailAddress = z.email();

/** The six UN languages, as ISO 639-1 codes. */
export const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The longest e-mail address SMTP carries (RFC 5321); every value of a line is capped so. */
export const MAX_VALUE_CHARS = 254;

export type ClassifiedRow = {
  line: number;
  /** As written (trimmed), for the preview. */
  country: string;
  address: string;
  name: string;
  language: string | null;
  /** The Member State, the normalised address and the language, when the line names them. */
  countryCode: string | null;
  email: string | null;
  languageCode: Language | null;
  classification: RowClassName;
  /** Why the line is not NEW. */
  reason: string | null;
};

/** As sign-in does (auth/sign-in.server.ts normaliseEmail): accounts are stored lower-case. */
const normalise = (address: string) => address.trim().toLowerCase();

function addressOf(raw: string, reasons: Reasons): { email: string } | { reason: string } {
  const trimmed = raw.trim();
  if (trimmed === "") return { reason: reasons.noAddress };
  if (!emailAddress.safeParse(trimmed).success) {
    return { reason: reasons.badAddress({ given: trimmed }) };
  }
  return { email: normalise(trimmed) };
}

function countryOf(raw: string) {
  const given = raw.trim();
  if (/^[A-Za-z]{3}$/.test(given)) return findMemberState(given) ?? null;
  return findMemberStateByName(given) ?? null;
}

const isLanguage = (code: string): code is Language =>
  (LANGUAGES as readonly string[]).includes(code);

function tooLong(row: CsvRow): string | null {
  for (const column of ["country", "email", "name", "language"] as const) {
    if ((row[column] ?? "").length > MAX_VALUE_CHARS) return column;
  }
  return null;
}

/** The well-formed addresses of the file, normalised: look up which already have a user. */
export function candidateEmails(rows: readonly CsvRow[]): string[] {
  const emails = new Set<string>();
  for (const row of rows) {
    if (row.fieldCount > row.columnCount || tooLong(row)) continue;
    const trimmed = row.email.trim();
    if (trimmed !== "" && emailAddress.safeParse(trimmed).success) emails.add(normalise(trimmed));
  }
  return [...emails];
}

/**
 * Marks each line; `existing` holds the normalised addresses that already have a user. The
 * reasons are written in the language of the administrator who uploads the file.
 */
export function classifyRows(
  rows: readonly CsvRow[],
  existing: ReadonlySet<string>,
  reasons: Reasons,
): ClassifiedRow[] {
  const firstLine = new Map<string, number>();
  return rows.map((row) => {
    const long = tooLong(row);
    const shown = (value: string) => value.trim().slice(0, MAX_VALUE_CHARS);
    const base = {
      line: row.line,
      country: shown(row.country),
      address: shown(row.email),
      name: shown(row.name),
      language: row.language === null ? null : shown(row.language) || null,
      countryCode: null,
      email: null,
      languageCode: null,
    };
    const mark = (classification: RowClassName, reason: string | null, found = {}) => ({
      ...base,
      ...found,
      classification,
      reason,
    });

    if (row.fieldCount > row.columnCount)
      return mark(
        "BAD_ROW",
        reasons.tooManyFields({ fields: row.fieldCount, columns: row.columnCount }),
      );
    if (long) return mark("BAD_ROW", reasons.tooLong({ column: long, max: MAX_VALUE_CHARS }));

    // The country and the language are shown on every line that has them, whatever its mark.
    const state = countryOf(row.country);
    const language = base.language?.toLowerCase() ?? null;
    const languageCode = language && isLanguage(language) ? language : null;
    const known = { countryCode: state?.code ?? null, languageCode };

    const address = addressOf(row.email, reasons);
    if ("reason" in address) return mark("BAD_ADDRESS", address.reason, known);
    const { email } = address;
    const earlier = firstLine.get(email);
    if (earlier !== undefined)
      return mark("DUPLICATE", reasons.duplicate({ line: earlier }), known);
    firstLine.set(email, row.line);

    const found = { ...known, email };
    if (existing.has(email)) return mark("ALREADY_INVITED", reasons.alreadyInvited, found);
    if (!state) {
      const reason = base.country
        ? reasons.unknownCountry({ given: base.country })
        : reasons.noCountry;
      return mark("UNKNOWN_COUNTRY", reason, found);
    }
    if (language && !languageCode)
      return mark("BAD_LANGUAGE", reasons.badLanguage({ given: base.language! }), found);
    return mark("NEW", null, found);
  });
}

/** How many lines of each mark, in the order of the marks. */
export function countClasses(rows: readonly { classification: RowClassName }[]) {
  const counts: Record<RowClassName, number> = {
    NEW: 0,
    ALREADY_INVITED: 0,
    DUPLICATE: 0,
    UNKNOWN_COUNTRY: 0,
    BAD_ADDRESS: 0,
    BAD_LANGUAGE: 0,
    BAD_ROW: 0,
  };
  for (const row of rows) counts[row.classification]++;
  return counts;
}
