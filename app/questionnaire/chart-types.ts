import { toNumber, type AnswerLabels } from "./question-types";
import type { AnswerValue, Question, QuestionOfType, QuestionType } from "./types";

// How the Results page charts each question type: one entry per type, beside the question-type
// table (question-types.ts), so a new type without a chart is refused by the compiler. Choices
// are horizontal bars; numbers and percentages a distribution in bins; short texts the list of
// answers by country; long texts a search through the answers. Pure: the tally
// (app/results/tally.ts) asks this table, and nothing else lists types.

/** What a chart of the type shows: bars and distributions are graphics, lists and searches texts. */
export type ChartKind = "bars" | "distribution" | "list" | "search";

export type Category = { key: string; text: string };

export type BarsPart<Q> = {
  kind: "bars";
  /** The categories an answer may fall in, in the definition's order. */
  categories: (question: Q, labels: AnswerLabels) => Category[];
  /** The categories one answer counts toward: none when unanswered, several for a multiple choice. */
  picked: (question: Q, value: AnswerValue) => readonly string[];
  /** An answer may count toward several categories: the shares then add up to more than 100 %. */
  multiple: boolean;
};

export type DistributionPart<Q> = {
  kind: "distribution";
  /** The range the bins cover when the definition gives one; else the answers' own range. */
  bounds: (question: Q) => { min?: number; max?: number };
  /** The fixed width of a bin (10 points for a percentage), else chosen from the range. */
  step: number | null;
  /** Shown after a bin's numbers ("%" for a percentage, the unit for a number). */
  unit: (question: Q) => string | null;
};

export type TextPart = { kind: "list" | "search" };

export type ChartPart<Q> = BarsPart<Q> | DistributionPart<Q> | TextPart;

const list: TextPart = { kind: "list" };

const optionCategories = (q: { options: readonly Category[] }) =>
  q.options.map((o) => ({ key: o.key, text: o.text }));

export const chartParts: { [T in QuestionType]: ChartPart<QuestionOfType<T>> } = {
  text: list,
  lines: list,
  email: list,
  url: list,
  date: list,
  longtext: { kind: "search" },
  yesno: {
    kind: "bars",
    categories: (_q, labels) => [
      { key: "yes", text: labels.yes },
      { key: "no", text: labels.no },
    ],
    picked: (_q, value) => (value === "yes" || value === "no" ? [value] : []),
    multiple: false,
  },
  single: {
    kind: "bars",
    categories: optionCategories,
    picked: (q, value) =>
      typeof value === "string" && q.options.some((o) => o.key === value) ? [value] : [],
    multiple: false,
  },
  multi: {
    kind: "bars",
    categories: optionCategories,
    picked: (q, value) =>
      Array.isArray(value) ? q.options.filter((o) => value.includes(o.key)).map((o) => o.key) : [],
    multiple: true,
  },
  number: {
    kind: "distribution",
    bounds: (q) => ({ min: q.min, max: q.max }),
    step: null,
    unit: (q) => q.unit ?? null,
  },
  percentage: {
    kind: "distribution",
    bounds: (q) => ({ min: q.min ?? 0, max: q.max ?? 100 }),
    step: 10,
    unit: () => "%",
  },
};

/** The table's entry for a question, typed for it. */
export function chartPartOf<Q extends Question>(question: Q): ChartPart<Q> {
  return chartParts[question.type] as unknown as ChartPart<Q>;
}

/** The number an answer holds, for a distribution (the question-type table's own reading). */
export const numberOf = (value: AnswerValue | undefined): number | null =>
  value === undefined ? null : toNumber(value);
