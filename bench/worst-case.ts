// The worst inputs the portal accepts, timed in this process (no server): each long-answer shape
// that once made the word counter backtrack, a response with every answer at its cap through the
// section-post parser, the submit validation, the three exports and the JSON import, and a 2 MB
// document through the document importer. Median of up to five runs; a run over 2 s is not
// repeated (the figure is then one run).
import { copyFor } from "~/i18n/catalogues.server";
import { validationMessages } from "~/i18n/validation-messages";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { readMsqItems } from "~/import/read-document";
import { allQuestions } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import {
  answersAtCap,
  pathologicalTexts,
  sectionForm,
} from "~/questionnaire/pathological.test-helper";
import { parseSectionPost } from "~/questionnaire/section-post";
import { MAX_LONGTEXT_CHARS, submitAnswersSchema } from "~/questionnaire/validation";
import { wordLimitState } from "~/questionnaire/word-count";
import { toCsv } from "~/export/csv";
import { parseJsonExport, toJson } from "~/export/json";
import type { ExportRow } from "~/export/row";
import { tallyLabels } from "~/results/chart-texts";
import { DEFAULT_TALLY_OPTIONS, tallyQuestionnaire } from "~/results/tally";
import { MAX_QUERY_CHARS, searchText } from "~/results/text-search";
import { writeXlsx } from "~/export/xlsx";

export type WorstCase = { name: string; ms: number; runs: number; targetMs: number };

/** The issue's targets: an answer at its cap, and megabytes of input (a document, a response). */
const ANSWER_TARGET_MS = 20;
const MEGABYTES_TARGET_MS = 1000;

async function median(work: () => unknown): Promise<{ ms: number; runs: number }> {
  const times: number[] = [];
  while (times.length < 5) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
    if (times.at(-1)! > 2000) break;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, runs: times.length };
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** A real questionnaire with its last answer grown to the importer's 2 MB limit. */
function twoMegabyteDocument(): Uint8Array {
  const document = readFileSync("prisma/seed-data/msq2020/000_f67a2f1eeb1a7d5d.txt", "utf8");
  const paragraph =
    "The government continues to extend online services to every district, with training for civil servants and citizens alike.\n";
  const room = 2 * 1024 * 1024 - Buffer.byteLength(document) - 1;
  return Buffer.from(`${document}\n${paragraph.repeat(Math.floor(room / paragraph.length))}`);
}

export async function measureWorstCases(): Promise<WorstCase[]> {
  const rows: WorstCase[] = [];
  const measure = async (name: string, targetMs: number, work: () => unknown) => {
    rows.push({ name, targetMs, ...(await median(work)) });
    console.error(`  ${name}: ${rows.at(-1)!.ms.toFixed(1)} ms`);
  };

  // What validation, the check-answers page and the review page run on a long answer.
  for (const [shape, text] of Object.entries(pathologicalTexts(MAX_LONGTEXT_CHARS)))
    await measure(`word limit check, long answer at its cap: ${shape}`, ANSWER_TARGET_MS, () =>
      wordLimitState(text, 250),
    );

  const english = validationMessages(copyFor("en"));
  const questions = allQuestions(msq2020);
  const answers = answersAtCap(msq2020);
  const form = sectionForm(questions, answers);
  await measure("every answer at its cap: section post parsed", MEGABYTES_TARGET_MS, () =>
    parseSectionPost(msq2020, questions, form, english),
  );
  await measure("every answer at its cap: submit validation", MEGABYTES_TARGET_MS, () =>
    submitAnswersSchema(msq2020, english).safeParse(answers),
  );
  const chinese = answersAtCap(msq2020, "Chinese and Latin letters");
  await measure(
    "every answer at its cap in Chinese and Latin letters: submit validation",
    MEGABYTES_TARGET_MS,
    () => submitAnswersSchema(msq2020, english).safeParse(chinese),
  );
  const padded = sectionForm(questions, {});
  for (let i = 0; i < 1_000_000; i++) padded.append("x", "");
  await measure(
    "3 MB post of a million unknown fields: section post parsed",
    MEGABYTES_TARGET_MS,
    () => parseSectionPost(msq2020, questions, padded, english),
  );

  const row: ExportRow = {
    countryCode: "NOR",
    countryName: "Norway",
    region: "Europe",
    status: "SUBMITTED",
    imported: false,
    submittedAt: new Date(),
    acceptedAt: null,
    responseDate: null,
    authorizePublication: true,
    definitionVersion: msq2020.version,
    answers,
  };
  const meta = {
    exportedAt: new Date(),
    locale: "en" as const,
    choice: { statuses: ["SUBMITTED" as const], authorisedOnly: false },
  };
  await measure("every answer at its cap: CSV export", MEGABYTES_TARGET_MS, () =>
    toCsv(msq2020, [row]),
  );
  await measure("every answer at its cap: XLSX export", MEGABYTES_TARGET_MS, () =>
    writeXlsx(msq2020, [row], meta, sink()),
  );
  await measure("every answer at its cap: JSON export", MEGABYTES_TARGET_MS, () =>
    toJson(msq2020, [row], meta),
  );
  const json = await toJson(msq2020, [row], meta);
  await measure("every answer at its cap: JSON import", MEGABYTES_TARGET_MS, () =>
    parseJsonExport(json, msq2020),
  );

  // The Results page: a search through 193 long answers at their cap (a query that nearly
  // matches at every position, and one that matches every three characters), and the charts of
  // 193 responses with every answer at its cap.
  const capped = pathologicalTexts(MAX_LONGTEXT_CHARS)["no spaces"]!;
  const nearMiss = `${"a".repeat(MAX_QUERY_CHARS - 1)}b`;
  await measure(
    "193 long answers at their cap: Results search for aaa…ab",
    MEGABYTES_TARGET_MS,
    () => {
      for (let i = 0; i < 193; i++) searchText(capped, nearMiss);
    },
  );
  const everywhere = "ab ".repeat(MAX_LONGTEXT_CHARS / 3);
  await measure(
    "193 long answers at their cap: Results search matching everywhere",
    MEGABYTES_TARGET_MS,
    () => {
      for (let i = 0; i < 193; i++) searchText(everywhere, "ab");
    },
  );
  const responses = Array.from({ length: 193 }, (_, i) => ({
    code: `C${i}`,
    name: `Country ${i}`,
    region: "Europe",
    answers,
  }));
  const labels = tallyLabels(copyFor("en"));
  await measure(
    "193 responses, every answer at its cap: Results charts, by region",
    MEGABYTES_TARGET_MS,
    () =>
      tallyQuestionnaire(msq2020, responses, labels, { ...DEFAULT_TALLY_OPTIONS, byRegion: true }),
  );

  const document = twoMegabyteDocument();
  await measure("2 MB document read by the importer", MEGABYTES_TARGET_MS, () =>
    readMsqItems(document, "large.txt", msq2020),
  );
  return rows;
}

/** The rows as a Markdown table, each with its verdict. */
export function renderWorstCases(rows: readonly WorstCase[]): string {
  const lines = [
    "| worst-case input, in process | time | runs | target |",
    "|---|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.ms.toFixed(1)} ms | ${r.runs} | ${r.ms < r.targetMs ? "met" : "missed"} (< ${r.targetMs >= 1000 ? `${r.targetMs / 1000} s` : `${r.targetMs} ms`}) |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
