import { findMemberState } from "~/countries";
import { allQuestions } from "~/questionnaire";
import { isIsoDate, kindOf, type JsonRead } from "~/questionnaire/question-types";
import type { Answers, Question, Questionnaire } from "~/questionnaire/types";

// Reading a JSON export back, for the importer: every response is checked against the round's
// questionnaire definition. Anything the definition does not know (a field, an option, a type)
// is an error naming where it is, never silently dropped or guessed.

/** The JSON export's identity: a reader refuses any other format or version. */
export const JSON_EXPORT_FORMAT = "msq-export";
export const JSON_EXPORT_VERSION = 1;

export type JsonImportWarning = { field: string | null; message: string };

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
  constructor(readonly problems: string[]) {
    super(
      `This is not a valid MSQ JSON export:\n${problems.map((problem) => `- ${problem}`).join("\n")}`,
    );
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
  problems: string[],
): ParsedJsonResponse | null {
  if (!isObject(item)) {
    problems.push(`${where} must be an object.`);
    return null;
  }
  const country = item.country;
  if (typeof country !== "string" || !/^[A-Z]{3}$/.test(country) || !findMemberState(country)) {
    problems.push(
      `${where}.country must be the ISO 3166-1 alpha-3 code of a UN Member State, not ${show(country)}.`,
    );
    return null;
  }
  const at = `${where} (${country})`;
  const warnings: JsonImportWarning[] = [];

  const responseDate = item.response_date ?? null;
  if (responseDate !== null && (typeof responseDate !== "string" || !isIsoDate(responseDate)))
    problems.push(
      `${at}: response_date must be a date YYYY-MM-DD or null, not ${show(responseDate)}.`,
    );
  const authorisation = item.authorize_publication ?? null;
  if (authorisation !== null && typeof authorisation !== "boolean")
    problems.push(
      `${at}: authorize_publication must be true, false or null, not ${show(authorisation)}.`,
    );

  if (!isObject(item.answers)) {
    problems.push(`${at}: answers must be an object keyed by field key.`);
    return null;
  }
  const given = item.answers;
  const questions = allQuestions(questionnaire);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(given))
    if (!known.has(key))
      problems.push(`${at}: answers.${key} is not a field of the MSQ ${questionnaire.round}.`);

  const answers: Answers = {};
  const missing: string[] = [];
  for (const question of questions) {
    if (!(question.key in given)) missing.push(question.key);
    const read = readAnswer(question, given[question.key] ?? null);
    if ("problem" in read) problems.push(`${at}: answers.${question.key} ${read.problem}.`);
    else answers[question.key] = read.value;
  }
  // An export always lists every key; a hand-made file may leave some out: not answered.
  if (missing.length > 0)
    warnings.push({
      field: null,
      message: `${missing.length} field(s) are not in the file and are taken as not answered: ${missing.join(", ")}.`,
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
    throw new JsonExportError([`it is not JSON (${(error as Error).message}).`]);
  }
  if (!isObject(document) || document.format !== JSON_EXPORT_FORMAT)
    throw new JsonExportError([`"format" must be "${JSON_EXPORT_FORMAT}".`]);
  if (document.version !== JSON_EXPORT_VERSION)
    throw new JsonExportError([
      `version ${show(document.version)} is not supported; this portal reads version ${JSON_EXPORT_VERSION}.`,
    ]);
  const round = document.round;
  if (typeof round !== "string") throw new JsonExportError([`"round" must name the round.`]);
  if (round !== questionnaire.round)
    throw new JsonExportError([
      `it holds responses to the MSQ ${round}, not to the MSQ ${questionnaire.round}: import it into round ${round}, where its questions are.`,
    ]);
  const version = document.definition_version;
  const definitionVersion = typeof version === "number" ? version : null;
  if (!Array.isArray(document.responses))
    throw new JsonExportError([`"responses" must be a list.`]);

  const problems: string[] = [];
  const responses: ParsedJsonResponse[] = [];
  const seen = new Set<string>();
  document.responses.forEach((item, index) => {
    const response = readResponse(questionnaire, item, `responses[${index}]`, problems);
    if (!response) return;
    if (seen.has(response.country))
      problems.push(`responses[${index}]: ${response.country} appears more than once.`);
    seen.add(response.country);
    responses.push(response);
  });
  if (problems.length > 0) {
    const more = problems.length - MAX_PROBLEMS;
    throw new JsonExportError([
      ...problems.slice(0, MAX_PROBLEMS),
      ...(more > 0 ? [`and ${more} more.`] : []),
    ]);
  }
  return { round, definitionVersion, responses };
}
