import { allQuestions, conditionHolds, findQuestion, isAnswered } from "~/questionnaire";
import type { Answers, Condition, Question, Questionnaire } from "~/questionnaire";
import { wordCount, wordLimitFor } from "~/questionnaire/word-count";
import { problem, type ImportProblem, type ImportWarning } from "./problems";

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
      ...problem("impliedYes", { fields: naming.map((q) => q.key), count: naming.length }),
    });
  }
  return warnings;
}

/** Why a followup's condition does not hold: its parent unread, answered otherwise, not ticked. */
function parentState(
  question: Question,
  answers: Answers,
  questionnaire: Questionnaire,
): ImportProblem {
  const when = question.when!;
  if (!("field" in when)) return problem("conditionFails", { condition: conditionOf(when) });
  const parent = answers[when.field];
  if (parent === null || parent === undefined)
    return problem("parentUnread", { field: when.field });
  if ("equals" in when) return problem("fieldIs", { field: when.field, value: String(parent) });
  const option = findQuestion(questionnaire, when.field);
  const text =
    option?.type === "multi"
      ? option.options.find((o) => o.key === when.includes)?.text
      : undefined;
  return problem("optionNotTicked", { field: when.field, option: text ?? when.includes });
}

/** A condition as a problem's fragment: "a is "yes" and b includes "other"". */
function conditionOf(when: Condition): ImportProblem {
  if ("all" in when || "any" in when) {
    const list = "all" in when ? when.all : when.any;
    const join = "all" in when ? "bothOf" : "eitherOf";
    return list.map(conditionOf).reduceRight((second, first) => problem(join, { first, second }));
  }
  return "equals" in when
    ? problem("fieldIs", { field: when.field, value: when.equals })
    : problem("fieldIncludes", { field: when.field, value: when.includes });
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
        ...problem("answeredNotAsked", {
          state: parentState(question, answers, questionnaire),
          condition: conditionOf(question.when),
        }),
      });
    }
    if (question.type === "email" && typeof value === "string" && !isEmail(value)) {
      warnings.push({ field: question.key, ...problem("notAnEmail", { value }) });
    }
    if (question.type === "longtext" && typeof value === "string") {
      const words = countWords(value);
      const max = wordLimitFor(question, value);
      if (words > max) {
        warnings.push({ field: question.key, ...problem("overWordLimit", { words, max }) });
      }
    }
  }
  return { warnings, inferred };
}
