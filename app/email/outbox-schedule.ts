// The outbox's rules, without a database: when a failed send is tried again, when it is given
// up, and what an interrupted send becomes (docs/decisions/022-durable-email-outbox.md).

/** Sends started before a message is given up as FAILED. */
export const MAX_ATTEMPTS = 8;
/** The longest wait between two attempts. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** The wait after the first failure, doubled after each later one (30 s, 1 min, 2 min …). */
export const FIRST_BACKOFF_MS = 30 * 1000;
/**
 * How long a claimed message belongs to its sender. Longer than any send can take (nodemailer
 * gives up on a silent connection after 10 minutes), so a lease that runs out means the sender
 * stopped.
 */
export const LEASE_MS = 15 * 60 * 1000;

export const INTERRUPTED_REASON =
  "The sender stopped while sending it; it may have been delivered. Retry sends it again.";

/** The wait after the `attempts`-th failed attempt (1 for the first). */
export function backoffMs(attempts: number, firstMs = FIRST_BACKOFF_MS): number {
  const doublings = Math.max(0, attempts - 1);
  return Math.min(MAX_BACKOFF_MS, firstMs * 2 ** Math.min(doublings, 30));
}

export type AfterFailure =
  | { status: "PENDING"; nextAttemptAt: Date; lastError: string }
  | { status: "FAILED"; lastError: string };

/** What a message becomes when its `attempts`-th send failed with `reason`. */
export function afterFailedSend(
  attempts: number,
  reason: string,
  now: Date,
  firstMs = FIRST_BACKOFF_MS,
): AfterFailure {
  if (attempts >= MAX_ATTEMPTS)
    return { status: "FAILED", lastError: `Gave up after ${attempts} attempts: ${reason}` };
  return {
    status: "PENDING",
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, firstMs)),
    lastError: reason,
  };
}

/** The fixed Message-ID of an outbox row: the same on every send, so a duplicate shows. */
export function messageIdFor(rowId: string, fromAddress: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(fromAddress)?.[1] ?? "msq.localhost";
  return `<outbox.${rowId}@${domain}>`;
}

/** An error as one line for the page, without a message body (nodemailer never puts one in). */
export function describeSendError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "Unknown error";
}
