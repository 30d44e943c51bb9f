// What the importers find: a problem or warning is a code and its values, never a sentence. It is
// stored with a response (Response.importWarnings), sent to the import page and printed by the
// command, and only put into words where it is shown, in the reader's language
// (import-messages.ts, from the catalogues' `importProblems.*`). The values are what a message
// names and no language translates: field keys, option keys, file names, numbers, round ids,
// and text quoted from the document or the file.
//
// A value that is a list is joined as the reader's language joins one; a value that is itself a
// problem (a fragment such as a condition) is put into the sentence in words of the same language.

type None = Record<string, never>;

/** Each code's values: the compiler checks every problem written and every message read. */
export interface ImportProblemValues {
  // --- warnings on a response read from a document ------------------------------------------
  /** A yes/no left unreadable, read as yes because followups asked only on yes are filled in. */
  impliedYes: { fields: string[]; count: number };
  /** A followup answered although its condition does not hold (`state`: why it does not). */
  answeredNotAsked: { state: ImportProblem; condition: ImportProblem };
  notAnEmail: { value: string };
  overWordLimit: { words: number; max: number };
  /** Labels listed before their values (`labels`: the questions' wording, quoted). */
  valuesAfterLabels: { labels: ImportProblem[] };
  /** A block moved from the question above to the empty one below (their wording). */
  answerMovedDown: { above: string; empty: string };
  authorisationNoBox: None;
  authorisationNotFound: None;
  neitherYesNorNo: None;
  bothYesAndNo: None;
  yesNoMarksLost: None;
  noYesNo: None;
  optionsNotFound: None;
  /** Option keys. */
  optionsMissing: { options: string[] };
  optionsWithoutBox: { options: string[] };
  ticksFromComments: { options: string[] };
  /** The same, some options having no comment. */
  ticksFromSomeComments: { options: string[] };
  ticksLost: None;
  questionNotFound: None;
  yesNoTextDropped: { text: string };
  optionsTextDropped: { text: string };
  /** Short lines that could have named the country (quoted). */
  countryUnrecognised: { names: ImportProblem[]; count: number };
  countryNotFound: None;
  dateInvalid: { date: string };
  dateNotFound: None;
  /** A JSON export's response that leaves fields out. */
  fieldsNotInFile: { fields: string[]; count: number };

  // --- fragments: parts of the sentences above ------------------------------------------------
  /** Text of the document or the definition, in quotation marks. */
  quoted: { text: string };
  conditionFails: { condition: ImportProblem };
  parentUnread: { field: string };
  fieldIs: { field: string; value: string };
  fieldIncludes: { field: string; value: string };
  optionNotTicked: { field: string; option: string };
  bothOf: { first: ImportProblem; second: ImportProblem };
  eitherOf: { first: ImportProblem; second: ImportProblem };

  // --- why a file, or a response in it, is refused --------------------------------------------
  /** Anything said of a file, prefixed with its name. */
  inFile: { name: string; problem: ImportProblem };
  tooManyLines: { round: string; lines: number };
  noQuestionsFound: { round: string };
  fewQuestionsFound: { round: string; found: number; total: number };
  /** Sizes in megabytes. */
  fileTooLarge: { name: string; size: number; limit: number };
  binaryFile: { name: string };
  notUtf8: { name: string };
  emptyFile: { name: string };
  countryNotKnown: { name: string; why: ImportProblem };
  emptyExport: { name: string };
  noSuchFile: { name: string };
  notAFile: { name: string };
  severalResponses: { name: string; count: number };
  readTooSlow: { name: string; seconds: number };
  readFailed: { name: string };
  /** A Word or PDF file that cannot be opened. */
  documentDamaged: { name: string };
  documentEncrypted: { name: string };
  /** A PDF without a text layer: a scan. */
  pdfWithoutText: { name: string };
  /** A Word file (a zip) inflating past `limit` megabytes. */
  documentInflatesTooLarge: { name: string; limit: number };
  documentTooManyParts: { name: string; limit: number };
  /** Sizes in megabytes, of the text extracted. */
  documentTextTooLarge: { name: string; size: number; limit: number };
  /** The command-line importer: an unexpected error (`detail`: its own message). */
  importFailed: { name: string; detail: string };

  // --- a JSON export that cannot be read (`where`: "responses[2] (NOR)") -----------------------
  invalidJsonExport: None;
  notJson: { detail: string };
  wrongFormat: { format: string };
  /** `version`: the file's value, as JSON. */
  unsupportedVersion: { version: string; supported: number };
  noRound: None;
  otherRound: { round: string; expected: string };
  responsesNotList: None;
  responseNotObject: { where: string };
  /** `value`: the file's value, as (shortened) JSON. */
  badCountry: { where: string; value: string };
  badResponseDate: { where: string; value: string };
  badAuthorisation: { where: string; value: string };
  answersNotObject: { where: string };
  unknownField: { where: string; field: string; round: string };
  /** `reason`: one of the answer… fragments below. */
  badAnswer: { where: string; field: string; reason: ImportProblem };
  duplicateCountry: { where: string; country: string };
  moreProblems: { count: number };
  answerNotText: { value: string };
  answerHasNul: None;
  answerNotNumber: { value: string };
  answerNotYesNo: { value: string };
  answerNotOption: { options: string[]; value: string };
  answerNotOptionList: { value: string };
  answerUnknownOptions: { unknown: string[]; options: string[] };
  answerNotDate: { value: string };

  // --- why filing a response is refused -------------------------------------------------------
  noQuestionnaire: { round: string };
  countryUnknown: None;
  roundNotInDatabase: { round: string };
  countryNotInDatabase: { country: string };
  notCreatedByImport: { country: string; round: string };
  /** `kind`: the event's kind; `at`: when, "2026-12-02 14:20 UTC". */
  editedSinceImport: { country: string; round: string; kind: string; at: string };

