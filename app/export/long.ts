import type { Questionnaire } from "~/questionnaire/types";
import { answerColumns } from "./columns";
import { CSV_BOM, csvRecord } from "./csv";
import type { Cell, ExportRow } from "./row";

// The long export: every round in one CSV, one row per answered field of each response, so a
// question asked in 2020 and again in 2026 lines up in one column of a pivot table, whatever
// else either questionnaire asked. Keys and values are the wide export's (columns.ts, from the
// question type's table): a multiple choice is one row per ticked option (`q8_x.option`, 1); an
// option not ticked has no row, nor has a field not answered. Formula-safe as the CSV is.

export const LONG_HEADER = [
  "country_code",
  "country_name",
  "round",
  "definition_version",
  "key",
  "value",
] as const;

/** One round's exported responses, with its questionnaire at each version they were made at. */
export type LongExportRound = {
  roundId: string;
  versions: ReadonlyMap<number, Questionnaire>;
  rows: readonly ExportRow[];
};

const columnsOf = new WeakMap<Questionnaire, ReturnType<typeof answerColumns>>();

function columns(questionnaire: Questionnaire) {
  let found = columnsOf.get(questionnaire);
  if (!found) columnsOf.set(questionnaire, (found = answerColumns(questionnaire)));
  return found;
}

/** The long rows of one response, read against its own version of the round's questionnaire. */
export function longRows(questionnaire: Questionnaire, roundId: string, row: ExportRow): Cell[][] {
  const out: Cell[][] = [];
  for (const column of columns(questionnaire)) {
    const value = column.cell(row);
    if (value === null || (column.part.option && value === 0)) continue;
    out.push([
      row.countryCode,
      row.countryName,
      roundId,
      row.definitionVersion,
      column.name,
      value,
    ]);
  }
  return out;
}

/** The long CSV in chunks: the BOM and header first, then one chunk per response. */
export async function* longCsvChunks(rounds: Iterable<LongExportRound>): AsyncGenerator<string> {
  yield CSV_BOM + csvRecord(LONG_HEADER);
  for (const round of rounds)
    for (const row of round.rows) {
      const questionnaire = round.versions.get(row.definitionVersion);
      if (!questionnaire)
        throw new Error(
          `No questionnaire for round ${round.roundId} version ${row.definitionVersion} (${row.countryCode}).`,
        );
      const records = longRows(questionnaire, round.roundId, row).map(csvRecord);
      if (records.length > 0) yield records.join("");
    }
}

/** The whole long CSV as one string (small exports and tests). */
export async function toLongCsv(rounds: Iterable<LongExportRound>): Promise<string> {
  let csv = "";
  for await (const chunk of longCsvChunks(rounds)) csv += chunk;
  return csv;
}
