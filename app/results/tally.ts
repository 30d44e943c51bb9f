import { scaleLinear } from "d3-scale";
import { regions as unRegions } from "~/countries/regions";
import { allQuestions, conditionFields, findQuestion, isAnswered, isAsked } from "~/questionnaire";
import { chartPartOf, numberOf, type Category, type ChartKind } from "~/questionnaire/chart-types";
import type { AnswerLabels } from "~/questionnaire/question-types";
import type { Answers, Question, Questionnaire } from "~/questionnaire/types";
import { highlightText, searchText, type Segment } from "./text-search";

// What the Results page counts, per question, over the responses counted (those the filters let
// through): how many were asked the question (its respondents: a follow-up is asked only when
// its condition holds), and how many of them fall in each category of the chart the question's
// type has (questionnaire/chart-types.ts). A share is of the respondents, so the answers of a
// single choice and "No answer" add up to 100 %, and those of a multiple choice may add up to
// more. Pure and in one pass over the responses per question.

/** A response as the Results page reads it: the country, and the answers of its latest submission. */
export type ResultRow = { code: string; name: string; region: string; answers: Answers };

/** The category of the respondents who were asked and gave no answer. */
export const NO_ANSWER = "-none";
/** The category of answers to a number question that are not numbers (none pass validation). */
export const NOT_A_NUMBER = "-nan";

/** Responses counted, respondents among them, and how many respondents fall in each category. */
export type ChartGroup = {
  /** The region these responses are from; null for every response counted. */
  region: string | null;
  counted: number;
  respondents: number;
  /** By category, in the order of the chart's categories. */
  counts: number[];
};

/** What every chart says of its question. */
type ChartOf = {
  key: string;
  title: string;
  /** A follow-up's parent question (the text of the question its condition reads), else null. */
  followUpOf: string | null;
};

export type GraphicChart = ChartOf & {
  kind: Extract<ChartKind, "bars" | "distribution">;
  /** A respondent may fall in several categories (a multiple choice). */
  multiple: boolean;
  /** The categories, "No answer" last. */
  categories: Category[];
  total: ChartGroup;
  /** One group per region with responses counted, when broken down by region. */
  regions: ChartGroup[] | null;
};

/** A country in a text question's list: its answer (or excerpts around the matches), marked. */
export type ListItem = {
  code: string;
  name: string;
  region: string;
  /** How many times the answer contains the query; null without a query. */
  matches: number | null;
  /** The answer (short texts) or the pieces around its first matches (long texts). */
  excerpts: Segment[][];
};

export type TextChart = ChartOf & {
  kind: Extract<ChartKind, "list" | "search">;
  counted: number;
  respondents: number;
  /** Respondents who answered. */
  answered: number;
  /** The text searched for in this question's answers ("" when none). */
  query: string;
  /** The answers that contain the query; null without a query. */
  matching: number | null;
  /** The countries listed: every one when the list is shown whole, else the first few. */
  items: ListItem[];
  /** How many countries the whole list has. */
  listed: number;
};

export type Chart = GraphicChart | TextChart;

export const isGraphic = (chart: Chart): chart is GraphicChart =>
  chart.kind === "bars" || chart.kind === "distribution";

/** The words categories are named with, in the page's language. */
export type TallyLabels = AnswerLabels & {
  noAnswer: string;
  notANumber: string;
  /** A bin of a distribution: from `from` (included) to `to` (excluded, but for the last bin). */
  bin: (from: number, to: number, unit: string | null) => string;
};

export type TallyOptions = {
  byRegion: boolean;
  /** The text question whose list is shown whole, searched for `query` when it is not empty. */
  focus: { key: string; query: string } | null;
  /** How many countries a text question lists when it is not the focus (long texts list none). */
  preview: number;
  /** How many characters of a short answer are shown. */
  textCap: number;
};

export const DEFAULT_TALLY_OPTIONS: TallyOptions = {
  byRegion: false,
  focus: null,
  preview: 5,
  textCap: 500,
};

