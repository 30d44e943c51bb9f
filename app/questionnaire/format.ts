import { kindOf, type AnswerLabels } from "./question-types";
import type { AnswerValue, Question } from "./types";

// An answer as a person reads it: for the review page, e-mails, exports' explanations and print.
export type { AnswerLabels };

export function formatAnswer(
  question: Question,
  value: AnswerValue | undefined,
  labels: AnswerLabels = { yes: "Yes", no: "No" },
): string | null {
  if (value === null || value === undefined) return null;
  return kindOf(question).format(question, value, labels);
}
