import { allQuestions } from "./index";
import type { Answers, Question, Questionnaire } from "./types";
import { MAX_LONGTEXT_CHARS, MAX_TEXT_CHARS } from "./validation";
import { fingerprint } from "./form-data";

// The inputs that made text-reading code super-linear (a regular expression that backtracks, a
// library that rescans its input), each at the largest size the portal accepts. Shared by the
// unit tests, which fail above a time bound, and by the bench's worst-case rows.

const fill = (length: number, start: string, unit: string, end = "") =>
  start + unit.repeat(Math.ceil((length - start.length - end.length) / unit.length)) + end;

/** One text of exactly `length` characters per shape. */
export function pathologicalTexts(length: number): Record<string, string> {
  const texts: Record<string, string> = {
    "no spaces": fill(length, "", "a"),
    "runs of spaces": fill(length, "a", " ", "a"),
    "[[[[": fill(length, "", "["),
    "<a<a<a": fill(length, "", "<a"),
    "a@ + dots + @": fill(length, "a@", ".", "@"),
    "@ + closing punctuation": fill(length, "@", ".,)", "a"),
    "http:// + slashes and dots": fill(length, "http://", "/.", "@"),
    "Chinese without punctuation": fill(length, "", "国家电子政务战略"),
    "Thai without spaces": fill(length, "", "ภาษาไทย"),
    "Chinese and Latin letters": fill(length, "", "国a"),
    "= + quotes, commas and CRLF": fill(length, "=", '"\r\n,'),
  };
  for (const [name, text] of Object.entries(texts)) texts[name] = text.slice(0, length);
  return texts;
}

export const capOf = (question: Question) =>
  question.type === "longtext" ? MAX_LONGTEXT_CHARS : MAX_TEXT_CHARS;

/**
 * Every answer of a response at once: each text at its cap (or `fraction` of it) in the given
 * shape, every option ticked.
 */
export function answersAtCap(
  questionnaire: Questionnaire,
  shape = "a@ + dots + @",
  fraction = 1,
): Answers {
  return Object.fromEntries(
    allQuestions(questionnaire).map((q) => [
      q.key,
      q.type === "yesno"
        ? "yes"
        : q.type === "multi"
          ? q.options.map((o) => o.key)
          : pathologicalTexts(Math.round(capOf(q) * fraction))[shape]!,
    ]),
  );
}

/** The form post a page would send for these answers, each field changed since it was shown. */
export function sectionForm(questions: readonly Question[], answers: Answers): FormData {
  const form = new FormData();
  form.set("intent", "save");
  form.set("base", "0");
  for (const question of questions) {
    const value = answers[question.key];
    if (Array.isArray(value)) for (const key of value) form.append(question.key, key);
    else if (typeof value === "string") form.set(question.key, value);
    form.set(`orig.${question.key}`, fingerprint(null));
  }
  return form;
}