/** A share of the respondents, in whole percent (what the page, the chart and the CSV show). */
export function percentOf(count: number, respondents: number): number {
  return respondents === 0 ? 0 : Math.round((100 * count) / respondents);
}

type Placed = { row: ResultRow; asked: boolean };

/** The regions with responses counted, in the UN's order (a region name unknown to it last). */
function regionsOf(rows: readonly ResultRow[]): string[] {
  const present = new Set(rows.map((r) => r.region));
  return [
    ...unRegions.filter((r) => present.has(r)),
    ...[...present].filter((r) => !unRegions.includes(r)).sort(),
  ];
}

function group(
  region: string | null,
  placed: readonly Placed[],
  categoriesOf: (row: ResultRow) => readonly number[],
  size: number,
): ChartGroup {
  const counts = new Array<number>(size).fill(0);
  let respondents = 0;
  for (const { row, asked } of placed) {
    if (!asked) continue;
    respondents++;
    for (const index of categoriesOf(row)) counts[index]! += 1;
  }
  return { region, counted: placed.length, respondents, counts };
}

function graphicChart(
  question: Question,
  placed: readonly Placed[],
  regionNames: readonly string[] | null,
  labels: TallyLabels,
): GraphicChart {
  const { categories, categoriesOf, multiple, kind } = categorise(question, placed, labels);
  const size = categories.length;
  return {
    kind,
    key: question.key,
    title: question.text,
    followUpOf: null,
    multiple,
    categories,
    total: group(null, placed, categoriesOf, size),
    regions: regionNames
      ? regionNames.map((region) =>
          group(
            region,
            placed.filter((p) => p.row.region === region),
            categoriesOf,
            size,
          ),
        )
      : null,
  };
}

/** The chart's categories, and the categories (by index) one respondent's answer falls in. */
function categorise(
  question: Question,
  placed: readonly Placed[],
  labels: TallyLabels,
): {
  kind: GraphicChart["kind"];
  categories: Category[];
  categoriesOf: (row: ResultRow) => readonly number[];
  multiple: boolean;
} {
  const part = chartPartOf(question);
  const none = { key: NO_ANSWER, text: labels.noAnswer };
  if (part.kind === "bars") {
    const categories = part.categories(question, labels);
    const index = new Map(categories.map((c, i) => [c.key, i]));
    const noneAt = categories.length;
    return {
      kind: "bars",
      categories: [...categories, none],
      multiple: part.multiple,
      categoriesOf: (row) => {
        const picked = part.picked(question, row.answers[question.key] ?? null);
        return picked.length === 0 ? [noneAt] : picked.map((key) => index.get(key)!);
      },
    };
  }
  if (part.kind === "distribution") {
    const values = placed.flatMap(({ row, asked }) => {
      const n = asked ? numberOf(row.answers[question.key]) : null;
      return n === null ? [] : [n];
    });
    const edges = binEdges(part.bounds(question), part.step, values);
    const unit = part.unit(question);
    const bins = edges
      .slice(0, -1)
      .map((from, i) => ({ key: `bin-${i}`, text: labels.bin(from, edges[i + 1]!, unit) }));
    const nanAt = bins.length;
    const hasNan = placed.some(
      ({ row, asked }) =>
        asked &&
        isAnswered(row.answers[question.key]) &&
        numberOf(row.answers[question.key]) === null,
    );
    const noneAt = bins.length + (hasNan ? 1 : 0);
    return {
      kind: "distribution",
      categories: [
        ...bins,
        ...(hasNan ? [{ key: NOT_A_NUMBER, text: labels.notANumber }] : []),
        none,
      ],
      multiple: false,
      categoriesOf: (row) => {
        const value = row.answers[question.key];
        if (!isAnswered(value)) return [noneAt];
        const n = numberOf(value);
        return n === null ? [nanAt] : [binOf(edges, n)];
      },
    };
  }
  throw new Error(`${question.key} is a ${question.type} question: it has no graphic`);
}

/**
 * The edges of a distribution's bins: every `step` over the definition's range, else a "nice"
 * range around the answers (d3's ticks: 1, 2 or 5 times a power of ten). One bin when every
 * answer is the same number; none without a range or an answer.
 */
