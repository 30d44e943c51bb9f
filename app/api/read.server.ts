import { prisma } from "~/db.server";
import { loadExportPage, type PagedExportRow } from "~/export/export.server";
import { EXPORT_STATUSES, type ExportFilters } from "~/export/filters";
import { jsonAnswers, jsonExportResponse } from "~/export/json";
import { longRows } from "~/export/long";
import { requireDefinition, requireQuestionnaire } from "~/models/questionnaire.server";
import { roundById } from "~/models/round-choice.server";
import { currentRound, readableRounds, type Round } from "~/models/round.server";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { decodeCursor, encodeCursor } from "./cursor";
import { problem } from "./problem";
import type { ListRequest } from "./query";
import type {
  CountryResponse,
  LongPage,
  LongRow,
  ResponsePage,
  ResponseSummary,
  RoundDetail,
  RoundList,
  RoundOut,
} from "./schemas";

// What the read API answers, by the exports' rules (app/export/): only submitted versions (a
// response's latest submission, never its working copy), the same statuses, regions and
// authorisation filter, the canonical field keys, each response read against the definition
// version of its submission. Called by the routes under app/routes/api.v1.* once the token
// guard has passed.

function roundOut(round: Round, currentId: string): RoundOut {
  return {
    id: round.id,
    name: round.name,
    status: round.status === "OPEN" ? "OPEN" : "CLOSED",
    definition_version: round.questionnaireVersion,
    opened_at: round.openedAt?.toISOString() ?? null,
    deadline: round.deadline?.toISOString() ?? null,
    current: round.id === currentId,
  };
}

export async function listRounds(): Promise<RoundList> {
  const [rounds, current] = await Promise.all([readableRounds(), currentRound()]);
  return { rounds: rounds.map((round) => roundOut(round, current.id)) };
}

export async function roundDetail(roundId: string): Promise<RoundDetail> {
  const { round } = await roundById(roundId);
  const current = await currentRound();
  const definition = await requireDefinition(round.id, round.questionnaireVersion);
  return { ...roundOut(round, current.id), definition };
}

/** The questionnaire of each version a page's rows were submitted at, read once each. */
async function questionnairesOf(roundId: string, rows: readonly PagedExportRow[]) {
  const versions = new Map<number, Questionnaire>();
  for (const version of new Set(rows.map((row) => row.definitionVersion)))
    versions.set(
      version,
      await requireQuestionnaire({ id: roundId, questionnaireVersion: version }),
    );
  return versions;
}

/** The filters as one string: a cursor carries it, and is refused under other filters. */
const queryKey = (filters: ExportFilters) =>
  [
    filters.roundId,
    filters.statuses.join(","),
    filters.region ?? "",
    filters.authorisedOnly ? 1 : 0,
  ].join("|");

type Paged = {
  roundId: string;
  rows: PagedExportRow[];
  nextCursor: string | null;
  next: string | null;
};

/**
 * One page of the round's exported responses, by response id after the cursor's. Each page is
 * read when it is asked for (a response resubmitted meanwhile is given as it is then), and since
 * ids never change, paging through gives every response that matched all along exactly once.
 */
async function page(request: ListRequest, url: URL): Promise<Paged> {
  const { round } = await roundById(request.roundId);
  const filters: ExportFilters = { roundId: round.id, ...request.choice };
  const key = queryKey(filters);
  let after: string | null = null;
  if (request.cursor !== null) {
    const cursor = decodeCursor(request.cursor);
    if (!cursor) throw problem("bad-request", "cursor: not a cursor this API gave.");
    if (cursor.query !== key)
      throw problem(
        "cursor-mismatch",
        "Give the cursor with the filters of the page it came from.",
      );
    after = cursor.after;
  }
  const found = await loadExportPage(filters, { after, take: request.limit });
  const nextCursor =
    found.more && found.lastId ? encodeCursor({ after: found.lastId, query: key }) : null;
  let next: string | null = null;
  if (nextCursor) {
    const params = new URLSearchParams(url.search);
    params.set("cursor", nextCursor);
    next = `${url.pathname}?${params}`;
  }
  return { roundId: round.id, rows: found.rows, nextCursor, next };
}

