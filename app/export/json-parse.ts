import { findMemberState } from "~/countries";
import { problem, type ImportProblem, type ImportWarning } from "~/import/problems";
import { allQuestions } from "~/questionnaire";
import { isIsoDate, kindOf, type JsonRead } from "~/questionnaire/question-types";
import type { Answers, Question, Questionnaire } from "~/questionnaire/types";

// Reading a JSON export back, for the importer: every response is checked against the round's
// questionnaire definition. Anything the definition does not know (a field, an option, a type)
// is an error naming where it is, never silently dropped or guessed. Errors and warnings are codes
// with their values (~/import/problems.ts), put into words where they are shown.

/** The JSON export's identity: a reader refuses any other format or version. */
export const JSON_EXPORT_FORMAT = "msq-export";
export const JSON_EXPORT_VERSION = 1;

export type JsonImportWarning = ImportWarning;

export type ParsedJsonResponse = {
  /** ISO 3166-1 alpha-3 code of a UN Member State. */
  country: string;
  response_date: string | null;
  authorize_publication: boolean | null;
  /** Every field key of the definition, in order; null when not answered. */
  answers: Answers;
  warnings: JsonImportWarning[];
};

export type ParsedJsonExport = {
  round: string;
  /** The definition version the export was written with (older exports did not say). */
  definitionVersion: number | null;
  responses: ParsedJsonResponse[];
};

export class JsonExportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    // For logs only: what users read is the problems, in their language.
    super(`This is not a valid MSQ JSON export: ${problems.map((p) => p.code).join(", ")}`);
    this.name = "JsonExportError";
  }
}

/** Enough to fix a file; a wholly wrong file would otherwise list every field. */
const MAX_PROBLEMS = 20;

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: Json) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

/** The answer, typed as the question's type says, or a problem saying what was expected. */
function readAnswer(question: Question, value: Json): JsonRead {
  return kindOf(question).readJson(question, value);
}

function readResponse(
  questionnaire: Questionnaire,
  item: Json,
  where: string,
  problems: ImportProblem[],
): ParsedJsonResponse | null {
  if (!isObject(item)) {
    problems.push(problem("responseNotObject", { where }));
    return null;
  }
  const country = item.country;
  if (typeof country !== "string" || !/^[A-Z]{3}$/.test(country) || !findMemberState(country)) {
    problems.push(problem("badCountry", { where, value: show(country) }));
    return null;
  }
  const at = `${where} (${country})`;
  const warnings: JsonImportWarning[] = [];

  const responseDate = item.response_date ?? null;
  if (responseDate !== null && (typeof responseDate !== "string" || !isIsoDate(responseDate)))
    problems.push(problem("badResponseDate", { where: at, value: show(responseDate) }));
  const authorisation = item.authorize_publication ?? null;
  if (authorisation !== null && typeof authorisation !== "boolean")
    problems.push(problem("badAuthorisation", { where: at, value: show(authorisation) }));

  if (!isObject(item.answers)) {
    problems.push(problem("answersNotObject", { where: at }));
    return null;
  }
  const given = item.answers;
  const questions = allQuestions(questionnaire);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(given))
    if (!known.has(key))
      problems.push(problem("unknownField", { where: at, field: key, round: questionnaire.round }));

  const answers: Answers = {};
  const missing: string[] = [];
  for (const question of questions) {
    if (!(question.key in given)) missing.push(question.key);
    const read = readAnswer(question, given[question.key] ?? null);
    if ("problem" in read)
      problems.push(problem("badAnswer", { where: at, field: question.key, reason: read.problem }));
    else answers[question.key] = read.value;
  }
  // An export always lists every key; a hand-made file may leave some out: not answered.
  if (missing.length > 0)
    warnings.push({
      field: null,
      ...problem("fieldsNotInFile", { fields: missing, count: missing.length }),
    });
  return {
    country,
    response_date: typeof responseDate === "string" ? responseDate : null,
    authorize_publication: typeof authorisation === "boolean" ? authorisation : null,
    answers,
    warnings,
  };
}

/**
 * Reads a JSON export (format "msq-export", version 1) of the round `questionnaire` belongs to.
 * Throws JsonExportError when invalid, or when the file is another round's.
 */
export function parseJsonExport(text: string, questionnaire: Questionnaire): ParsedJsonExport {
  let document: Json;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new JsonExportError([problem("notJson", { detail: (error as Error).message })]);
  }
  if (!isObject(document) || document.format !== JSON_EXPORT_FORMAT)
    throw new JsonExportError([problem("wrongFormat", { format: JSON_EXPORT_FORMAT })]);
  if (document.version !== JSON_EXPORT_VERSION)
    throw new JsonExportError([
      problem("unsupportedVersion", {
        version: show(document.version),
        supported: JSON_EXPORT_VERSION,
      }),
    ]);
  const round = document.round;
  if (typeof round !== "string") throw new JsonExportError([problem("noRound")]);
  if (round !== questionnaire.round)
    throw new JsonExportError([problem("otherRound", { round, expected: questionnaire.round })]);
  const version = document.definition_version;
  const definitionVersion = typeof version === "number" ? version : null;
  if (!Array.isArray(document.responses)) throw new JsonExportError([problem("responsesNotList")]);

  const problems: ImportProblem[] = [];
  const responses: ParsedJsonResponse[] = [];
  const seen = new Set<string>();
  document.responses.forEach((item, index) => {
    const response = readResponse(questionnaire, item, `responses[${index}]`, problems);
    if (!response) return;
    if (seen.has(response.country))
      problems.push(
        problem("duplicateCountry", { where: `responses[${index}]`, country: response.country }),
      );
    seen.add(response.country);
    responses.push(response);
  });
  if (problems.length > 0) {
    const more = problems.length - MAX_PROBLEMS;
    throw new JsonExportError([
      ...problems.slice(0, MAX_PROBLEMS),
      ...(more > 0 ? [problem("moreProblems", { count: more })] : []),
    ]);
  }
  return { round, definitionVersion, responses };
}
