import { findMemberStateByName } from "~/countries";
import type { Questionnaire } from "~/questionnaire";
import type { DocLine } from "./lines";
import { TICKED, UNTICKED } from "./normalise";
import { problem, type ImportProblem } from "./problems";
import { align, tokenize, words } from "./tokens";

// The header: after the introduction paragraph the form has the country, the date, and the
// publication authorisation box, in whatever order the respondent left them.

export type Header = {
  country: string | null;
  /** Short lines that could have been the country but are not a Member State's name. */
  unrecognisedNames: string[];
  responseDate: string | null;
  /** The date as written when it could not be read. */
  unreadableDate: string | null;
  authorizePublication: boolean | null;
  authorisationProblem: ImportProblem | null;
};

const MONTHS =
  "january february march april may june july august september october november december".split(
    " ",
  );

function isoDate(year: number, month: number, day: number): string | null {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  if (
    date.getUTCFullYear() !== fullYear ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

const monthNumber = (name: string) =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/**
 * The date as written: "30/03/2019", "31.07.2019" and "30-03-19" are day/month/year (the UN's
 * and the respondents' usage); "2019-03-30", "30 March 2019" and "March 30, 2019" too.
 * Returns undefined when the line is not a date at all, null when it is one that does not exist.
 */
export function parseDate(text: string): string | null | undefined {
  const line = text
    .trim()
    .replace(/^date\s*:?\s*/i, "")
    .replace(/\.$/, "");
  let m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/.exec(line);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(line);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?,?\s+(\d{4})$/i.exec(line);
  if (m && monthNumber(m[2]!) > 0) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(line);
  if (m && monthNumber(m[1]!) > 0) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  return undefined;
}

/** A short line that could name a country: no digits, no address, a few words. */
function couldBeCountry(text: string): boolean {
  return (
    text.length <= 60 && !/[\d@/]/.test(text) && /\p{L}/u.test(text) && words(text).length <= 8
  );
}

function readAuthorisation(
  lines: readonly DocLine[],
  questionnaire: Questionnaire,
): { value: boolean | null; problem: ImportProblem | null; line: DocLine | null } {
  const pattern = words(questionnaire.authorizationText);
  for (const line of lines) {
    const tokens = tokenize(line.text);
    const start = tokens.findIndex((t) => t.word === pattern[0]);
    if (start < 0) continue;
    const { matched } = align(pattern, tokens, start, 0, { maxLines: 0 });
    if (matched / pattern.length < 0.8) continue;
    const box = line.text.slice(0, tokens[start]!.start);
    if (box.includes(TICKED)) return { value: true, problem: null, line };
    if (box.includes(UNTICKED)) return { value: false, problem: null, line };
    return { value: null, problem: problem("authorisationNoBox"), line };
  }
  return { value: null, problem: problem("authorisationNotFound"), line: null };
}

/** Reads the header from the lines before the first question. */
export function readHeader(lines: readonly DocLine[], questionnaire: Questionnaire): Header {
  const authorisation = readAuthorisation(lines, questionnaire);
  let country: string | null = null;
  let responseDate: string | null = null;
  let unreadableDate: string | null = null;
  const unrecognisedNames: string[] = [];
  for (const line of lines) {
    const text = line.text
      .trim()
      .replace(/^country\s*:\s*/i, "")
      .replace(/[.:;,]$/, "");
    if (text === "" || line === authorisation.line) continue;
    const date = parseDate(text);
    if (date !== undefined) {
      if (date && !responseDate) responseDate = date;
      else if (!date && !unreadableDate) unreadableDate = text;
      continue;
    }
    if (country || !couldBeCountry(text)) continue;
    const state = findMemberStateByName(text);
    if (state) country = state.code;
    else unrecognisedNames.push(text);
  }
  return {
    country,
    unrecognisedNames,
    responseDate,
    unreadableDate: responseDate ? null : unreadableDate,
    authorizePublication: authorisation.value,
    authorisationProblem: authorisation.problem,
  };
}
