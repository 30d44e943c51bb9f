import { randomUUID } from "node:crypto";
import { prisma } from "~/db.server";
import { isPostgres } from "~/env.server";

// Attempts (sign-ins, password-reset requests) are limited per account and per client address.
// Each counted attempt is a row in the database, so every server process sees it and a restart
// does not reset it; a key is locked while it has `max` rows within the window, until the oldest
// of them ages out.
//
// An attempt is counted *before* it is checked, in one transaction per attempt that inserts its
// row, counts, and takes the row out again if the attempt is refused. The transactions of one key
// run one after another: on SQLite the insert takes the database's write lock until commit; on
// PostgreSQL, whose default isolation (read committed) would let simultaneous transactions each
// count without the others' rows, an advisory lock per key is taken first. So of N simultaneous
// attempts exactly `max` get through, across worker processes.

export type Limit = {
  /** What the limit is on, for the event log: "account" or "client". */
  scope: "account" | "client";
  key: string;
  max: number;
  windowMs: number;
};

export type Attempt =
  | {
      allowed: true;
      /** The rows this attempt added, one per limit (to forget it after a success). */
      hitIds: string[];
      /** The limits this attempt filled up: the next one is refused. */
      filled: Limit[];
    }
  | { allowed: false; retryAfterMs: number };

const MINUTE = 60_000;
/** Attempts queue for the lock under a flood; each holds it for a few statements. */
const TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

type Db = Pick<typeof prisma, "rateLimitHit">;

export function signInLimits(email: string, clientAddress: string): Limit[] {
  return [
    {
      scope: "account",
      key: `sign-in:account:${email.toLowerCase()}`,
      max: 5,
      windowMs: 15 * MINUTE,
    },
    { scope: "client", key: `sign-in:address:${clientAddress}`, max: 20, windowMs: 15 * MINUTE },
  ];
}

/**
 * Reset links per address and per client: enough for a lost e-mail or two, not for filling
 * someone's inbox. The link lives an hour, so the window does too.
 */
export function passwordResetLimits(email: string, clientAddress: string): Limit[] {
  return [
    {
      scope: "account",
      key: `password-reset:account:${email.toLowerCase()}`,
      max: 3,
      windowMs: 60 * MINUTE,
    },
    {
      scope: "client",
      key: `password-reset:address:${clientAddress}`,
      max: 10,
      windowMs: 60 * MINUTE,
    },
  ];
}

/** Counts one attempt against every limit; refused when any of them is already full. */
export function countAttempt(limits: Limit[], at?: Date): Promise<Attempt> {
  return prisma.$transaction(async (tx) => {
    // The time once the lock is held: an attempt that queued under a flood counts from then.
    const now = at ?? new Date();
    if (isPostgres) {
      // Sorted, so two attempts locking the same keys cannot wait for each other.
      for (const key of limits.map((limit) => limit.key).sort()) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
    }
    const rows = limits.map((limit) => ({ id: randomUUID(), key: limit.key, at: now }));
    await tx.rateLimitHit.createMany({ data: rows });
    const counts: number[] = [];
    for (const limit of limits) {
      const since = new Date(now.getTime() - limit.windowMs);
      counts.push(await tx.rateLimitHit.count({ where: { key: limit.key, at: { gt: since } } }));
    }
    const hitIds = rows.map((row) => row.id);
    if (limits.every((limit, i) => counts[i]! <= limit.max)) {
      return {
        allowed: true,
        hitIds,
        filled: limits.filter((limit, i) => counts[i] === limit.max),
      };
    }
    // A refused attempt is not counted: hammering a locked key does not keep it locked longer.
    await tx.rateLimitHit.deleteMany({ where: { id: { in: hitIds } } });
    const exceeded = limits.filter((limit, i) => counts[i]! > limit.max);
    return { allowed: false, retryAfterMs: await retryAfter(exceeded, now, tx) };
  }, TRANSACTION);
}

/** Milliseconds until a full limit has room again, or 0 when none is full. */
export async function retryAfter(
  limits: Limit[],
  now = new Date(),
  db: Db = prisma,
): Promise<number> {
  let wait = 0;
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const hits = await db.rateLimitHit.findMany({
      where: { key: limit.key, at: { gt: since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: limit.max,
    });
    if (hits.length < limit.max) continue;
    const oldestCounted = hits[hits.length - 1]!.at.getTime();
    wait = Math.max(wait, oldestCounted + limit.windowMs - now.getTime());
  }
  return wait;
}

export async function forgetHits(ids: string[]): Promise<void> {
  await prisma.rateLimitHit.deleteMany({ where: { id: { in: ids } } });
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearFailures(key: string): Promise<void> {
  await prisma.rateLimitHit.deleteMany({ where: { key } });
}

/** Old rows are of no use; called now and then so the table stays small. */
export async function pruneRateLimitHits(olderThanMs = 60 * MINUTE): Promise<void> {
  await prisma.rateLimitHit.deleteMany({
    where: { at: { lt: new Date(Date.now() - olderThanMs) } },
  });
}

/**
 * Second-factor codes per account: a six-digit code has a million values, so five tries per
 * quarter hour make guessing one hopeless (about 1 in 10,000 a day).
 */
export function secondFactorLimits(userId: string): Limit[] {
  return [
    { scope: "account", key: `second-factor:account:${userId}`, max: 5, windowMs: 15 * MINUTE },
  ];
}

/** One metered request: whether it may go on, and what the RateLimit headers say about it. */
export type Metered = {
  allowed: boolean;
  max: number;
  windowMs: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Milliseconds until the window has room for one more (the oldest counted request ages out). */
  resetMs: number;
};

/**
 * Counts one request against a single limit, as countAttempt does (a row per request, the same
 * lock, so the count holds across server processes), and tells what is left: the read API's
 * RateLimit headers come from it. A refused request is not counted.
 */
export function countMetered(limit: Omit<Limit, "scope">, at?: Date): Promise<Metered> {
  return prisma.$transaction(async (tx) => {
    const now = at ?? new Date();
    if (isPostgres)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${limit.key}, 0))`;
    const id = randomUUID();
    await tx.rateLimitHit.create({ data: { id, key: limit.key, at: now } });
    const since = new Date(now.getTime() - limit.windowMs);
    const inWindow = { key: limit.key, at: { gt: since } };
    const count = await tx.rateLimitHit.count({ where: inWindow });
    const { max, windowMs } = limit;
    if (count > max) {
      await tx.rateLimitHit.delete({ where: { id } });
      const wait = await retryAfter([{ ...limit, scope: "client" }], now, tx);
      return { allowed: false, max, windowMs, remaining: 0, resetMs: wait };
    }
    const oldest = await tx.rateLimitHit.findFirst({
      where: inWindow,
      select: { at: true },
      orderBy: { at: "asc" },
    });
    const resetMs = (oldest?.at.getTime() ?? now.getTime()) + windowMs - now.getTime();
    return { allowed: true, max, windowMs, remaining: max - count, resetMs };
  }, TRANSACTION);
}
