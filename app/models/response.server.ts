import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { nullableBoolean, prisma } from "~/db.server";
import {
  booleanParam,
  dateColumn,
  dateParam,
  driverRows,
  isSqliteBusy,
  jsonColumn,
  jsonParam,
  nullableDateColumn,
  postgresTransaction,
  sqliteTransaction,
  type Row as DriverRow,
} from "~/db-driver.server";
import { isPostgres } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ResponseStatus, RoundStatus } from "~/generated/prisma/enums";
import { AUTHORIZATION_KEY } from "~/questionnaire";
import type { FieldConflict } from "~/questionnaire/section-protocol";
import { fingerprint, sameAnswer } from "~/questionnaire/form-data";
import type { AnswerValue, Answers } from "~/questionnaire/types";
import { readCarried, readConfirmed } from "~/rounds/carry-forward";
import { TRANSITIONS } from "./review-state";
import { isAnswerable, isAnswerableNow } from "./round.server";

// A country's response for a round: reading it, and saving answers without ever losing one.
// A save carries, for each changed field, a fingerprint of the value the person was shown. If
// the stored value is no longer that one (a colleague saved meanwhile) and differs from the
// new value, the field is returned as a conflict instead of being overwritten. Without a
// fingerprint, the revision the page was loaded at decides, using the revision that last
// changed each field (fieldVersions). Concurrent saves serialise (a row lock on PostgreSQL, the
// database's write lock on SQLite), so none is lost.

/** Focal points can change a response in these statuses (the ones it can be submitted from). */
export const EDITABLE: readonly ResponseStatus[] = TRANSITIONS.submit.from;
/** The publish authorisation is saved like an answer, under its FIELDS.md header key. */
export { AUTHORIZATION_KEY };

export type FieldVersion = { rev: number; by: string | null; at: string };
export type FieldVersions = Record<string, FieldVersion>;

export type { FieldConflict };

export type SaveResult =
  | { ok: true; revision: number; saved: string[]; conflicts: FieldConflict[]; savedAt: string }
  | { ok: false; reason: "locked"; status: ResponseStatus };

export type ResponseRow = Awaited<ReturnType<typeof findResponse>>;

const RESPONSE_SQL = `
  SELECT id, "roundId", "countryCode", status, "questionnaireVersion", answers,
    "fieldVersions", "authorizePublication", "responseDate", revision, imported,
    "importSource", "importWarnings", "importedAt", "updatedAt", "updatedById",
    "submittedAt", "acceptedAt", carried, "carriedFromRoundId", "confirmedCarried"
  FROM "Response" WHERE "roundId" = $1 AND "countryCode" = $2`;

/**
 * A country's response for a round, or null. Read on every section page and every save, so it
 * is one statement prepared once, through the driver (db-driver.server.ts): through Prisma's
 * query builder it cost 0.63 ms, as raw SQL through Prisma 0.15 ms.
 */
export async function findResponse(roundId: string, countryCode: string) {
  const rows = await driverRows("response", RESPONSE_SQL, [roundId, countryCode]);
  return rows[0] ? responseFromRow(rows[0]) : null;
}

/** The response, typed, from its row as either path gives it (SQLite: text and integers). */
function responseFromRow(row: DriverRow) {
  const text = (value: unknown) => (value === null ? null : String(value));
  return {
    id: String(row.id),
    roundId: String(row.roundId),
    countryCode: String(row.countryCode),
    status: row.status as ResponseStatus,
    questionnaireVersion: Number(row.questionnaireVersion),
    answers: (jsonColumn(row.answers) ?? {}) as Answers,
    fieldVersions: (jsonColumn(row.fieldVersions) ?? {}) as FieldVersions,
    authorizePublication: nullableBoolean(row.authorizePublication),
    responseDate: text(row.responseDate),
    revision: Number(row.revision),
    imported: Boolean(row.imported),
    importSource: text(row.importSource),
    importWarnings: jsonColumn(row.importWarnings) as Prisma.JsonValue | null,
    importedAt: nullableDateColumn(row.importedAt),
    updatedAt: dateColumn(row.updatedAt),
    updatedById: text(row.updatedById),
    submittedAt: nullableDateColumn(row.submittedAt),
    acceptedAt: nullableDateColumn(row.acceptedAt),
    carried: readCarried(row.carried),
    carriedFromRoundId: text(row.carriedFromRoundId),
    confirmedCarried: readConfirmed(row.confirmedCarried),
  };
}

/** A country's first save of a round creates its response (a colleague's may do so at once). */
async function createResponse(roundId: string, countryCode: string) {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { questionnaireVersion: true },
  });
  try {
    await prisma.response.create({
      data: {
        roundId,
        countryCode,
        questionnaireVersion: round.questionnaireVersion,
        answers: {},
        fieldVersions: {},
      },
    });
  } catch {
    // A colleague's first save created it at the same moment: use theirs.
  }
}

