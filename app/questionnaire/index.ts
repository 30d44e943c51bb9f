import type { AnswerValue, Answers, Condition, Question, Questionnaire, Section } from "./types";

export type * from "./types";

/** The publish-authorisation box: a header field saved, exported and imported beside the answers. */
export const AUTHORIZATION_KEY = "authorize_publication";

/** All questions in questionnaire order. */
export function allQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((section) => section.questions);
}

export function fieldKeys(questionnaire: Questionnaire): string[] {
  return allQuestions(questionnaire).map((question) => question.key);
}

export function findQuestion(questionnaire: Questionnaire, key: string): Question | undefined {
  return allQuestions(questionnaire).find((question) => question.key === key);
}

export function findSection(questionnaire: Questionnaire, id: string): Section | undefined {
  return questionnaire.sections.find((section) => section.id === id);
}

export function sectionOf(questionnaire: Questionnaire, key: string): Section | undefined {
  return questionnaire.sections.find((s) => s.questions.some((q) => q.key === key));
}

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, answers));
  const value = answers[condition.field];
  if ("equals" in condition) return value === condition.equals;
  return Array.isArray(value) && value.includes(condition.includes);
}

/** The questions a condition reads, in the order it names them. */
export function conditionFields(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionFields);
  if ("any" in condition) return condition.any.flatMap(conditionFields);
  return [condition.field];
}

/** Whether a question is asked, given the answers so far (follow-ups depend on their parent). */
export function isAsked(question: Question, answers: Answers): boolean {
  return !question.when || conditionHolds(question.when, answers);
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return value.trim() !== "";
}

/** A map with every key of the questionnaire, unanswered ones as null (the import/export shape). */
export function completeAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  return Object.fromEntries(fieldKeys(questionnaire).map((key) => [key, answers[key] ?? null]));
}
