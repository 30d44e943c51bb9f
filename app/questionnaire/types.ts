import type { Locale } from "~/i18n/locale";
// The shape of a questionnaire as the portal uses it: one language, plain strings. Pure types,
// used by the browser and the server. A definition file (definition-schema.ts) holds the texts
// in every language; `localizeDefinition` turns it into this.

export type Option = { key: string; text: string };

/** A follow-up is asked only when its condition holds. */
export type Condition =
  | { field: string; equals: string }
  | { field: string; includes: string }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] };

type QuestionBase = {
  /** Canonical field key (FIELDS.md): the public contract for exports, imports and APIs. */
  key: string;
  /** The question as the UN worded it, numbering included. */
  text: string;
  /** Extra guidance shown under the label. */
  hint?: string;
  when?: Condition;
  /** An asked question that must be answered before the response can be submitted. */
  required?: boolean;
  /** Which of its texts are shown in English, not yet translated into the page's language. */
  untranslated?: { text?: true; hint?: true; options?: true };
};

/** One line of text (a name, a title, a phone number). */
export type TextQuestion = QuestionBase & { type: "text" };
/** A list, one item per line (portals, agencies and their URLs). */
export type LinesQuestion = QuestionBase & { type: "lines" };
export type EmailQuestion = QuestionBase & { type: "email" };
export type UrlQuestion = QuestionBase & { type: "url" };
/**
 * The scripts a word limit may be given for: "zh" Chinese or Japanese characters, "ar" Arabic
 * script, "ru" Cyrillic. Named by the UN language (English, French and Spanish share one script).
 */
export type LimitScript = "zh" | "ar" | "ru";
/**
 * A word limit: one for every answer, or one by the script an answer is mostly written in,
 * `default` for the rest (decision 016).
 */
export type WordLimits = number | ({ default: number } & Partial<Record<LimitScript, number>>);
export type LongTextQuestion = QuestionBase & { type: "longtext"; maxWords: WordLimits };
export type YesNoQuestion = QuestionBase & { type: "yesno" };
export type SingleQuestion = QuestionBase & { type: "single"; options: readonly Option[] };
export type MultiQuestion = QuestionBase & { type: "multi"; options: readonly Option[] };
/** A number in a range; `decimals` 0 means a whole number. */
export type NumberQuestion = QuestionBase & {
  type: "number";
  min?: number;
  max?: number;
  decimals?: number;
  unit?: string;
};
/** A percentage, 0–100 unless the definition narrows it. */
export type PercentageQuestion = QuestionBase & { type: "percentage"; min?: number; max?: number };
/** A calendar date, stored as YYYY-MM-DD. */
export type DateQuestion = QuestionBase & { type: "date"; min?: string; max?: string };

export type Question =
  | TextQuestion
  | LinesQuestion
  | EmailQuestion
  | UrlQuestion
  | LongTextQuestion
  | YesNoQuestion
  | SingleQuestion
  | MultiQuestion
  | NumberQuestion
  | PercentageQuestion
  | DateQuestion;

export type QuestionType = Question["type"];
export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>;

export type Section = {
  /** As printed on the form ("I" … "X", or "A" … "G"). Also the section's URL segment. */
  id: string;
  title: string;
  /** Guidance shown at the top of the section. */
  help?: string;
  /** Its title or guidance is shown in English: not yet translated. */
  untranslated?: boolean;
  questions: readonly Question[];
};

export type Questionnaire = {
  /** The survey round, e.g. "2020". */
  round: string;
  /** Bumped for every change to a round's definition, and stored with every response. */
  version: number;
  title: string;
  /** Wording of the publish-authorisation box (the `authorize_publication` header field). */
  authorizationText: string;
  /** The language of these texts, and how far it can be relied on (English is the reference). */
  language?: { locale: Locale; status: "official" | "unofficial" | "untranslated" };
  sections: readonly Section[];
};

/** A stored answer: a string for every type but multiple choice, which holds option keys. */
export type AnswerValue = string | string[] | null;

/** Answers keyed by canonical field key. A missing key means "not answered". */
export type Answers = Record<string, AnswerValue>;
