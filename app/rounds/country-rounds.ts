import { allQuestions, findQuestion } from "~/questionnaire";
import { formatAnswer, type AnswerLabels } from "~/questionnaire/format";
import type { AnswerValue, Answers, Questionnaire } from "~/questionnaire/types";

// A country's answers across rounds, side by side: one row per question key that any round
// asks, one cell per round. Pure: the page (review.$code_.rounds) loads the rounds' definitions
// and the country's responses.

export type RoundColumn = {
  id: string;
  name: string;
  questionnaire: Questionnaire;
  /** The latest submission's answers, else the answers saved so far; null: no response. */
  answers: Answers | null;
};

export type ProfileCell =
  | { kind: "not_asked" }
  | { kind: "unanswered" }
  | { kind: "answer"; text: string; changed: boolean };

export type ProfileRow = { key: string; text: string; cells: ProfileCell[]; changed: boolean };

const answered = (v: AnswerValue | undefined): v is string | string[] =>
  v !== null && v !== undefined && (Array.isArray(v) ? v.length > 0 : v.trim() !== "");

const same = (a: string | string[], b: string | string[]) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((k) => b.includes(k))
    : !Array.isArray(a) && !Array.isArray(b) && a.trim() === b.trim();

/**
 * Rows for `columns` (oldest round first): keys in the newest round's order, then those only
 * earlier rounds asked. An answer is "changed" when the nearest earlier round that has an
 * answer to the same key, asked as the same type, had another.
 */
export function countryRoundRows(columns: readonly RoundColumn[], labels: AnswerLabels) {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const column of [...columns].reverse())
    for (const q of allQuestions(column.questionnaire))
      if (!seen.has(q.key)) {
        seen.add(q.key);
        keys.push(q.key);
      }
  return keys.map((key): ProfileRow => {
    let text = "";
    let previous: { type: string; value: string | string[] } | null = null;
    let changed = false;
    const cells = columns.map((column): ProfileCell => {
      const question = findQuestion(column.questionnaire, key);
      if (!question) return { kind: "not_asked" };
      text = question.text; // the newest round's wording wins
      const value = column.answers?.[key];
      if (!answered(value)) return { kind: "unanswered" };
      const differs =
        previous !== null && previous.type === question.type && !same(previous.value, value);
      previous = { type: question.type, value };
      if (differs) changed = true;
      return {
        kind: "answer",
        text: formatAnswer(question, value, labels) ?? "",
        changed: differs,
      };
    });
    return { key, text, cells, changed };
  });
}
