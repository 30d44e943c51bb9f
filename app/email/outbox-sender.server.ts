// Delivers the outbox's messages. Every server process runs a sender (entry.server.tsx), and an
// action pokes it (`deliverNow`) once its transaction has committed, so mail goes out at once
// when the mail server is up and later, with backoff, when it is not.
//
// One sender per message, across processes and machines: a message is claimed with a
// conditional update (PENDING, no lease, due → leased by me); only the sender whose update
// counted one row sends it. At most once: a lease that ran out with no result recorded means the
// sender stopped mid-send, perhaps after the server took the message, so it is marked FAILED for
// an administrator to retry, never sent again on its own. A send error (refused, 4xx/5xx) is
// known not to have delivered, and is retried.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import {
  afterFailedSend,
  describeSendError,
  INTERRUPTED_REASON,
  LEASE_MS,
} from "./outbox-schedule";
import { sendEmail } from "./send.server";

/** Who holds a lease: this process, recognisably (host and pid), uniquely (random). */
const SENDER_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
/** Messages claimed per pass, and sent at once (the SMTP pool has 5 connections). */
const BATCH = 10;

export type DeliveryReport = {
  sent: number;
  retrying: number;
  failed: number;
  interrupted: number;
};

/** The wait after a first failure: EMAIL_RETRY_SECONDS (30 s by default; 1 s for e2e). */
const firstBackoffMs = () => env.EMAIL_RETRY_SECONDS * 1000;

/** Leases that ran out with the message still unrecorded: FAILED, as the rule says. */
async function failInterrupted(now: Date): Promise<number> {
  const { count } = await prisma.outboundEmail.updateMany({
    where: { status: "PENDING", leaseUntil: { lt: now } },
    data: { status: "FAILED", lastError: INTERRUPTED_REASON, leaseUntil: null },
  });
  return count;
}

async function claim(id: string, now: Date): Promise<boolean> {
  const { count } = await prisma.outboundEmail.updateMany({
    where: { id, status: "PENDING", leaseUntil: null, nextAttemptAt: { lte: now } },
    data: {
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      leasedBy: SENDER_ID,
      attempts: { increment: 1 },
    },
  });
  return count === 1;
}

type Outcome = "sent" | "retrying" | "failed";

async function sendClaimed(id: string): Promise<Outcome> {
  const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id } });
  try {
    await sendEmail({
      to: row.recipients.split(", "),
      subject: row.subject,
      html: row.html ?? "",
      text: row.text ?? "",
      messageId: row.messageId,
    });
  } catch (error) {
    const next = afterFailedSend(
      row.attempts,
      describeSendError(error),
      new Date(),
      firstBackoffMs(),
    );
    await prisma.outboundEmail.updateMany({
      where: { id, leasedBy: SENDER_ID },
      data: { ...next, leaseUntil: null, leasedBy: null },
    });
    return next.status === "FAILED" ? "failed" : "retrying";
  }
  // Delivered: the bodies (one-time links) are of no more use to anyone, so they go.
  // Recorded even if the lease ran out meanwhile (then it was marked FAILED): it was sent.
  await prisma.outboundEmail.updateMany({
    where: { id, leasedBy: SENDER_ID },
    data: {
      status: "SENT",
      sentAt: new Date(),
      html: null,
      text: null,
      lastError: null,
      leaseUntil: null,
      leasedBy: null,
    },
  });
  return "sent";
}

/**
 * One pass over what is due (only `ids`, when given): fails interrupted sends, then claims and
 * sends until nothing due is left. Safe to run in any number of processes at once.
 */
export async function deliverDue(ids?: string[]): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, interrupted: 0 };
  report.interrupted = await failInterrupted(new Date());
  const tried = new Set<string>();
  for (;;) {
    const now = new Date();
    const due = await prisma.outboundEmail.findMany({
      where: {
        status: "PENDING",
        leaseUntil: null,
        nextAttemptAt: { lte: now },
        ...(ids ? { id: { in: ids } } : {}),
      },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: BATCH,
    });
    // A message that failed in this pass waits for its next attempt, not the next loop.
    const fresh = due.map((d) => d.id).filter((id) => !tried.has(id));
    if (fresh.length === 0) return report;
    const outcomes = await Promise.all(
      fresh.map(async (id) => {
        tried.add(id);
        return (await claim(id, now)) ? sendClaimed(id) : null;
      }),
    );
    for (const outcome of outcomes) if (outcome) report[outcome]++;
  }
}

/**
 * Sends the given messages now, once their transaction has committed (the poke after an
 * enqueue). Never rejects: a message not sent stays in the outbox for the next attempt.
 */
export async function deliverNow(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await deliverDue(ids).then(logReport, logFailure);
}

function logReport(report: DeliveryReport) {
  if (report.retrying + report.failed + report.interrupted > 0)
    console.error(`e-mail outbox: ${JSON.stringify(report)}`);
}

function logFailure(error: unknown) {
  console.error("e-mail outbox: the sender failed:", error);
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | undefined;

/** One pass at a time per process from the timer; a pass still running is not doubled. */
export function pokeEmailSender(): Promise<void> {
  running ??= deliverDue()
    .then(logReport, logFailure)
    .finally(() => (running = undefined));
  return running;
}

/**
 * Starts this process's sender: a pass now and then every EMAIL_RETRY_SECONDS (30 s at most),
 * so retries are never much later than their time. The timer keeps no process alive.
 */
export function startEmailSender(): void {
  if (timer) return;
  const everyMs = Math.min(firstBackoffMs(), 30_000);
  void pokeEmailSender();
  timer = setInterval(() => void pokeEmailSender(), everyMs);
  timer.unref();
}

export function stopEmailSender(): void {
  clearInterval(timer);
  timer = undefined;
}

/** Puts FAILED messages back in the queue, due now with a fresh count (the Retry buttons). */
export async function retryEmails(ids: string[]): Promise<number> {
  const { count } = await prisma.outboundEmail.updateMany({
    where: { id: { in: ids }, status: "FAILED" },
    data: {
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      leaseUntil: null,
      leasedBy: null,
    },
  });
  return count;
}

export async function retryEmail(id: string): Promise<boolean> {
  return (await retryEmails([id])) === 1;
}