export function binEdges(
  bounds: { min?: number; max?: number },
  step: number | null,
  values: readonly number[],
): number[] {
  let lo = bounds.min ?? Infinity;
  let hi = bounds.max ?? -Infinity;
  for (const v of values) {
    if (bounds.min === undefined) lo = Math.min(lo, v);
    if (bounds.max === undefined) hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo, hi];
  if (step !== null) {
    const edges: number[] = [];
    for (let edge = lo; edge < hi; edge += step) edges.push(edge);
    return [...edges, hi];
  }
  const scale = scaleLinear().domain([lo, hi]).nice(8);
  const ticks = scale.ticks(8);
  const [niceLo, niceHi] = scale.domain() as [number, number];
  return [...new Set([niceLo, ...ticks, niceHi])].sort((a, b) => a - b);
}

/** The bin of `n`: from an edge (included) to the next (excluded), the last bin closed. */
export function binOf(edges: readonly number[], n: number): number {
  const last = edges.length - 2;
  for (let i = 0; i < last; i++) if (n < edges[i + 1]!) return i;
  return Math.max(0, last);
}

function textChart(
  question: Question,
  kind: TextChart["kind"],
  placed: readonly Placed[],
  options: TallyOptions,
): TextChart {
  const focused = options.focus?.key === question.key;
  const query = focused ? options.focus!.query : "";
  let respondents = 0;
  let answered = 0;
  let listed = 0;
  const items: ListItem[] = [];
  // Long texts list nobody until searched or shown whole; short texts a preview.
  const room = focused ? Infinity : kind === "search" ? 0 : options.preview;
  for (const { row, asked } of placed) {
    if (!asked) continue;
    respondents++;
    const value = row.answers[question.key];
    if (typeof value !== "string" || !isAnswered(value)) continue;
    answered++;
    const country = { code: row.code, name: row.name, region: row.region };
    if (query !== "") {
      const hit = searchText(value, query, { excerpts: kind === "search" ? 3 : 0 });
      if (!hit) continue;
      // A short answer is shown whole (to its cap), every match marked.
      if (kind === "list") hit.excerpts = [highlightText(value, query, options.textCap)];
      listed++;
      if (items.length < room) items.push({ ...country, ...hit });
    } else {
      listed++;
      if (items.length < room)
        items.push({
          ...country,
          matches: null,
          excerpts: [highlightText(value, "", kind === "search" ? 300 : options.textCap)],
        });
    }
  }
  return {
    kind,
    key: question.key,
    title: question.text,
    followUpOf: null,
    counted: placed.length,
    respondents,
    answered,
    query,
    matching: query === "" ? null : listed,
    items,
    listed,
  };
}

/** One question's chart over the responses counted. */
export function tallyQuestion(
  question: Question,
  rows: readonly ResultRow[],
  labels: TallyLabels,
  options: TallyOptions = DEFAULT_TALLY_OPTIONS,
): Chart {
  const placed = rows.map((row) => ({ row, asked: isAsked(question, row.answers) }));
  const kind = chartPartOf(question).kind;
  if (kind === "list" || kind === "search") return textChart(question, kind, placed, options);
  return graphicChart(question, placed, options.byRegion ? regionsOf(rows) : null, labels);
}

/** Every question's chart, in the questionnaire's order (`only`: those of these kinds). */
export function tallyQuestionnaire(
  questionnaire: Questionnaire,
  rows: readonly ResultRow[],
  labels: TallyLabels,
  options: TallyOptions = DEFAULT_TALLY_OPTIONS,
  only?: readonly ChartKind[],
): Chart[] {
  return allQuestions(questionnaire)
    .filter((q) => !only || only.includes(chartPartOf(q).kind))
    .map((q) => {
      const chart = tallyQuestion(q, rows, labels, options);
      const parent = q.when ? findQuestion(questionnaire, conditionFields(q.when)[0]!) : null;
      return parent ? { ...chart, followUpOf: parent.text } : chart;
    });
}
