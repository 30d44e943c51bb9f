import type { Copy } from "~/i18n/en";
import { findQuestion } from "~/questionnaire";
import type { Condition, Question, Questionnaire } from "~/questionnaire/types";

type QuestionnaireCopy = Copy["questionnaire"];

/** How a person names the parent question: "question 4", or its text when it has no number. */
function parentName(questionnaire: Questionnaire, field: string, copy: QuestionnaireCopy) {
  const parent = findQuestion(questionnaire, field);
  const number = parent?.text.match(/^([0-9]+[a-z]?|[A-Z][0-9]+)\./)?.[1];
  return { parent, name: number ? copy.questionNumber(number) : (parent?.text ?? field) };
}

/** The answer a condition names, as the form shows it (Yes, or the option's text). */
function answerText(parent: Question | undefined, value: string, copy: QuestionnaireCopy) {
  if (value === "yes" || value === "no") return copy[value];
  return (
    (parent && "options" in parent ? parent.options.find((o) => o.key === value)?.text : null) ??
    value
  );
}

function phrase(questionnaire: Questionnaire, when: Condition, copy: QuestionnaireCopy): string {
  if ("all" in when || "any" in when) {
    const parts = ("all" in when ? when.all : when.any).map((c) => phrase(questionnaire, c, copy));
    return parts.join("all" in when ? " and " : " or ");
  }
  const { parent, name } = parentName(questionnaire, when.field, copy);
  if ("equals" in when) return copy.conditionEquals(name, answerText(parent, when.equals, copy));
  return copy.conditionTicked(answerText(parent, when.includes, copy));
}

/** "Answer if your answer to question 4 is Yes." — shown with a follow-up. */
export function conditionHint(
  questionnaire: Questionnaire,
  question: Question,
  copy: QuestionnaireCopy,
) {
  const when = question.when;
  if (!when) return undefined;
  if ("all" in when) return copy.answerIfAll(when.all.map((c) => phrase(questionnaire, c, copy)));
  if ("any" in when) return copy.answerIfAny(when.any.map((c) => phrase(questionnaire, c, copy)));
  const { parent, name } = parentName(questionnaire, when.field, copy);
  if ("equals" in when) return copy.answerIf(name, answerText(parent, when.equals, copy));
  return copy.answerIfTicked(answerText(parent, when.includes, copy));
}
