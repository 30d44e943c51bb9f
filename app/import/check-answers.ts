import { allQuestions, conditionHolds, findQuestion, isAnswered } from "~/questionnaire";
import type { Answers, Condition, Question, Questionnaire } from "~/questionnaire";
import { wordCount, wordLimitFor } from "~/questionnaire/word-count";
import type { ImportWarning } from "./parse-msq";

// What follows from the answers as a whole, once every question has been read.

/**
 * One e-mail address: no spaces, one "@", a "." inside the domain. By hand: the expression
 * `^[^\s@]+@[^\s@]+\.[^\s@]+$` tries every "." of a long domain and is quadratic in it.
 */
function isEmail(value: string): boolean {
  const at = value.indexOf("@");
  if (at < 1 || /\s/.test(value) || value.indexOf("@", at + 1) >= 0) return false;
  return value.slice(at + 2, -1).includes(".");
}

/**
 * The form's own word count, as the portal will show it. On text far beyond any honest answer
 * (a pathological file) a count of spaces is enough, and the exact count would be slow.
 */
function countWords(text: string): number {
  return text.length <= 20_000 ? wordCount(text) : text.split(/\s+/).filter(Boolean).length;
}

const yesFollowups = (questionnaire: Questionnaire, key: string) =>
  allQuestions(questionnaire).filter(
    (q) => q.when && "equals" in q.when && q.when.field === key && q.when.equals === "yes",
  );

/**
 * A yes/no left unreadable while a followup asked only on "yes" names something (the CIO's name,
 * title, …) means yes (docs/FIELDS.md). Long-text followups ("If yes, do you publish …") are
 * not enough: "No, not yet" can be written there too.
 */
function impliedYes(questionnaire: Questionnaire, answers: Answers): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const question of allQuestions(questionnaire)) {
    if (question.type !== "yesno" || answers[question.key] !== null) continue;
    const naming = yesFollowups(questionnaire, question.key).filter(
      (q) => (q.type === "text" || q.type === "email") && isAnswered(answers[q.key] ?? null),
    );
    if (naming.length === 0) continue;
    answers[question.key] = "yes";
    warnings.push({
      field: question.key,
      message: `No explicit Yes/No; read as "yes" because ${naming.map((q) => q.key).join(", ")} ${naming.length > 1 ? "are" : "is"} filled in.`,
    });
  }
  return warnings;
}

function parentState(question: Question, answers: Answers, questionnaire: Questionnaire): string {
  const when = question.when!;
  if (!("field" in when)) return `its condition (${askedWhen(question)}) does not hold`;
  const parent = answers[when.field];
  if (parent === null || parent === undefined) return `${when.field} could not be read`;
  if ("equals" in when) return `${when.field} is "${String(parent)}"`;
  const option = findQuestion(questionnaire, when.field);
  const text =
    option?.type === "multi"
      ? option.options.find((o) => o.key === when.includes)?.text
      : undefined;
  return `"${text ?? when.includes}" is not ticked in ${when.field}`;
}

function askedWhen(question: Question): string {
  return conditionText(question.when!);
}

function conditionText(when: Condition): string {
  if ("all" in when) return when.all.map(conditionText).join(" and ");
  if ("any" in when) return when.any.map(conditionText).join(" or ");
  return "equals" in when
    ? `${when.field} is "${when.equals}"`
    : `${when.field} includes "${when.includes}"`;
}

/**
 * Applies implications to `answers` (in place) and returns what a reviewer should check;
 * `inferred` are the fields whose value was inferred (earlier warnings about them are moot).
 */
export function checkAnswers(
  questionnaire: Questionnaire,
  answers: Answers,
): { warnings: ImportWarning[]; inferred: Set<string> } {
  const warnings = impliedYes(questionnaire, answers);
  const inferred = new Set(warnings.map((w) => w.field ?? ""));
  for (const question of allQuestions(questionnaire)) {
    const value = answers[question.key] ?? null;
    if (!isAnswered(value)) continue;
    if (question.when && !conditionHolds(question.when, answers)) {
      warnings.push({
        field: question.key,
        message: `Answered although ${parentState(question, answers, questionnaire)} (it is asked only when ${askedWhen(question)}); the answer is kept.`,
      });
    }
    if (question.type === "email" && typeof value === "string" && !isEmail(value)) {
      warnings.push({ field: question.key, message: `Not a single e-mail address: "${value}".` });
    }
    if (question.type === "longtext" && typeof value === "string") {
      const words = countWords(value);
      const max = wordLimitFor(question, value);
      if (words > max) {
        warnings.push({
          field: question.key,
          message: `${words} words, over the limit of ${max}; kept in full.`,
        });
      }
    }
  }
  return { warnings, inferred };
}
