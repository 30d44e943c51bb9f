import { z } from "zod";
import { englishValidationMessages, type ValidationMessages } from "~/i18n/validation-messages";
import { allQuestions, findQuestion, isAnswered, isAsked } from "./index";
import type { Answers, Question, Questionnaire } from "./types";
import { wordLimitState } from "./word-count";

// Validation derived from the definition. Two strengths:
// - draft: every field optional, types and option keys checked; word limits, e-mail format and
//   follow-up conditions are only reported (a draft is never refused for them);
// - submit: the same, with those checks enforced.

/** Safety caps against abuse, far above any honest answer (250 words is ~2,000 characters). */
export const MAX_TEXT_CHARS = 5_000;
export const MAX_LONGTEXT_CHARS = 50_000;

export type IssueCode = "over_word_limit" | "invalid_email" | "not_asked" | "unanswered";

export type FieldIssue = {
  field: string;
  code: IssueCode;
  message: string;
  /** Blocking issues refuse a submission; every issue is only a warning on a draft. */
  blocksSubmit: boolean;
};

function valueSchema(question: Question, m: ValidationMessages) {
  switch (question.type) {
    case "text":
    case "longtext": {
      const cap = question.type === "text" ? MAX_TEXT_CHARS : MAX_LONGTEXT_CHARS;
      return z.string({ error: m.expectedText }).max(cap, m.tooLong(cap)).nullable();
    }
    case "yesno":
      return z.enum(["yes", "no"], { error: m.invalidChoice }).nullable();
    case "multi": {
      const keys = question.options.map((option) => option.key);
      return z
        .array(z.enum(keys as [string, ...string[]], { error: m.unknownOption }))
        .transform((picked) => keys.filter((key) => picked.includes(key)))
        .nullable();
    }
  }
}

// zod 4 compiles a schema when it is built: build each once, not per request.
const emailSchema = z.email();
const isValidEmail = (value: string) => emailSchema.safeParse(value.trim()).success;

/** Everything worth telling the user about a set of answers, in questionnaire order. */
export function answerIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  m: ValidationMessages = englishValidationMessages,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const question of allQuestions(questionnaire)) {
    const value = answers[question.key];
    const field = question.key;
    if (!isAsked(question, answers)) {
      if (isAnswered(value) && question.when) {
        const parent = findQuestion(questionnaire, question.when.field);
        const message = m.notAsked(parent?.text ?? question.when.field);
        issues.push({ field, code: "not_asked", message, blocksSubmit: true });
      }
      continue;
    }
    if (!isAnswered(value)) {
      issues.push({ field, code: "unanswered", message: "", blocksSubmit: false });
      continue;
    }
    if (question.type === "longtext" && typeof value === "string") {
      const { count, over, more } = wordLimitState(value, question.maxWords);
      if (over) {
        const message = more
          ? m.farOverWordLimit(count, question.maxWords)
          : m.overWordLimit(count, question.maxWords);
        issues.push({ field, code: "over_word_limit", message, blocksSubmit: true });
      }
    }
    if (question.type === "text" && question.format === "email" && typeof value === "string") {
      if (!isValidEmail(value)) {
        issues.push({ field, code: "invalid_email", message: m.invalidEmail, blocksSubmit: true });
      }
    }
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
export function draftAnswersSchema(
  questionnaire: Questionnaire,
  m: ValidationMessages = englishValidationMessages,
) {
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
export function submitAnswersSchema(
  questionnaire: Questionnaire,
  m: ValidationMessages = englishValidationMessages,
) {
  return draftAnswersSchema(questionnaire, m).superRefine((answers, ctx) => {
    for (const issue of answerIssues(questionnaire, answers as Answers, m)) {
      if (issue.blocksSubmit)
        ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  });
}
