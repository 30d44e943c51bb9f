import { PassThrough, Readable } from "node:stream";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locale";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import type { Questionnaire } from "~/questionnaire/types";
import { csvChunks } from "./csv";
import {
  exportFilename,
  longExportFilename,
  type ExportChoice,
  type ExportFilters,
  type WideExportFormat,
} from "./filters";
import { jsonChunks, type JsonExportMeta } from "./json";
import { longCsvChunks, type LongExportRound } from "./long";
import type { ExportRow } from "./row";
import { writeXlsx } from "./xlsx";
import { latestSubmission } from "~/models/latest-submission";
import { answersOfSubmissions } from "~/models/submission-answers.server";

// Exports read what was submitted, never a later draft: for each response of the round with at
// least one submission, the latest submission's snapshot, with the response's status and dates
// and the country's name and region.

export async function loadExportRows(filters: ExportFilters): Promise<ExportRow[]> {
  return (await readExportRows(filters, null)).rows;
}

/** Where a page of a listing starts (after the response with this id) and how many it scans. */
export type ExportPage = { after: string | null; take: number };

/** An exported row with the keys the read API pages by and names. */
export type PagedExportRow = ExportRow & { responseId: string; submissionNumber: number };

/**
 * One page of the export's rows, in the order of the responses' ids (immutable, so a listing
 * paged by them gives each response once whatever changes between pages): the rows, the id of
 * the last response scanned (the next page starts after it) and whether there are more.
 */
export async function loadExportPage(
  filters: ExportFilters,
  page: ExportPage,
): Promise<{ rows: PagedExportRow[]; lastId: string | null; more: boolean }> {
  return readExportRows(filters, page);
}

async function readExportRows(filters: ExportFilters, page: ExportPage | null) {
  const where: Prisma.ResponseWhereInput = {
    roundId: filters.roundId,
    status: { in: [...filters.statuses] },
    // Narrows the query; whether the latest snapshot authorises is checked below.
    submissions: { some: filters.authorisedOnly ? { authorizePublication: true } : {} },
    ...(filters.region ? { country: { region: filters.region } } : {}),
    ...(page?.after ? { id: { gt: page.after } } : {}),
  };
  const found = await prisma.response.findMany({
    where,
    select: {
      id: true,
      status: true,
      submittedAt: true,
      acceptedAt: true,
      responseDate: true,
      country: { select: { code: true, name: true, region: true } },
      submissions: latestSubmission({
        id: true,
        number: true,
        authorizePublication: true,
        imported: true,
        createdAt: true,
        questionnaireVersion: true,
      }),
    },
    orderBy: page ? { id: "asc" } : { country: { name: "asc" } },
    take: page ? page.take + 1 : undefined,
  });
  const more = page ? found.length > page.take : false;
  const responses = page ? found.slice(0, page.take) : found;
  const answers = await answersOfSubmissions(
    responses.flatMap((response) => response.submissions.map((latest) => latest.id)),
  );
  const rows = responses.flatMap((response): PagedExportRow[] => {
    const latest = response.submissions[0];
    if (!latest) return [];
    if (filters.authorisedOnly && latest.authorizePublication !== true) return [];
    return [
      {
        responseId: response.id,
        submissionNumber: latest.number,
        countryCode: response.country.code,
        countryName: response.country.name,
        region: response.country.region,
        status: response.status,
        // The snapshot's own flag: a response imported, returned and resubmitted in the portal
        // holds answers the country confirmed, not a document's conversion.
        imported: latest.imported,
        submittedAt: response.submittedAt ?? latest.createdAt,
        acceptedAt: response.acceptedAt,
        responseDate: response.responseDate,
        authorizePublication: latest.authorizePublication,
        definitionVersion: latest.questionnaireVersion,
        answers: answers.get(latest.id) ?? {},
      },
    ];
  });
  return { rows, lastId: responses.at(-1)?.id ?? null, more };
}

export type ExportStream = {
  contentType: string;
  filename: string;
  /** The language of the file's texts (XLSX, JSON); null when it holds only keys and data (CSV). */
  language: Locale | null;
  /** How many responses the file holds. */
  responses: number;
  /** Bytes of the file, produced as they are read. */
  body: Readable;
};

const CSV_TYPE = "text/csv; charset=utf-8";
const CONTENT_TYPES: Record<WideExportFormat, string> = {
  csv: CSV_TYPE,
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** How a file is written: the language of its texts, and the moment it says it was made. */
export type ExportOptions = { locale: Locale; exportedAt?: Date };

/**
 * One round's file. The columns and keys are the same in every language (the questionnaire's
 * keys never change with it); the XLSX's sheet names, Columns and Export sheets and the JSON's
 * `texts` are in `locale`, with the questions as the round's definition words them in it.
 */
export async function streamExport(
  format: WideExportFormat,
  filters: ExportFilters,
  { locale, exportedAt = new Date() }: ExportOptions,
): Promise<ExportStream> {
  const questionnaire = await requireQuestionnaire(filters.roundId, locale);
  // Read before the first byte is sent, so a database failure is an error page, not half a file.
  const rows = await loadExportRows(filters);
  const meta: JsonExportMeta = {
    exportedAt,
    locale,
    choice: {
      statuses: filters.statuses,
      region: filters.region ?? null,
      authorisedOnly: filters.authorisedOnly,
    },
  };
  const filename = exportFilename(questionnaire.round, format, exportedAt);
  const contentType = CONTENT_TYPES[format];
  if (format === "xlsx") {
    const body = new PassThrough();
    writeXlsx(questionnaire, rows, meta, body).catch((error: unknown) =>
      body.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return { contentType, filename, language: locale, responses: rows.length, body };
  }
  const chunks =
    format === "csv" ? csvChunks(questionnaire, rows) : jsonChunks(questionnaire, rows, meta);
  return {
    contentType,
    filename,
    language: format === "json" ? locale : null,
    responses: rows.length,
    body: Readable.from(chunks, { objectMode: false }),
  };
}

/**
 * The long CSV of several rounds (newest first, as given): each round's exported responses, as
 * the wide export of that round chooses them, each read against the definition version it was
 * submitted at.
 */
export async function streamLongExport(
  roundIds: readonly string[],
  choice: ExportChoice,
  exportedAt = new Date(),
): Promise<ExportStream> {
  // Every round read before the first byte is sent, as for the wide formats.
  const rounds: LongExportRound[] = [];
  for (const roundId of roundIds) {
    const rows = await loadExportRows({ roundId, ...choice });
    const versions = new Map<number, Questionnaire>();
    for (const version of new Set(rows.map((row) => row.definitionVersion)))
      versions.set(
        version,
        await requireQuestionnaire({ id: roundId, questionnaireVersion: version }),
      );
    rounds.push({ roundId, versions, rows });
  }
  return {
    contentType: CSV_TYPE,
    filename: longExportFilename(roundIds, exportedAt),
    language: null,
    responses: rounds.reduce((sum, round) => sum + round.rows.length, 0),
    body: Readable.from(longCsvChunks(rounds), { objectMode: false }),
  };
}
