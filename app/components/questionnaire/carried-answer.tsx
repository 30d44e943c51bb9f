import { useCopy } from "~/i18n";
import { formatAnswer } from "~/questionnaire/format";
import type { AnswerValue, Question } from "~/questionnaire/types";
import { carriedState, type CarriedAnswer as Carried } from "~/rounds/carry-forward";
import { fieldId } from "./question-field";

// Under a question whose answer came from the previous round: where it came from, and the two
// things a person can do with it. "Still accurate" is a submit button of the section's form, so
// it works without JavaScript and saves what was typed first.

export function CarriedAnswer({
  question,
  carried,
  confirmed,
  current,
  fromRound,
  editable,
}: {
  question: Question;
  carried: Carried;
  confirmed: boolean;
  current: AnswerValue | undefined;
  fromRound: string;
  editable: boolean;
}) {
  const c = useCopy().carried;
  const labels = useCopy().questionnaire;
  const state = carriedState(carried, current, confirmed);
  const previous = formatAnswer(question, carried.value, labels);
  return (
    <div className={`carried carried--${state}`}>
      {carried.questionChanged && state !== "updated" ? (
        <p className="carried__changed">
          <strong>{c.questionChanged({ round: fromRound })}</strong>
        </p>
      ) : null}
      <p className="carried__from">
        {state === "updated"
          ? c.updated({ round: fromRound })
          : state === "confirmed"
            ? c.confirmed({ round: fromRound })
            : c.from({ round: fromRound })}
      </p>
      {state === "to_confirm" && editable ? (
        <div className="carried__actions">
          <button
            type="submit"
            name="intent"
            value={`confirm:${question.key}`}
            className="secondary small"
          >
            {c.stillAccurate}
            <span className="visually-hidden">: {question.text}</span>
          </button>
          <a href={`#${fieldId(question.key)}`}>
            {c.update}
            <span className="visually-hidden">: {question.text}</span>
          </a>
        </div>
      ) : null}
      {state === "updated" && previous ? (
        <details className="carried__previous">
          <summary>{c.previousAnswer({ round: fromRound })}</summary>
          <p className="multiline">{previous}</p>
        </details>
      ) : null}
    </div>
  );
}
