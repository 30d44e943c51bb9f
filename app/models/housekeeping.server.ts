import { PENDING_INPUT_MAX_AGE_MS } from "~/auth/pending-input.server";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { discardStaleUploads } from "~/models/import-upload.server";

// Rows that are of no more use are deleted: expired sessions, old rate-limit hits, pending input
// past its day, dead one-time tokens, import uploads nobody confirmed within a day. Nothing else
// ever deletes most of them.
//
// Every run is a few idempotent DELETEs by age, with no state in memory: running it in every
// worker process of every server at once is safe (two runs delete the same rows once), so no
// leader, lock or cron is needed. Each worker runs it at start-up and then every hour.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Kept a day past expiry: input typed when a session had expired is kept only for a real
 * session, and the session layer keeps an expired row that long for it.
 */
export const SESSION_GRACE_MS = DAY;
/**
 * Far beyond the longest rate-limit window (15 minutes for sign-in): a hit older than a day
 * counts for nothing, and a limit with a longer window needs no change here up to a day.
 */
export const RATE_LIMIT_HIT_MAX_AGE_MS = DAY;
/**
 * A used link is kept 30 days: enough to answer "when was this reset link used?" when an account
 * is questioned, while the lasting record is the event log (password set, signed in). An unused
 * expired link is deleted at once: it works for nobody, and its page reads the same either way.
 */
export const USED_TOKEN_MAX_AGE_MS = 30 * DAY;

export type HousekeepingReport = {
  sessions: number;
  rateLimitHits: number;
  pendingInput: number;
  tokens: number;
  importUploads: number;
};

export async function runHousekeeping(now = new Date()): Promise<HousekeepingReport> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [sessions, rateLimitHits, pendingInput, tokens, importUploads] = await Promise.all([
    prisma.session.deleteMany({ where: { expiresAt: { lt: ago(SESSION_GRACE_MS) } } }),
    prisma.rateLimitHit.deleteMany({ where: { at: { lt: ago(RATE_LIMIT_HIT_MAX_AGE_MS) } } }),
    prisma.pendingInput.deleteMany({ where: { createdAt: { lt: ago(PENDING_INPUT_MAX_AGE_MS) } } }),
    prisma.oneTimeToken.deleteMany({
      where: {
        OR: [
          { usedAt: null, expiresAt: { lt: now } },
          { usedAt: { lt: ago(USED_TOKEN_MAX_AGE_MS) } },
        ],
      },
    }),
    discardStaleUploads(now),
  ]);
  return {
    sessions: sessions.count,
    rateLimitHits: rateLimitHits.count,
    pendingInput: pendingInput.count,
    tokens: tokens.count,
    importUploads,
  };
}

let started = false;

/**
 * Runs the housekeeping now and every hour in this process: in production, or wherever
 * HOUSEKEEPING=on (off for the end-to-end server, whose tests set up old rows on purpose).
 * The timer does not keep the process alive; a failed run is logged and tried again next hour.
 */
export function startHousekeeping(): void {
  const enabled = env.HOUSEKEEPING ? env.HOUSEKEEPING === "on" : env.NODE_ENV === "production";
  if (started || !enabled) return;
  started = true;
  const run = () =>
    runHousekeeping().then(
      (report) => {
        if (Object.values(report).some((count) => count > 0))
          console.log(`housekeeping: deleted ${JSON.stringify(report)}`);
      },
      (error: unknown) => console.error("housekeeping failed:", error),
    );
  void run();
  setInterval(run, HOUR).unref();
}
