import { byCountryName, countryName } from "~/countries";
import { loadExportRows } from "~/export/export.server";
import { loadPublishedAnswers } from "~/export/published.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Copy } from "~/i18n/copy";
import { directionOf, type Locale } from "~/i18n/locale";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import type { Round } from "~/models/round.server";
import { chartPartOf } from "~/questionnaire/chart-types";
import type { Question, Questionnaire } from "~/questionnaire/types";
import { chartTable, chartTexts, tallyLabels } from "./chart-texts";
import { answersCsv, chartCsv } from "./csv";
import { svgToPng } from "./png.server";
import { chartSvgFile } from "./svg-file.server";
import { exportChoiceOf, type ResultsQuery } from "./query";
import {
  DEFAULT_TALLY_OPTIONS,
  isGraphic,
  tallyQuestion,
  tallyQuestionnaire,
  type ResultRow,
} from "./tally";

// The responses the Results page counts, and its downloads. Reviewers' results read the rows an
// export with the same filters holds (loadExportRows: the latest submission of each response,
// drafts never); the public results read the published responses only (published.server.ts:
// accepted, and authorised by the snapshot accepted).

export async function loadResultRows(
  roundId: string,
  query: ResultsQuery,
  locale: Locale,
): Promise<ResultRow[]> {
  const rows = await loadExportRows({ roundId, ...exportChoiceOf(query) });
  return inNameOrder(
    rows.map((row) => ({
      code: row.countryCode,
      name: countryName(row.countryCode, locale),
      region: row.region,
      answers: row.answers,
    })),
    locale,
  );
}

export const loadPublishedRows = async (roundId: string, locale: Locale): Promise<ResultRow[]> =>
  inNameOrder(await loadPublishedAnswers(roundId, locale), locale);

/** The countries as the page's language names and sorts them (a text question's list). */
function inNameOrder(rows: ResultRow[], locale: Locale): ResultRow[] {
  const byName = byCountryName(locale);
  return rows.sort((a, b) => byName(a.code, b.code));
}

/** The sections and questions as the page lists them (texts are in the charts). */
export function resultSections(questionnaire: Questionnaire) {
  return questionnaire.sections.map((section) => ({
    id: section.id,
    title: section.title,
    untranslated: section.untranslated,
    questions: section.questions.map((q) => ({ key: q.key, untranslated: q.untranslated })),
  }));
}

/**
 * The public results of a round: the charts of its choice questions over the published
 * responses only (accepted, and authorised for publication by the snapshot accepted). A draft,
 * a response submitted and not accepted, or one not authorised is never counted.
 */
export async function loadPublicResults(round: Round, locale: Locale) {
  const [questionnaire, rows] = await Promise.all([
    requireQuestionnaire(round, locale),
    loadPublishedRows(round.id, locale),
  ]);
  const charts = tallyQuestionnaire(
    questionnaire,
    rows,
    tallyLabels(copyFor(locale)),
    DEFAULT_TALLY_OPTIONS,
    PUBLIC_CHART_KINDS,
  );
  return { counted: rows.length, sections: resultSections(questionnaire), charts };
}

/** What the public results chart: the choice questions (never a text a country wrote). */
export const PUBLIC_CHART_KINDS = ["bars"] as const;

/** The files a chart downloads as: `chart.svg`, `chart.png`, `chart.csv`; a text question's `answers.csv`. */
export const RESULT_FILES = ["chart.svg", "chart.png", "chart.csv", "answers.csv"] as const;
export type ResultFile = (typeof RESULT_FILES)[number];
export const isResultFile = (name: unknown): name is ResultFile =>
  RESULT_FILES.includes(name as ResultFile);

const TYPES: Record<ResultFile, string> = {
  "chart.svg": "image/svg+xml; charset=utf-8",
  "chart.png": "image/png",
  "chart.csv": "text/csv; charset=utf-8",
  "answers.csv": "text/csv; charset=utf-8",
};

const notFound = () => new Response("Not found", { status: 404 });

/**
 * One download of one question's chart: the chart counted afresh over `rows`, drawn or written
 * in `locale`. A text question has no picture (its list is its chart): its SVG, PNG and chart
 * CSV are a 404, as the answers CSV of a choice question is.
 */
export async function resultFileResponse(input: {
  file: ResultFile;
  question: Question;
  rows: readonly ResultRow[];
  query: ResultsQuery;
  copy: Copy;
  locale: Locale;
  roundName: string;
  /** What the filters count, as the page says it. */
  filters: string;
  /** `msq-2020-results`: the file's name before the question's key. */
  filePrefix: string;
  cacheControl: string;
}): Promise<Response> {
  const { file, question, rows, copy } = input;
  const graphic = chartPartOf(question).kind;
  const headers = (extension: string, name = "results") => ({
    "Content-Type": TYPES[file],
    "Content-Disposition": `attachment; filename="${input.filePrefix}-${name}-${question.key}.${extension}"`,
    "Cache-Control": input.cacheControl,
  });
  if (file === "answers.csv") {
    if (graphic !== "list" && graphic !== "search") throw notFound();
    const query = input.query.focus?.key === question.key ? input.query.focus.query : "";
    return new Response(answersCsv(question, rows, query, copy), {
      headers: headers("csv", "answers"),
    });
  }
  const chart = tallyQuestion(question, rows, tallyLabels(copy), {
    byRegion: input.query.byRegion,
    focus: null,
    preview: 0,
    textCap: 0,
  });
  if (!isGraphic(chart)) throw notFound();
  if (file === "chart.csv")
    return new Response(chartCsv(chartTable(chart, copy)), { headers: headers("csv") });
  const texts = chartTexts(chart, copy, { roundName: input.roundName, filters: input.filters });
  const svg = chartSvgFile(chart, texts, directionOf(input.locale) === "rtl");
  if (file === "chart.svg") return new Response(svg, { headers: headers("svg") });
  return new Response(new Uint8Array(await svgToPng(svg)), { headers: headers("png") });
}
