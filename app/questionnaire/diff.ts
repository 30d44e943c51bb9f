import { allQuestions } from "./index";
import { sameAnswer } from "./form-data";
import type { AnswerValue, Answers, Questionnaire } from "./types";

export type FieldChange = { field: string; before: AnswerValue; after: AnswerValue };

/** The answers that differ between two versions of a response, in questionnaire order. */
export function changedFields(
  questionnaire: Questionnaire,
  before: Answers,
  after: Answers,
): FieldChange[] {
  return allQuestions(questionnaire)
    .filter((q) => !sameAnswer(before[q.key] ?? null, after[q.key] ?? null))
    .map((q) => ({ field: q.key, before: before[q.key] ?? null, after: after[q.key] ?? null }));
}
