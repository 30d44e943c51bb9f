import { prisma } from "~/db.server";

// Sign-in attempts are limited per account and per client address. Failures are rows in the
// database (so every server process sees them and a restart does not reset them); a key is
// locked while it has `max` failures within the window, until the oldest of them ages out.

export type Limit = { key: string; max: number; windowMs: number };

const MINUTE = 60_000;

export function signInLimits(email: string, clientAddress: string): Limit[] {
  return [
    { key: `sign-in:account:${email.toLowerCase()}`, max: 5, windowMs: 15 * MINUTE },
    { key: `sign-in:address:${clientAddress}`, max: 20, windowMs: 15 * MINUTE },
  ];
}

/** Milliseconds until the caller may try again, or 0 when no limit is reached. */
export async function retryAfter(limits: Limit[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const hits = await prisma.rateLimitHit.findMany({
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

export async function recordFailure(limits: Limit[]): Promise<void> {
  await prisma.rateLimitHit.createMany({ data: limits.map((limit) => ({ key: limit.key })) });
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