export type SaveInput = {
  roundId: string;
  countryCode: string;
  actorId: string;
  /** The response revision the person's page was loaded at. */
  baseRevision: number;
  /** Only the fields the person changed. */
  changes: Answers;
  /** Fingerprints of the values the person was shown, by field. */
  shown?: Readonly<Record<string, string>>;
  authorizePublication?: boolean | null;
  /** Fields the person chose to keep after being shown a conflict. */
  overwrite?: readonly string[];
  /** The definition version the person answered (a wording fix is a new one), recorded. */
  questionnaireVersion?: number;
};

type Row = NonNullable<ResponseRow>;

const MAX_ATTEMPTS = 8;

/**
 * Saves the changes in one transaction that reads the response under a lock and writes it:
 * colleagues saving the same response queue on the lock and each reads what the previous one
 * wrote (an optimistic retry over the network failed 4 % of saves under the load test). The
 * lock is the row's on PostgreSQL (SELECT … FOR UPDATE), the database's on SQLite (BEGIN
 * IMMEDIATE). Through the driver, its statements prepared once (decision 028).
 */
export async function saveAnswers(input: SaveInput): Promise<SaveResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await (isPostgres ? savePostgres(input) : saveSqlite(input)).catch(
      busyAsLostRace,
    );
    if (outcome === NO_RESPONSE) {
      // Nothing is created in a round no longer answered.
      if (!(await isAnswerableNow(input.roundId)))
        return { ok: false, reason: "locked", status: "DRAFT" };
      await createResponse(input.roundId, input.countryCode);
    } else if (outcome) return outcome;
    else await sleep(Math.random() * 10 * (attempt + 1));
  }
  throw new Error("The response is changing too quickly to save; try again.");
}

const NO_RESPONSE = "no response";

/**
 * SQLite gave up waiting for its lock (10 s: another process held it too long). Nothing was
 * written; the save is tried again.
 */
function busyAsLostRace(error: unknown): null {
  if (isSqliteBusy(error)) return null;
  throw error;
}

// The response and whether its round is answered now, read in the save's transaction: a round
// closed a moment ago takes no more saves.
const SAVE_READ_SQL = RESPONSE_SQL.replace(
  `FROM "Response"`,
  `, (SELECT ro.status FROM "Round" ro WHERE ro.id = "Response"."roundId") AS "roundStatus",
    (SELECT ro."opensAt" FROM "Round" ro WHERE ro.id = "Response"."roundId") AS "roundOpensAt"
  FROM "Response"`,
);
const LOCKED_SAVE_READ_SQL = `${SAVE_READ_SQL} FOR UPDATE`;

function saveSqlite(input: SaveInput) {
  return sqliteTransaction((tx) => {
    const row = tx.rows("save-read", SAVE_READ_SQL, [input.roundId, input.countryCode])[0];
    if (!row) return NO_RESPONSE;
    const plan = planSave(row, input);
    if ("result" in plan) return plan.result;
    if (tx.run("response-write", WRITE_SQL, plan.write) !== 1) throw new LockNotHeld();
    tx.run("event-insert", EVENT_SQL, plan.event);
    return plan.saved;
  });
}

function savePostgres(input: SaveInput) {
  return postgresTransaction(async (tx) => {
    const params = [input.roundId, input.countryCode];
    const row = (await tx.rows("save-read-for-update", LOCKED_SAVE_READ_SQL, params))[0];
    if (!row) return NO_RESPONSE;
    const plan = planSave(row, input);
    if ("result" in plan) return plan.result;
    const written = await tx.run("response-write-with-event", WRITE_WITH_EVENT_SQL, [
      ...plan.write,
      ...plan.event,
    ]);
    if (written !== 1) throw new LockNotHeld();
    return plan.saved;
  });
}

/** The row read under the lock was not the one written: a bug, never a lost race. Rolled back. */
class LockNotHeld extends Error {
  constructor() {
    super("The response changed while it was locked; nothing was saved.");
  }
}

type SaveSteps = { write: unknown[]; event: unknown[]; saved: SaveResult };

/** What a save of `input` into the response as read does: the answer at once, or the writes. */
function planSave(row: DriverRow, input: SaveInput): { result: SaveResult } | SaveSteps {
  const response = responseFromRow(row);
  const round = {
    status: row.roundStatus as RoundStatus,
    opensAt: nullableDateColumn(row.roundOpensAt),
  };
  if (!EDITABLE.includes(response.status) || !isAnswerable(round))
    return { result: { ok: false, reason: "locked", status: response.status } };
  const changes = splitChanges(response, input);
  if (changes.fields.length > 0) return saveSteps(response, changes, input);
  const savedAt = new Date().toISOString();
  return {
    result: {
      ok: true,
      revision: response.revision,
      saved: [],
      conflicts: changes.conflicts,
      savedAt,
    },
  };
}

