// The shape of a questionnaire definition. Pure types: used by the browser and the server.

export type Option = { key: string; text: string };

/** A follow-up is asked only when its condition holds. */
export type Condition =
  | { field: string; equals: "yes" | "no" }
  | { field: string; includes: string };

type QuestionBase = {
  /** Canonical field key (FIELDS.md): the public contract for exports, imports and APIs. */
  key: string;
  /** The question as the UN worded it, numbering included. */
  text: string;
  /** Extra guidance shown under the label. */
  hint?: string;
  when?: Condition;
};

export type TextQuestion = QuestionBase & {
  type: "text";
  /** `email` is validated as an address; `lines` is a list, one item per line. */
  format?: "email" | "lines";
};

export type LongTextQuestion = QuestionBase & { type: "longtext"; maxWords: number };

export type YesNoQuestion = QuestionBase & { type: "yesno" };

export type MultiQuestion = QuestionBase & { type: "multi"; options: readonly Option[] };

export type Question = TextQuestion | LongTextQuestion | YesNoQuestion | MultiQuestion;

export type QuestionType = Question["type"];

export type Section = {
  /** Roman numeral as printed on the form: "I" … "X". Also the section's URL segment. */
  id: string;
  title: string;
  questions: readonly Question[];
};

export type Questionnaire = {
  /** The survey round, e.g. "2020". */
  round: string;
  /** Bumped whenever keys, types or options change, and stored with every response. */
  version: number;
  title: string;
  /** Wording of the publish-authorisation box (the `authorize_publication` header field). */
  authorizationText: string;
  sections: readonly Section[];
};

/** A stored answer: text and long text are strings, yes/no is "yes" | "no", multi is option keys. */
export type AnswerValue = string | string[] | null;

/** Answers keyed by canonical field key. A missing key means "not answered". */
export type Answers = Record<string, AnswerValue>;
