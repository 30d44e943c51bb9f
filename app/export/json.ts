import type { Locale } from "~/i18n/locale";
import { allQuestions, completeAnswers } from "~/questionnaire";
import { kindOf } from "~/questionnaire/question-types";
import type { AnswerValue, Answers, Questionnaire } from "~/questionnaire/types";
import { sectionLabel } from "./columns";
import type { ExportChoice } from "./filters";
import type { ExportRow } from "./row";

import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "./json-parse";

export {
  JSON_EXPORT_FORMAT,
  JSON_EXPORT_VERSION,
  JsonExportError,
  parseJsonExport,
  type JsonImportWarning,
  type ParsedJsonExport,
  type ParsedJsonResponse,
} from "./json-parse";

// The JSON export: for programs, lossless (answers exactly as submitted, typed as FIELDS.md
// says, no spreadsheet neutralisation). The same document can be imported again: see
// json-parse.ts (parseJsonExport, re-exported here). Keys are the canonical field keys in every
// language; `language` and `texts` give the questionnaire's wording in the export's language
// (the reader ignores them: an import never depends on the language a file was exported in).

export type JsonExportFilters = {
  status: string[];
  region: string | null;
  authorised_only: boolean;
};

export type JsonExportResponse = {
  country: string;
  country_name: string;
  region: string;
  status: string;
  imported: boolean;
  submitted_at: string | null;
  accepted_at: string | null;
  response_date: string | null;
  authorize_publication: boolean | null;
  /** Every field key of the round's questionnaire, in order; null when not answered. */
  answers: JsonAnswers;
};

/** A field's wording: its section, its question and, for a choice, each option's text. */
export type JsonQuestionText = {
  /** "I. Institutional Framework", as the XLSX Columns sheet names it. */
  section: string;
  text: string;
  /** By option key, in the definition's order (single and multiple choice only). */
  options?: Record<string, string>;
};

/** The questionnaire's wording in the export's language: texts for people, never keys. */
export type JsonExportTexts = {
  title: string;
  /** The wording of the `authorize_publication` box. */
  authorize_publication: string;
  /** Every field key, in order: the same keys as each response's `answers`. */
  questions: Record<string, JsonQuestionText>;
};

export type JsonExport = {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  round: string;
  /** The version of the round's definition the answers were read against. */
  definition_version: number;
  exported_at: string;
  filters: JsonExportFilters;
  /** The language of `texts` (ar, zh, en, fr, ru or es). */
  language: Locale;
  texts: JsonExportTexts;
  responses: JsonExportResponse[];
};

/** What an export says about itself (JSON and XLSX): when, what was chosen, in which language. */
export type JsonExportMeta = { exportedAt: Date; choice: ExportChoice; locale: Locale };

export function jsonExportResponse(
  questionnaire: Questionnaire,
  row: ExportRow,
): JsonExportResponse {
  return {
    country: row.countryCode,
    country_name: row.countryName,
    region: row.region,
    status: row.status,
    imported: row.imported,
    submitted_at: row.submittedAt?.toISOString() ?? null,
    accepted_at: row.acceptedAt?.toISOString() ?? null,
    response_date: row.responseDate,
    authorize_publication: row.authorizePublication,
    answers: jsonAnswers(questionnaire, row.answers),
  };
}

/** A number question's answer is a JSON number; every other answer as stored. */
export type JsonAnswers = Record<string, AnswerValue | number>;

/** Every key, in order; each value as its type writes it. */
export function jsonAnswers(questionnaire: Questionnaire, answers: Answers): JsonAnswers {
  const complete: JsonAnswers = completeAnswers(questionnaire, answers);
  for (const question of allQuestions(questionnaire)) {
    const value = answers[question.key] ?? null;
    if (value !== null)
      complete[question.key] = kindOf(question).writeJson(question, value) as AnswerValue | number;
  }
  return complete;
}

/** The texts of `questionnaire`, which is the round's questionnaire localized in the language. */
export function jsonExportTexts(questionnaire: Questionnaire): JsonExportTexts {
  const questions: Record<string, JsonQuestionText> = {};
  for (const section of questionnaire.sections)
    for (const question of section.questions)
      questions[question.key] = {
        section: sectionLabel(section),
        text: question.text,
        ...(question.type === "single" || question.type === "multi"
          ? { options: Object.fromEntries(question.options.map((o) => [o.key, o.text])) }
          : {}),
      };
  return {
    title: questionnaire.title,
    authorize_publication: questionnaire.authorizationText,
    questions,
  };
}

function header(questionnaire: Questionnaire, meta: JsonExportMeta) {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    round: questionnaire.round,
    definition_version: questionnaire.version,
    exported_at: meta.exportedAt.toISOString(),
    filters: {
      status: [...meta.choice.statuses],
      region: meta.choice.region ?? null,
      authorised_only: meta.choice.authorisedOnly,
    },
    language: meta.locale,
    texts: jsonExportTexts(questionnaire),
  } as const;
}

const indent = (json: string, by: string) => by + json.replace(/\n/g, `\n${by}`);

/**
 * The JSON document in chunks, one response at a time. Joined, the chunks are exactly
 * `JSON.stringify(document, null, 2)` and a final line break.
 */
export async function* jsonChunks(
  questionnaire: Questionnaire,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
  meta: JsonExportMeta,
): AsyncGenerator<string> {
  const head = JSON.stringify(header(questionnaire, meta), null, 2);
  // The header without its closing "\n}", continued by the responses array.
  yield `${head.slice(0, -2)},\n  "responses": [`;
  let count = 0;
  for await (const row of rows) {
    const response = JSON.stringify(jsonExportResponse(questionnaire, row), null, 2);
    yield `${count === 0 ? "\n" : ",\n"}${indent(response, "    ")}`;
    count++;
  }
  yield count === 0 ? "]\n}\n" : "\n  ]\n}\n";
}

/** The whole JSON document as one string (small exports and tests). */
export async function toJson(
  questionnaire: Questionnaire,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
  meta: JsonExportMeta,
): Promise<string> {
  let json = "";
  for await (const chunk of jsonChunks(questionnaire, rows, meta)) json += chunk;
  return json;
}