export async function responsePage(request: ListRequest, url: URL): Promise<ResponsePage> {
  const { roundId, rows, nextCursor, next } = await page(request, url);
  const versions = await questionnairesOf(roundId, rows);
  const data = rows.map((row): ResponseSummary => {
    const exported = jsonExportResponse(versions.get(row.definitionVersion)!, row);
    return {
      country: exported.country,
      country_name: exported.country_name,
      region: exported.region,
      round: roundId,
      status: exported.status as ResponseSummary["status"],
      definition_version: row.definitionVersion,
      submission: row.submissionNumber,
      imported: exported.imported,
      submitted_at: exported.submitted_at,
      accepted_at: exported.accepted_at,
      response_date: exported.response_date,
      authorize_publication: exported.authorize_publication,
      answers: exported.answers,
    };
  });
  return { round: roundId, data, next_cursor: nextCursor, next };
}

export async function longPage(request: ListRequest, url: URL): Promise<LongPage> {
  const { roundId, rows, nextCursor, next } = await page(request, url);
  const versions = await questionnairesOf(roundId, rows);
  const data = rows.flatMap((row) =>
    longRows(versions.get(row.definitionVersion)!, roundId, row).map(
      ([country, countryName, round, version, key, value]): LongRow => ({
        country: String(country),
        country_name: String(countryName),
        round: String(round),
        definition_version: Number(version),
        key: String(key),
        value: value ?? "",
      }),
    ),
  );
  return { round: roundId, data, next_cursor: nextCursor, next };
}

/**
 * One country's response in a round, with every submission, newest first: only what was
 * submitted (or imported), never the working copy. 404 when it has none.
 */
export async function countryResponse(
  countryCode: string,
  roundId: string | null,
): Promise<CountryResponse> {
  const { round } = await roundById(roundId);
  const response = await prisma.response.findUnique({
    where: { roundId_countryCode: { roundId: round.id, countryCode: countryCode.toUpperCase() } },
    select: {
      status: true,
      submittedAt: true,
      acceptedAt: true,
      responseDate: true,
      country: { select: { code: true, name: true, region: true } },
      submissions: {
        select: {
          number: true,
          createdAt: true,
          imported: true,
          questionnaireVersion: true,
          authorizePublication: true,
          answers: true,
        },
        orderBy: { number: "desc" },
      },
    },
  });
  const status = EXPORT_STATUSES.find((s) => s === response?.status);
  if (!response || !status || response.submissions.length === 0)
    throw problem(
      "not-found",
      `No submitted response of ${countryCode.toUpperCase()} in ${round.id}.`,
    );
  const versions = new Map<number, Questionnaire>();
  for (const version of new Set(response.submissions.map((s) => s.questionnaireVersion)))
    versions.set(
      version,
      await requireQuestionnaire({ id: round.id, questionnaireVersion: version }),
    );
  return {
    country: response.country.code,
    country_name: response.country.name,
    region: response.country.region,
    round: round.id,
    status,
    submitted_at: (response.submittedAt ?? response.submissions[0]!.createdAt).toISOString(),
    accepted_at: response.acceptedAt?.toISOString() ?? null,
    response_date: response.responseDate,
    submissions: response.submissions.map((submission) => ({
      number: submission.number,
      submitted_at: submission.createdAt.toISOString(),
      imported: submission.imported,
      definition_version: submission.questionnaireVersion,
      authorize_publication: submission.authorizePublication,
      answers: jsonAnswers(
        versions.get(submission.questionnaireVersion)!,
        (submission.answers ?? {}) as Answers,
      ),
    })),
  };
}
