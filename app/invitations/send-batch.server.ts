import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Copy } from "~/i18n/copy";
import { defaultLocale, isLocale } from "~/i18n/locale";
import { sendInvitationNow } from "~/models/account-emails.server";
import { currentRound } from "~/models/round.server";
import { AccountError, inviteUser } from "~/models/user.server";

// Sends a confirmed batch's pending lines, one at a time, in the server process after the
// confirmation has been answered. Each line is claimed before it is sent, with a conditional
// update (PENDING → SENDING): two senders, in this process or in two worker processes, cannot
// both send one line, and a line once SENT is never sent again. Its outcome is written as soon
// as it is known, so a stopped server loses nothing but the line in flight: a claim older than
// CLAIM_LEASE_MS (far longer than one e-mail may take) belongs to a sender that stopped, and the
// line is marked FAILED for the administrator to retry, rather than sent twice.
// Nothing restarts on its own after a restart: opening the batch's page (or the list of batches)
// starts this process's sender again when lines are waiting (startSending).

export const SEND_TIMEOUT_MS = 30_000;
export const CLAIM_LEASE_MS = 2 * 60_000;

export type SendSummary = { sent: number; failed: number; skipped: number };

type Claimed = {
  id: string;
  language: string | null;
  email: string | null;
  countryCode: string | null;
  name: string;
  attempts: number;
};

/** What the batch's page says of a line, in the language of the administrator who sent it. */
type SendErrors = Copy["invitations"]["sendErrors"];

function withTimeout<T>(work: Promise<T>, ms: number, copy: SendErrors): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(copy.timedOut({ seconds: Math.round(ms / 1000) }))),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The failure as the page shows it: the mail server's own words, shortened. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Claims with the lease expired: their sender stopped, maybe after the e-mail went out. */
async function releaseStaleClaims(batchId: string, now: Date, copy: SendErrors) {
  await prisma.invitationBatchRow.updateMany({
    where: {
      batchId,
      status: "SENDING",
      claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) },
    },
    data: { status: "FAILED", error: copy.interrupted, claimedAt: null },
  });
}

/** The next pending line, claimed by this sender; null when none is left. */
async function claimNext(batchId: string): Promise<Claimed | null> {
  for (;;) {
    const next = await prisma.invitationBatchRow.findFirst({
      where: { batchId, status: "PENDING" },
      orderBy: { line: "asc" },
      select: {
        id: true,
        language: true,
        email: true,
        countryCode: true,
        name: true,
        attempts: true,
      },
    });
    if (!next) return null;
    const { count } = await prisma.invitationBatchRow.updateMany({
      where: { id: next.id, status: "PENDING" },
      data: { status: "SENDING", claimedAt: new Date(), attempts: { increment: 1 } },
    });
    if (count === 1) return next; // else another sender claimed it first: take the next one
  }
}

/** Records a claimed line's outcome, unless its claim was released meanwhile. */
async function finish(
  id: string,
  data: { status: "SENT" | "FAILED" | "SKIPPED"; error?: string; sentAt?: Date; userId?: string },
) {
  await prisma.invitationBatchRow.updateMany({
    where: { id, status: "SENDING" },
    data: { error: null, ...data, claimedAt: null },
  });
  return data.status;
}

type Context = {
  copy: Copy;
  invitedById: string;
  inviterName: string;
  round: { name: string; deadline: Date | null };
  timeoutMs: number;
};

async function sendRow(row: Claimed, context: Context) {
  if (!row.email || !row.countryCode) return finish(row.id, { status: "SKIPPED" }); // not NEW
  // Someone invited the address after the preview (another batch, the invite page): their
  // invitation stands. A retry (attempts > 0) is this batch's own user, invited again on purpose.
  if (row.attempts === 0) {
    const existing = await prisma.user.findUnique({
      where: { email: row.email },
      select: { id: true },
    });
    if (existing)
      return finish(row.id, {
        status: "SKIPPED",
        error: context.copy.invitations.sendErrors.invitedMeanwhile,
        userId: existing.id,
      });
  }
  try {
    const invitation = await inviteUser({
      email: row.email,
      role: "FOCAL_POINT",
      countries: [row.countryCode],
      invitedById: context.invitedById,
      name: row.name,
      locale: isLocale(row.language) ? row.language : null,
    });
    await prisma.invitationBatchRow.updateMany({
      where: { id: row.id, status: "SENDING" },
      data: { userId: invitation.userId },
    });
    await withTimeout(
      sendInvitationNow({
        ...invitation,
        role: "FOCAL_POINT",
        inviterName: context.inviterName,
        round: context.round,
      }),
      context.timeoutMs,
      context.copy.invitations.sendErrors,
    );
    return finish(row.id, { status: "SENT", sentAt: new Date() });
  } catch (error) {
    // "Already has an account": they set a password since; nothing to send.
    if (error instanceof AccountError)
      return finish(row.id, { status: "SKIPPED", error: context.copy.admin.hasAccount });
    return finish(row.id, { status: "FAILED", error: reasonOf(error) });
  }
}

/**
 * Sends the batch's pending lines until none is left, and says what it did. Safe to run twice
 * at once, here or in another process: each line is sent by whichever sender claims it.
 */
export async function sendPendingRows(
  batchId: string,
  options: { timeoutMs?: number; now?: () => Date } = {},
): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0, skipped: 0 };
  const batch = await prisma.invitationBatch.findUnique({
    where: { id: batchId },
    select: { status: true, createdById: true },
  });
  if (batch?.status !== "CONFIRMED") return summary;
  const inviter = await prisma.user.findUnique({
    where: { id: batch.createdById },
    select: { name: true, email: true, locale: true },
  });
  const round = await currentRound();
  const copy = copyFor(isLocale(inviter?.locale) ? inviter.locale : defaultLocale);
  const context: Context = {
    copy,
    invitedById: batch.createdById,
    inviterName: inviter?.name ?? inviter?.email ?? copy.footer.owner,
    round: { name: round.name, deadline: round.deadline },
    timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
  };
  await releaseStaleClaims(batchId, options.now?.() ?? new Date(), copy.invitations.sendErrors);
  for (let row = await claimNext(batchId); row; row = await claimNext(batchId)) {
    const status = await sendRow(row, context);
    summary[status === "SENT" ? "sent" : status === "FAILED" ? "failed" : "skipped"]++;
  }
  return summary;
}

/** This process's senders, by batch; `again` asks a running one to look once more. */
const running = new Map<string, { again: boolean; done: Promise<void> }>();

export const isSending = (batchId: string) => running.has(batchId);

/**
 * Starts this process's sender for the batch, after the current response (`defer`), unless one
 * runs here already: that one then looks for pending lines once more before it stops, so lines
 * queued while it finished (a retry) are not left waiting. Resolves when the sender stops.
 */
export function startSending(
  batchId: string,
  defer: (start: () => void) => void = setImmediate,
): Promise<void> {
  const current = running.get(batchId);
  if (current) {
    current.again = true;
    return current.done;
  }
  const state = { again: false, done: Promise.resolve() };
  state.done = new Promise<void>((resolve) => defer(resolve)).then(async () => {
    try {
      do {
        state.again = false;
        await sendPendingRows(batchId);
      } while (state.again);
    } catch (error) {
      // The lines keep their state: opening the page starts a sender again.
      console.error(`Bulk invitation ${batchId}: the sender stopped: ${reasonOf(error)}`);
    } finally {
      running.delete(batchId);
    }
  });
  running.set(batchId, state);
  return state.done;
}
