import { useState } from "react";
import { useCopy } from "~/i18n";
import type { AnswerValue, Question } from "~/questionnaire/types";
import { WordCounter } from "./word-counter";

// One field of the questionnaire, chosen by the question's type. Fields are uncontrolled
// (they work without JavaScript); a little state only drives the live word counter.

export type FieldProps = {
  question: Question;
  value: AnswerValue;
  /** Why the field is shown with a condition (no JavaScript: "Answer if …"). */
  conditionHint?: string;
  errors?: string[];
  hidden?: boolean;
  children?: React.ReactNode;
};

export const fieldId = (key: string) => `q-${key}`;

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function QuestionField({
  question,
  value,
  conditionHint,
  errors,
  hidden,
  children,
}: FieldProps) {
  const id = fieldId(question.key);
  const hintId = question.hint || conditionHint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hint =
    question.hint || conditionHint ? (
      <p className="hint" id={hintId}>
        {[conditionHint, question.hint].filter(Boolean).join(" ")}
      </p>
    ) : null;
  const errorList = errors?.length ? (
    <ul className="field-error" id={errorId}>
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  ) : null;
  const invalid = errors?.length ? true : undefined;

  if (question.type === "yesno" || question.type === "multi") {
    return (
      <fieldset
        className="field question"
        id={id}
        hidden={hidden}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={invalid}
      >
        <legend>{question.text}</legend>
        {hint}
        {errorList}
        {question.type === "yesno" ? (
          <YesNoChoices question={question} value={value} />
        ) : (
          <MultiChoices question={question} value={value} />
        )}
        {children}
      </fieldset>
    );
  }

  return (
    <div className="field question" hidden={hidden}>
      <label htmlFor={id}>{question.text}</label>
      {hint}
      {errorList}
      {question.type === "longtext" ? (
        <LongText
          id={id}
          question={question}
          value={value}
          describedBy={describedBy(hintId, errorId)}
          invalid={invalid}
        />
      ) : question.format === "lines" ? (
        <textarea
          id={id}
          name={question.key}
          rows={3}
          defaultValue={typeof value === "string" ? value : ""}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={invalid}
        />
      ) : (
        <input
          id={id}
          name={question.key}
          type={question.format === "email" ? "email" : "text"}
          autoComplete={question.format === "email" ? "email" : "off"}
          defaultValue={typeof value === "string" ? value : ""}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={invalid}
        />
      )}
      {children}
    </div>
  );
}

function LongText({
  id,
  question,
  value,
  describedBy: described,
  invalid,
}: {
  id: string;
  question: Extract<Question, { type: "longtext" }>;
  value: AnswerValue;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(typeof value === "string" ? value : "");
  const counterId = `${id}-count`;
  return (
    <>
      <textarea
        id={id}
        name={question.key}
        rows={8}
        defaultValue={typeof value === "string" ? value : ""}
        onInput={(event) => setText(event.currentTarget.value)}
        aria-describedby={[described, counterId].filter(Boolean).join(" ")}
        aria-invalid={invalid}
      />
      <WordCounter id={counterId} text={text} max={question.maxWords} />
    </>
  );
}

function YesNoChoices({ question, value }: { question: Question; value: AnswerValue }) {
  const copy = useCopy().questionnaire;
  return (
    <div className="choices choices--inline">
      {(["yes", "no"] as const).map((option) => (
        <div className="choice" key={option}>
          <input
            type="radio"
            id={`${fieldId(question.key)}-${option}`}
            name={question.key}
            value={option}
            defaultChecked={value === option}
          />
          <label htmlFor={`${fieldId(question.key)}-${option}`}>{copy[option]}</label>
        </div>
      ))}
    </div>
  );
}

function MultiChoices({
  question,
  value,
}: {
  question: Extract<Question, { type: "multi" }>;
  value: AnswerValue;
}) {
  const picked = Array.isArray(value) ? value : [];
  return (
    <div className="choices">
      {question.options.map((option) => (
        <div className="choice" key={option.key}>
          <input
            type="checkbox"
            id={`${fieldId(question.key)}-${option.key}`}
            name={question.key}
            value={option.key}
            defaultChecked={picked.includes(option.key)}
          />
          <label htmlFor={`${fieldId(question.key)}-${option.key}`}>{option.text}</label>
        </div>
      ))}
    </div>
  );
}
