import type { Copy } from "~/i18n/copy";
import {
  problem as makeProblem,
  type ImportProblem,
  type ImportProblemCode,
  type ImportProblemValues,
  type ImportRefusal,
  type StoredImportWarning,
} from "./problems";

// The importers' problems in words, in the language of `copy` (its `importProblems.*`): on the
// import page and the review and country pages in the reader's language, in English for the
// command-line importer (copyFor("en")). Pure, so that pages format in the browser as well.

/** The values as the message takes them: lists joined, nested problems put into words. */
type Worded<V> = {
  [K in keyof V]: V[K] extends readonly unknown[]
    ? string
    : V[K] extends ImportProblem
      ? string
      : V[K];
};

/** What the catalogue must hold for every code: checked when `copy.importProblems` is read. */
type Messages = {
  [C in ImportProblemCode]: ImportProblemValues[C] extends Record<string, never>
    ? string
    : (values: Worded<ImportProblemValues[C]>) => string;
};

type AnyMessage = string | ((values: Record<string, unknown>) => string);

const isProblem = (value: unknown): value is ImportProblem =>
  typeof value === "object" && value !== null && "code" in value && "values" in value;

/** A problem in words: `importMessage(copyFor("fr"), problem("questionNotFound"))`. */
export function importMessage(copy: Copy, problem: ImportProblem): string {
  // A catalogue without one of the codes, or asking for other values, does not compile here.
  const messages: Messages = copy.importProblems;
  const message = messages[problem.code] as AnyMessage;
  return typeof message === "string" ? message : message(worded(copy, problem.values));
}

function worded(copy: Copy, values: object): Record<string, unknown> {
  const inWords = (value: unknown) => (isProblem(value) ? importMessage(copy, value) : value);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((item) => String(inWords(item))).join(copy.importProblems.listSeparator)
        : inWords(value),
    ]),
  );
}

/** A refusal as lines: what is wrong, then each thing wrong in the file (a JSON export's). */
export function refusalLines(copy: Copy, refusal: ImportRefusal): string[] {
  return [refusal.problem, ...(refusal.details ?? [])].map((p) => importMessage(copy, p));
}

/** A refusal as one text, each thing wrong in the file on a line of its own ("\n- "). */
export function refusalText(copy: Copy, refusal: ImportRefusal): string {
  return refusalLines(copy, refusal).join("\n- ");
}

/**
 * A warning stored with a response in words: one stored before warnings were codes keeps its
 * English sentence; one this version cannot put into words says so, with its code.
 */
export function storedWarningMessage(copy: Copy, warning: StoredImportWarning): string {
  if ("message" in warning) return warning.message;
  try {
    return importMessage(copy, warning);
  } catch {
    // Values that do not fit the message (a file edited by hand): not a page that fails.
    return importMessage(copy, makeProblem("unknownWarning", { code: warning.code }));
  }
}
