import { z } from "~/zod";
import type { ValidationMessages } from "~/i18n/validation-messages";
import { allQuestions, conditionFields, findQuestion, isAnswered, isAsked } from "./index";
import { kindOf, type IssueCode as ValueIssueCode } from "./question-types";
import type { Answers, Question, Questionnaire } from "./types";

// Validation derived from the definition. Two strengths:
// - draft: every field optional, types and option keys checked; word limits, e-mail format and
//   follow-up conditions are only reported (a draft is never refused for them);
// - submit: the same, with those checks enforced.

export { MAX_LONGTEXT_CHARS, MAX_TEXT_CHARS } from "./question-types";

export type IssueCode =
  | ValueIssueCode
  | "not_asked"
  | "unanswered"
  | "required"
  | "carried_unconfirmed";

export type FieldIssue = {
  field: string;
  code: IssueCode;
  message: string;
  /** Blocking issues refuse a submission; every issue is only a warning on a draft. */
  blocksSubmit: boolean;
};

/**
 * Whether an issue is shown beside its field while filling in: not a question merely not yet
 * answered (required or not: the check-answers page lists those) nor a carried answer waiting
 * for confirmation (it has its own controls).
 */
export function shownWhileFilling(issue: Pick<FieldIssue, "code">): boolean {
  return (
    issue.code !== "unanswered" && issue.code !== "required" && issue.code !== "carried_unconfirmed"
  );
}

const valueSchema = (question: Question, m: ValidationMessages) =>
  kindOf(question).value(question, m, z);

/** Everything worth telling the user about a set of answers, in questionnaire order. */
export function answerIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  m: ValidationMessages,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const question of allQuestions(questionnaire)) {
    const value = answers[question.key];
    const field = question.key;
    if (!isAsked(question, answers)) {
      if (isAnswered(value) && question.when) {
        const parentKey = conditionFields(question.when)[0]!;
        const parent = findQuestion(questionnaire, parentKey);
        const message = m.notAsked(parent?.text ?? parentKey);
        issues.push({ field, code: "not_asked", message, blocksSubmit: true });
      }
      continue;
    }
    if (!isAnswered(value)) {
      if (question.required)
        issues.push({ field, code: "required", message: m.required, blocksSubmit: true });
      else issues.push({ field, code: "unanswered", message: "", blocksSubmit: false });
      continue;
    }
    const problem = kindOf(question).check(question, value ?? null, m);
    if (problem) issues.push({ field, ...problem, blocksSubmit: true });
  }
  return issues;
}

function answersShape(questionnaire: Questionnaire, m: ValidationMessages) {
  return Object.fromEntries(
    allQuestions(questionnaire).map((question) => [
      question.key,
      valueSchema(question, m).optional(),
    ]),
  );
}

/** A partial save: any subset of fields, each of the right type. Unknown keys are refused. */
export function draftAnswersSchema(questionnaire: Questionnaire, m: ValidationMessages) {
  const byMessages = draftSchemas.get(questionnaire) ?? new WeakMap();
  draftSchemas.set(questionnaire, byMessages);
  let schema = byMessages.get(m);
  if (!schema) {
    schema = z.strictObject(answersShape(questionnaire, m));
    byMessages.set(m, schema);
  }
  return schema;
}

type DraftSchema = z.ZodObject<ReturnType<typeof answersShape>, z.core.$strict>;
const draftSchemas = new WeakMap<Questionnaire, WeakMap<ValidationMessages, DraftSchema>>();

/** A submission: the draft rules plus word limits, e-mail format and follow-up conditions. */
export function submitAnswersSchema(questionnaire: Questionnaire, m: ValidationMessages) {
  return draftAnswersSchema(questionnaire, m).superRefine((answers, ctx) => {
    for (const issue of answerIssues(questionnaire, answers as Answers, m)) {
      if (issue.blocksSubmit)
        ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  });
}