const EDITABLE_SQL = EDITABLE.map((status) => `'${status}'`).join(", ");

// The revision and status are checked again by the update, though the lock already holds them.
const WRITE_SQL = `
  UPDATE "Response" SET answers = $1, "fieldVersions" = $2, revision = $3, "updatedById" = $4,
    "updatedAt" = $5, "questionnaireVersion" = COALESCE($6, "questionnaireVersion"),
    "authorizePublication" = CASE WHEN $7 THEN $8 ELSE "authorizePublication" END
  WHERE id = $9 AND revision = $10 AND status IN (${EDITABLE_SQL})`;

const EVENT_INSERT = `
  INSERT INTO "Event" (id, at, kind, "actorId", "countryCode", "responseId", fields, data)`;

const EVENT_SQL = `${EVENT_INSERT} VALUES ($1, $2, 'response.saved', $3, $4, $5, $6, $7)`;

// PostgreSQL: the update and its event in one statement, one round trip fewer (SQLite has no
// UPDATE in a WITH). The event is inserted only if the update wrote the row.
// Its parameters: the update's, then the event's.
const WRITE_WITH_EVENT_SQL = `
  WITH written AS (${WRITE_SQL} RETURNING id)
  ${EVENT_INSERT} SELECT $11, $12, 'response.saved', $13, $14, $15, $16, $17 FROM written`;

/** The parameters of the response's update and of its event, and the reply once written. */
function saveSteps(
  response: Row,
  { apply, conflicts, fields }: Changes,
  input: SaveInput,
): SaveSteps {
  const revision = response.revision + 1;
  const savedAt = new Date();
  const version: FieldVersion = { rev: revision, by: input.actorId, at: savedAt.toISOString() };
  const { [AUTHORIZATION_KEY]: authorization, ...answerChanges } = apply;
  const answers = { ...response.answers, ...(answerChanges as Answers) };
  const fieldVersions = {
    ...response.fieldVersions,
    ...Object.fromEntries(fields.map((f) => [f, version])),
  };
  const setsAuthorization = AUTHORIZATION_KEY in apply;
  return {
    write: [
      jsonParam(answers),
      jsonParam(fieldVersions),
      revision,
      input.actorId,
      dateParam(savedAt),
      input.questionnaireVersion || null,
      booleanParam(setsAuthorization),
      booleanParam(setsAuthorization ? (authorization as boolean | null) : null),
      response.id,
      response.revision,
    ],
    event: [
      randomUUID(),
      dateParam(savedAt),
      input.actorId,
      input.countryCode,
      response.id,
      jsonParam(fields),
      jsonParam({ revision }),
    ],
    saved: { ok: true, revision, saved: fields, conflicts, savedAt: savedAt.toISOString() },
  };
}

/**
 * The wanted changes split into those to apply and the conflicts: a field a colleague changed
 * since the person saw it (and to something else than what they now want).
 */
type Changes = ReturnType<typeof splitChanges>;

function splitChanges(response: Row, input: SaveInput) {
  const current: Record<string, AnswerValue | boolean> = { ...response.answers };
  current[AUTHORIZATION_KEY] = response.authorizePublication;
  const wanted: Record<string, AnswerValue | boolean> = { ...input.changes };
  if (input.authorizePublication !== undefined)
    wanted[AUTHORIZATION_KEY] = input.authorizePublication;

  const apply: Record<string, AnswerValue | boolean> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    const theirs = current[field] ?? null;
    if (sameAnswer(theirs as AnswerValue, value as AnswerValue)) continue;
    const version = response.fieldVersions[field];
    const seen = input.shown?.[field];
    const changedSinceSeen =
      seen !== undefined
        ? seen !== fingerprint(theirs)
        : !!version && version.rev > input.baseRevision;
    if (changedSinceSeen && !input.overwrite?.includes(field)) {
      conflicts.push({
        field,
        yours: value,
        theirs,
        by: version?.by ?? null,
        at: version?.at ?? "",
      });
      continue;
    }
    apply[field] = value;
  }
  return { apply, conflicts, fields: Object.keys(apply) };
}

/** Names for the people in a response's field versions (for "saved by … at …"). */
export async function namesOf(userIds: (string | null | undefined)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return {};
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
  });
  return Object.fromEntries(users.map((u) => [u.id, u.name ?? u.email]));
}