  // --- shown in place of a stored warning this version cannot put into words -----------------
  unknownWarning: { code: string };
}

export type ImportProblemCode = keyof ImportProblemValues;

/** One problem: its code and that code's values. */
export type ImportProblem = {
  [C in ImportProblemCode]: { code: C; values: ImportProblemValues[C] };
}[ImportProblemCode];

export type ProblemOf<C extends ImportProblemCode> = Extract<ImportProblem, { code: C }>;

/** `problem("overWordLimit", { words: 260, max: 250 })`; `problem("countryNotFound")`. */
export function problem<C extends ImportProblemCode>(
  code: C,
  ...values: ImportProblemValues[C] extends None ? [] : [ImportProblemValues[C]]
): ProblemOf<C> {
  return { code, values: values[0] ?? {} } as ProblemOf<C>;
}

/** A warning about a response: a problem, and the field it is about (null: the whole document). */
export type ImportWarning = ImportProblem & { field: string | null };

/** The problem a warning states, without its field. */
export const problemOf = (warning: ImportWarning): ImportProblem =>
  ({ code: warning.code, values: warning.values }) as ImportProblem;

/** Why a file or a response in it is refused; `details`: what is wrong in a JSON export. */
export type ImportRefusal = { problem: ImportProblem; details?: ImportProblem[] };

export const refusal = (problem: ImportProblem, details?: ImportProblem[]): ImportRefusal =>
  details && details.length > 0 ? { problem, details } : { problem };

// Every code once, so that tests and the reader of stored warnings can list them: the compiler
// refuses this object when a code is missing or unknown.
const CODES: { [C in ImportProblemCode]: true } = {
  impliedYes: true,
  answeredNotAsked: true,
  notAnEmail: true,
  overWordLimit: true,
  valuesAfterLabels: true,
  answerMovedDown: true,
  authorisationNoBox: true,
  authorisationNotFound: true,
  neitherYesNorNo: true,
  bothYesAndNo: true,
  yesNoMarksLost: true,
  noYesNo: true,
  optionsNotFound: true,
  optionsMissing: true,
  optionsWithoutBox: true,
  ticksFromComments: true,
  ticksFromSomeComments: true,
  ticksLost: true,
  questionNotFound: true,
  yesNoTextDropped: true,
  optionsTextDropped: true,
  countryUnrecognised: true,
  countryNotFound: true,
  dateInvalid: true,
  dateNotFound: true,
  fieldsNotInFile: true,
  quoted: true,
  conditionFails: true,
  parentUnread: true,
  fieldIs: true,
  fieldIncludes: true,
  optionNotTicked: true,
  bothOf: true,
  eitherOf: true,
  inFile: true,
  tooManyLines: true,
  noQuestionsFound: true,
  fewQuestionsFound: true,
  fileTooLarge: true,
  binaryFile: true,
  notUtf8: true,
  emptyFile: true,
  countryNotKnown: true,
  emptyExport: true,
  noSuchFile: true,
  notAFile: true,
  severalResponses: true,
  readTooSlow: true,
  readFailed: true,
  documentDamaged: true,
  documentEncrypted: true,
  pdfWithoutText: true,
  documentInflatesTooLarge: true,
  documentTooManyParts: true,
  documentTextTooLarge: true,
  importFailed: true,
  invalidJsonExport: true,
  notJson: true,
  wrongFormat: true,
  unsupportedVersion: true,
  noRound: true,
  otherRound: true,
  responsesNotList: true,
  responseNotObject: true,
  badCountry: true,
  badResponseDate: true,
  badAuthorisation: true,
  answersNotObject: true,
  unknownField: true,
  badAnswer: true,
  duplicateCountry: true,
  moreProblems: true,
  answerNotText: true,
  answerHasNul: true,
  answerNotNumber: true,
  answerNotYesNo: true,
  answerNotOption: true,
  answerNotOptionList: true,
  answerUnknownOptions: true,
  answerNotDate: true,
  noQuestionnaire: true,
  countryUnknown: true,
  roundNotInDatabase: true,
  countryNotInDatabase: true,
  notCreatedByImport: true,
  editedSinceImport: true,
  unknownWarning: true,
};

export const importProblemCodes = Object.keys(CODES) as ImportProblemCode[];

export const isImportProblemCode = (value: unknown): value is ImportProblemCode =>
  typeof value === "string" && Object.hasOwn(CODES, value);

// --- warnings stored with a response ----------------------------------------------------------

/** A warning stored before warnings were codes: its English sentence, shown as it is. */
export type LegacyImportWarning = { field: string | null; message: string };

export type StoredImportWarning = ImportWarning | LegacyImportWarning;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The warnings stored with a response (Response.importWarnings, JSON), at most `limit`: those
 * written as codes, and those written as English sentences before (still in older databases).
 * A code this version does not know is kept as `unknownWarning`; anything else is skipped.
 */
export function storedImportWarnings(json: unknown, limit = Infinity): StoredImportWarning[] {
  if (!Array.isArray(json)) return [];
  const warnings: StoredImportWarning[] = [];
  for (const item of json) {
    if (warnings.length >= limit) break;
    if (!isRecord(item)) continue;
    const field = typeof item.field === "string" ? item.field : null;
    if (typeof item.code === "string") {
      warnings.push(
        isImportProblemCode(item.code) && isRecord(item.values)
          ? ({ field, code: item.code, values: item.values } as ImportWarning)
          : { field, ...problem("unknownWarning", { code: item.code }) },
      );
    } else if (typeof item.message === "string") {
      warnings.push({ field, message: item.message });
    }
  }
  return warnings;
}
