import { regionName, type Copy } from "~/i18n/copy";
import { CSV_BOM, csvRecord } from "~/export/csv";
import { isAnswered, isAsked } from "~/questionnaire";
import type { Question } from "~/questionnaire/types";
import type { ChartTable } from "./chart-texts";
import type { ResultRow } from "./tally";
import { searchText } from "./text-search";

// The CSV downloads of the Results page, written as the exports write theirs (UTF-8 with a BOM,
// CRLF, every text cell neutralised against formula injection, app/export/safe-cell.ts): a
// chart's table, cell for cell the numbers the page shows (counts, and shares as the same whole
// percent), and a text question's list of answers, whole.

export function chartCsv(table: ChartTable): string {
  return (
    CSV_BOM +
    csvRecord(table.columns) +
    table.rows
      .map((row) =>
        csvRecord(
          row.map((cell) =>
            "text" in cell ? cell.text : "count" in cell ? cell.count : cell.percent,
          ),
        ),
      )
      .join("")
  );
}

/**
 * The respondents' answers to a text question, one row per country: every answer, or those
 * containing `query` (with how many times), the answers whole.
 */
export function answersCsv(
  question: Question,
  rows: readonly ResultRow[],
  query: string,
  copy: Copy,
): string {
  const r = copy.results;
  const searching = query !== "";
  let csv =
    CSV_BOM +
    csvRecord([
      r.csvCode,
      r.country,
      r.regionColumn,
      ...(searching ? [r.matches] : []),
      r.answerColumn,
    ]);
  for (const row of rows) {
    const value = row.answers[question.key];
    if (!isAsked(question, row.answers) || typeof value !== "string" || !isAnswered(value))
      continue;
    const hit = searching ? searchText(value, query, { excerpts: 0 }) : null;
    if (searching && !hit) continue;
    csv += csvRecord([
      row.code,
      row.name,
      regionName(copy, row.region),
      ...(hit ? [hit.matches] : []),
      value,
    ]);
  }
  return csv;
}
