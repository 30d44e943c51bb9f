import { formatList, type Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import { findQuestion } from "~/questionnaire";
import type { Condition, Question, Questionnaire } from "~/questionnaire/types";

type QuestionnaireCopy = Copy["questionnaire"];

/** How a person names the parent question: "question 4", or its text when it has no number. */
function parentName(questionnaire: Questionnaire, field: string, copy: QuestionnaireCopy) {
  const parent = findQuestion(questionnaire, field);
  const number = parent?.text.match(/^([0-9]+[a-z]?|[A-Z][0-9]+)\./)?.[1];
  return { parent, name: number ? copy.questionNumber({ n: number }) : (parent?.text ?? field) };
}

/** The answer a condition names, as the form shows it (Yes, or the option's text). */
function answerText(parent: Question | undefined, value: string, copy: QuestionnaireCopy) {
  if (value === "yes" || value === "no") return copy[value];
  return (
    (parent && "options" in parent ? parent.options.find((o) => o.key === value)?.text : null) ??
    value
  );
}

type Context = { questionnaire: Questionnaire; copy: QuestionnaireCopy; locale: Locale };

function phrase(context: Context, when: Condition): string {
  const { questionnaire, copy, locale } = context;
  if ("all" in when || "any" in when) {
    const parts = ("all" in when ? when.all : when.any).map((c) => phrase(context, c));
    return formatList(locale, parts, "all" in when ? "conjunction" : "disjunction");
  }
  const { parent, name } = parentName(questionnaire, when.field, copy);
  if ("equals" in when) {
    return copy.conditionEquals({ parent: name, value: answerText(parent, when.equals, copy) });
  }
  return copy.conditionTicked({ option: answerText(parent, when.includes, copy) });
}

/** "Answer if your answer to question 4 is Yes." — shown with a follow-up. */
export function conditionHint(
  questionnaire: Questionnaire,
  question: Question,
  copy: QuestionnaireCopy,
  locale: Locale,
) {
  const when = question.when;
  if (!when) return undefined;
  const context = { questionnaire, copy, locale };
  const list = (conditions: readonly Condition[], type: "conjunction" | "disjunction") =>
    formatList(
      locale,
      conditions.map((c) => phrase(context, c)),
      type,
    );
  if ("all" in when) return copy.answerIfAll({ conditions: list(when.all, "conjunction") });
  if ("any" in when) return copy.answerIfAny({ conditions: list(when.any, "disjunction") });
  const { parent, name } = parentName(questionnaire, when.field, copy);
  if ("equals" in when) {
    return copy.answerIf({ parent: name, value: answerText(parent, when.equals, copy) });
  }
  return copy.answerIfTicked({ option: answerText(parent, when.includes, copy) });
}
