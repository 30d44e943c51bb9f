import { allQuestions, isAnswered } from "~/questionnaire";
import { sameAnswer } from "~/questionnaire/form-data";
import type { AnswerValue, Answers, Question, Questionnaire } from "~/questionnaire/types";

// Most of a country's answers (portals, agencies, its CIO, its laws) hold from one round to the
// next, so a new round's response starts from the last one. Pure: the rules are tested alone.

/** An answer carried from the previous round, as stored on the new response (never changed). */
export type CarriedAnswer = {
  value: AnswerValue;
  /** The question's wording (or its options' wording) changed: the person must re-read it. */
  questionChanged: boolean;
};
export type CarriedAnswers = Record<string, CarriedAnswer>;

const wording = (q: Question) =>
  JSON.stringify([q.text, q.hint ?? "", "options" in q ? q.options.map((o) => o.text) : []]);

/** Whether the answer still means the same under the new question: same type, options present. */
function stillFits(before: Question, after: Question, value: AnswerValue): boolean {
  if (before.type !== after.type) return false;
  if (after.type !== "single" && after.type !== "multi") return true;
  const keys = new Set(after.options.map((o) => o.key));
  const picked = Array.isArray(value) ? value : [value];
  return picked.every((key) => typeof key === "string" && keys.has(key));
}

/**
 * The answers of `previous` that carry into `next`: every answered question whose key and type
 * are unchanged and, for choices, whose picked options all still exist. A removed question is
 * not carried; a new one starts empty.
 */
export function carryForward(
  previous: Questionnaire,
  answers: Answers,
  next: Questionnaire,
): CarriedAnswers {
  const before = new Map(allQuestions(previous).map((q) => [q.key, q]));
  const carried: CarriedAnswers = {};
  for (const question of allQuestions(next)) {
    const old = before.get(question.key);
    const value = answers[question.key] ?? null;
    if (!old || !isAnswered(value) || !stillFits(old, question, value)) continue;
    carried[question.key] = { value, questionChanged: wording(old) !== wording(question) };
  }
  return carried;
}

/** Where a carried answer stands now: what the focal point and the reviewer see per question. */
export type CarriedState = "to_confirm" | "confirmed" | "updated";

export function carriedState(
  carried: CarriedAnswer,
  current: AnswerValue | undefined,
  confirmed: boolean,
): CarriedState {
  if (!sameAnswer(carried.value, current ?? null)) return "updated";
  return confirmed ? "confirmed" : "to_confirm";
}

/** The carried answers still waiting for "Still accurate" or a change: submit is refused while any is. */
export function unconfirmedCarried(
  carried: CarriedAnswers,
  confirmed: readonly string[],
  answers: Answers,
): string[] {
  const done = new Set(confirmed);
  return Object.entries(carried)
    .filter(([key, c]) => carriedState(c, answers[key], done.has(key)) === "to_confirm")
    .map(([key]) => key);
}

/** How a reviewer reads a question of a carried-forward response. */
export type ReviewMark = "unchanged" | "updated" | "new" | "changed_question" | null;

export function reviewMark(
  key: string,
  carried: CarriedAnswers | null,
  previousKeys: ReadonlySet<string> | null,
  current: AnswerValue | undefined,
): ReviewMark {
  if (!carried || !previousKeys) return null;
  const c = carried[key];
  if (!previousKeys.has(key)) return "new";
  if (!c) return isAnswered(current) ? "updated" : null;
  if (!sameAnswer(c.value, current ?? null)) return "updated";
  return c.questionChanged ? "changed_question" : "unchanged";
}

/** Reads the stored JSON columns back, tolerating nulls (responses from before carry-forward). */
export function readCarried(json: unknown): CarriedAnswers | null {
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as CarriedAnswers)
    : null;
}
export function readConfirmed(json: unknown): string[] {
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
}

/** What the pages need to show and check carried answers. */
export type Carry = {
  fromRound: string;
  carried: CarriedAnswers;
  confirmed: readonly string[];
};

export function carryOf(
  response: {
    carried: CarriedAnswers | null;
    carriedFromRoundId: string | null;
    confirmedCarried: readonly string[];
  } | null,
): Carry | null {
  if (!response?.carried || !response.carriedFromRoundId) return null;
  return {
    fromRound: response.carriedFromRoundId,
    carried: response.carried,
    confirmed: response.confirmedCarried,
  };
}

/** A blocking issue for every carried answer not yet confirmed or changed. */
export function carriedIssues(
  carry: Carry | null,
  answers: Answers,
  message: (round: string) => string,
): { field: string; code: "carried_unconfirmed"; message: string; blocksSubmit: true }[] {
  if (!carry) return [];
  return unconfirmedCarried(carry.carried, carry.confirmed, answers).map((field) => ({
    field,
    code: "carried_unconfirmed",
    message: message(carry.fromRound),
    blocksSubmit: true,
  }));
}
