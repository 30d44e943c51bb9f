import type { AnswerValue, Question } from "./types";

// An answer as a person reads it: for the review page, e-mails, exports' explanations and print.
export type AnswerLabels = { yes: string; no: string };

export function formatAnswer(
  question: Question,
  value: AnswerValue | undefined,
  labels: AnswerLabels = { yes: "Yes", no: "No" },
): string | null {
  if (value === null || value === undefined) return null;
  switch (question.type) {
    case "yesno":
      return value === "yes" ? labels.yes : value === "no" ? labels.no : null;
    case "multi": {
      const picked = Array.isArray(value) ? value : [];
      if (picked.length === 0) return null;
      return question.options
        .filter((option) => picked.includes(option.key))
        .map((option) => option.text)
        .join("\n");
    }
    default:
      return typeof value === "string" && value.trim() !== "" ? value : null;
  }
}
