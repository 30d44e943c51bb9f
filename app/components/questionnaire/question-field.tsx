import { QuestionText } from "~/components/questionnaire/question-text";
import { useState } from "react";
import { useCopy } from "~/i18n";
import type { AnswerValue, Question, QuestionOfType, QuestionType } from "~/questionnaire/types";
import { wordLimitFor } from "~/questionnaire/word-count";
import { WordCounter, WordRule } from "./word-counter";

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
  const copy = useCopy().questionnaire;
  const id = fieldId(question.key);
  const required = question.required ? copy.requiredToSubmit : undefined;
  const hintId = question.hint || conditionHint || required ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hint = hintId ? (
    <p className="hint" id={hintId}>
      {[conditionHint, question.hint, required].filter(Boolean).join(" ")}
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

  const field = questionFields[question.type] as QuestionFieldEntry<Question>;
  const input = {
    id,
    question,
    value,
    describedBy: describedBy(hintId, errorId),
    invalid,
  };
  if (field.group) {
    return (
      <fieldset
        className="field question"
        id={id}
        hidden={hidden}
        aria-describedby={input.describedBy}
        aria-invalid={invalid}
      >
        <legend>
          <QuestionText question={question} />
        </legend>
        {hint}
        {errorList}
        <field.Input {...input} />
        {children}
      </fieldset>
    );
  }
  return (
    <div className="field question" hidden={hidden}>
      <label htmlFor={id}>
        <QuestionText question={question} />
      </label>
      {hint}
      {errorList}
      <field.Input {...input} />
      {children}
    </div>
  );
}

/** What a field's input gets: the ids that tie it to its label, hint and errors. */
type InputProps<Q> = {
  id: string;
  question: Q;
  value: AnswerValue;
  describedBy?: string;
  invalid?: boolean;
};

type QuestionFieldEntry<Q> = {
  /** Radios and checkboxes are a group: a fieldset named by its legend. */
  group: boolean;
  Input: (props: InputProps<Q>) => React.ReactNode;
};

const text = (value: AnswerValue) => (typeof value === "string" ? value : "");

function TextInput({
  type,
  autoComplete = "off",
  inputMode,
  ...props
}: InputProps<Question> & {
  type: string;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  return (
    <input
      id={props.id}
      name={props.question.key}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      spellCheck={type === "text" ? undefined : false}
      // An address reads left to right on every page; a name in the script it was typed in.
      dir={type === "text" ? "auto" : "ltr"}
      defaultValue={text(props.value)}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
    />
  );
}

/** A number typed as text: `type=number` drops what it cannot read, and its spinner misleads. */
function NumberInput(props: InputProps<Question> & { suffix?: string }) {
  const suffixId = `${props.id}-unit`;
  return (
    <div className="input-with-unit">
      <input
        id={props.id}
        name={props.question.key}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="input--number"
        defaultValue={text(props.value)}
        aria-describedby={
          [props.describedBy, props.suffix ? suffixId : ""].filter(Boolean).join(" ") || undefined
        }
        aria-invalid={props.invalid}
      />
      {props.suffix ? (
        <span className="input-unit" id={suffixId}>
          {props.suffix}
        </span>
      ) : null}
    </div>
  );
}

// One entry per question type (the form's half of questionnaire/question-types.ts): the
// compiler refuses a type without its field.
export const questionFields: { [T in QuestionType]: QuestionFieldEntry<QuestionOfType<T>> } = {
  text: { group: false, Input: (p) => <TextInput {...p} type="text" /> },
  email: { group: false, Input: (p) => <TextInput {...p} type="email" autoComplete="email" /> },
  url: { group: false, Input: (p) => <TextInput {...p} type="url" inputMode="url" /> },
  lines: {
    group: false,
    Input: (p) => (
      <textarea
        id={p.id}
        name={p.question.key}
        rows={3}
        dir="auto"
        defaultValue={text(p.value)}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid}
      />
    ),
  },
  longtext: { group: false, Input: (p) => <LongText {...p} /> },
  number: { group: false, Input: (p) => <NumberInput {...p} suffix={p.question.unit} /> },
  percentage: { group: false, Input: (p) => <NumberInput {...p} suffix="%" /> },
  date: {
    group: false,
    Input: (p) => (
      <input
        id={p.id}
        name={p.question.key}
        type="date"
        min={p.question.min}
        max={p.question.max}
        className="input--date"
        defaultValue={text(p.value)}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid}
      />
    ),
  },
  yesno: { group: true, Input: (p) => <YesNoChoices question={p.question} value={p.value} /> },
  single: {
    group: true,
    Input: (p) => <Choices question={p.question} value={p.value} type="radio" />,
  },
  multi: {
    group: true,
    Input: (p) => <Choices question={p.question} value={p.value} type="checkbox" />,
  },
};

function LongText({
  id,
  question,
  value,
  describedBy: described,
  invalid,
}: InputProps<QuestionOfType<"longtext">>) {
  const [text, setText] = useState(typeof value === "string" ? value : "");
  const counterId = `${id}-count`;
  const ruleId = `${id}-word-rule`;
  return (
    <>
      <textarea
        id={id}
        name={question.key}
        rows={8}
        dir="auto"
        defaultValue={typeof value === "string" ? value : ""}
        onInput={(event) => setText(event.currentTarget.value)}
        aria-describedby={[described, counterId, ruleId].filter(Boolean).join(" ")}
        aria-invalid={invalid}
      />
      <WordCounter id={counterId} text={text} max={wordLimitFor(question, text)} />
      <WordRule id={ruleId} />
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

function Choices({
  question,
  value,
  type,
}: {
  question: QuestionOfType<"single" | "multi">;
  value: AnswerValue;
  type: "radio" | "checkbox";
}) {
  const picked = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return (
    <div className="choices">
      {question.options.map((option) => (
        <div className="choice" key={option.key}>
          <input
            type={type}
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
