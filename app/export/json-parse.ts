import { findMemberState } from "~/countries";
import { allQuestions, questionnaireFor } from "~/questionnaire";
import type { AnswerValue, Answers, Question, Questionnaire } from "~/questionnaire/types";

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

export type ParsedJsonExport = { round: string; responses: ParsedJsonResponse[] };

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

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The answer, typed as FIELDS.md says, or a problem saying what was expected. */
function readAnswer(question: Question, value: Json): { value: AnswerValue } | { problem: string } {
  if (value === null) return { value: null };
  switch (question.type) {
    case "yesno":
      return value === "yes" || value === "no"
        ? { value }
        : { problem: `must be "yes", "no" or null, not ${show(value)}` };
    case "multi": {
      const keys = question.options.map((option) => option.key);
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
        return { problem: `must be a list of option keys or null, not ${show(value)}` };
      const unknown = value.filter((item) => !keys.includes(item as string));
      if (unknown.length > 0)
        return {
          problem: `has unknown option ${unknown.map(show).join(", ")} (options: ${keys.join(", ")})`,
        };
      // In the definition's order, each once: the form's own normalisation.
      return { value: keys.filter((key) => value.includes(key)) };
    }
    default:
      if (typeof value !== "string") return { problem: `must be text or null, not ${show(value)}` };
      // PostgreSQL cannot store NUL in JSON; the form never sends it.
      return value.includes("\0")
        ? { problem: "contains the character U+0000 (NUL), which cannot be stored" }
        : { value };
  }
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

/** Reads a JSON export (format "msq-export", version 1). Throws JsonExportError when invalid. */
export function parseJsonExport(text: string): ParsedJsonExport {
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
  const questionnaire = typeof round === "string" ? questionnaireFor(round) : undefined;
  if (!questionnaire || typeof round !== "string")
    throw new JsonExportError([`there is no questionnaire for round ${show(round)}.`]);
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
  return { round, responses };
}
