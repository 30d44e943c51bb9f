import type { Copy } from "~/i18n/en";
import { findQuestion } from "~/questionnaire";
import type { Question, Questionnaire } from "~/questionnaire/types";

/** "Answer if your answer to question 4 is Yes." — shown with a follow-up. */
export function conditionHint(
  questionnaire: Questionnaire,
  question: Question,
  copy: Copy["questionnaire"],
) {
  const when = question.when;
  if (!when) return undefined;
  const parent = findQuestion(questionnaire, when.field);
  if ("equals" in when) {
    const number = parent?.text.match(/^(\d+)\./)?.[1];
    return copy.answerIf(
      number ? copy.questionNumber(number) : (parent?.text ?? when.field),
      copy[when.equals],
    );
  }
  const option =
    parent?.type === "multi" ? parent.options.find((o) => o.key === when.includes) : undefined;
  return copy.answerIfTicked(option?.text ?? when.includes);
}
