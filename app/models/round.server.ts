import { prisma } from "~/db.server";
import { driverRows, nullableDateColumn, type Row } from "~/db-driver.server";
import type { RoundStatus } from "~/generated/prisma/enums";

// The round focal points are answering now: the latest open one (else the latest closed one, read
// only). Read on nearly every request and changed perhaps once a year, so it is kept for a few
// seconds per process.
export const CURRENT_ROUND_TTL_MS = 5_000;
let cached: { at: number; round: Promise<Round> } | null = null;

export type Round = {
  id: string;
  name: string;
  questionnaireVersion: number;
  deadline: Date | null;
  opensAt: Date | null;
  openedAt: Date | null;
  status: RoundStatus;
};
const roundFields = {
  id: true,
  name: true,
  questionnaireVersion: true,
  deadline: true,
  opensAt: true,
  openedAt: true,
  status: true,
} as const;

/**
 * Whether focal points may write answers into the round now: it is open and its start date has
 * come (a round opened ahead of its start shows the carried answers, read only, until then).
 */
export function isAnswerable(round: Pick<Round, "status" | "opensAt">, now = new Date()): boolean {
  return round.status === "OPEN" && (!round.opensAt || round.opensAt <= now);
}

async function readCurrentRound(): Promise<Round> {
  for (const status of ["OPEN", "CLOSED"] as const) {
    const round = await prisma.round.findFirst({
      where: { status },
      select: roundFields,
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    });
    if (round) return round;
  }
  throw new Error("No open or closed questionnaire round: run npm run db:seed");
}

const ROUND_COLUMNS = `id, name, "questionnaireVersion", deadline, "opensAt", "openedAt", status`;

/** A round from its row, as the driver gives it (db-driver.server.ts). */
function roundFromRow(row: Row): Round {
  return {
    id: String(row.id),
    name: String(row.name),
    questionnaireVersion: Number(row.questionnaireVersion),
    deadline: nullableDateColumn(row.deadline),
    opensAt: nullableDateColumn(row.opensAt),
    openedAt: nullableDateColumn(row.openedAt),
    status: row.status as RoundStatus,
  };
}

/**
 * A round by id, for pages that show an earlier round; null when there is no such round. Read
 * on every dashboard and Results page, through the driver (decision 026).
 */
export async function findRound(id: string): Promise<Round | null> {
  const rows = await driverRows("round", `SELECT ${ROUND_COLUMNS} FROM "Round" WHERE id = $1`, [
    id,
  ]);
  return rows[0] ? roundFromRow(rows[0]) : null;
}

/** Rounds people can read (not drafts), newest first: for the round switchers. */
export async function readableRounds(): Promise<Round[]> {
  const rows = await driverRows(
    "readable-rounds",
    `SELECT ${ROUND_COLUMNS} FROM "Round" WHERE status <> 'DRAFT' ORDER BY "openedAt" DESC, id DESC`,
    [],
  );
  return rows.map(roundFromRow);
}

export function currentRound(): Promise<Round> {
  if (!cached || Date.now() - cached.at > CURRENT_ROUND_TTL_MS) {
    const round = readCurrentRound();
    cached = { at: Date.now(), round };
    round.catch(() => (cached = null));
  }
  return cached.round;
}

/**
 * The current round as stored now, for what outlives the request: an invitation's e-mail names
 * the round and its deadline, and another worker may have opened the next round within the
 * cache's few seconds. Refreshes this process's cache with what it read.
 */
export function currentRoundNow(): Promise<Round> {
  forgetCurrentRound();
  return currentRound();
}

/**
 * Whether the round is answerable as stored now, not as this process cached it: the check before
 * a write. The cache is per process, and `forgetCurrentRound` reaches only the process that
 * closed the round; the others (the server's other workers, other instances on the same
 * database) would take answers into a closed round for up to CURRENT_ROUND_TTL_MS.
 */
export async function isAnswerableNow(roundId: string, now = new Date()): Promise<boolean> {
  const round = await findRound(roundId);
  return !!round && isAnswerable(round, now);
}

/** After the round changes (a new deadline), so this process shows it at once. */
export function forgetCurrentRound() {
  cached = null;
}
