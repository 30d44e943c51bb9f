import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Copy } from "~/i18n/copy";
import { defaultLocale, isLocale } from "~/i18n/locale";
import { currentRoundNow } from "~/models/round.server";
import { AccountError, inviteUser } from "~/models/user.server";

// Invites a confirmed batch's pending lines, one at a time, in the server process after the
// confirmation has been answered. Each line is claimed before it is invited, with a conditional
// update (PENDING → SENDING): two senders, in this process or in two worker processes, cannot
// both invite one line. The account, its link, the invitation e-mail (in the outbox) and the
// line's new state (QUEUED, with the e-mail's id) are one transaction: there is an e-mail for
// the line exactly when the line says so, and the outbox delivers it once, with retries
// (docs/decisions/022-durable-email-outbox.md). So a sender that stopped mid-line committed
// nothing: a claim older than CLAIM_LEASE_MS goes back to PENDING and is invited again, never
// twice. Nothing restarts on its own after a restart: opening the batch's page (or the list of
// batches) starts this process's sender again when lines are waiting (startSending).

export const CLAIM_LEASE_MS = 2 * 60_000;

/** `queued`: in the outbox, not yet accepted by the mail server (it retries). */
export type SendSummary = { sent: number; queued: number; failed: number; skipped: number };

type Claimed = {
  id: string;
  language: string | null;
  email: string | null;
  countryCode: string | null;
  name: string;
  attempts: number;
};

/** The failure as the page shows it: the mail server's own words, shortened. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Claims with the lease expired: their sender stopped before committing, so nothing went out. */
async function releaseStaleClaims(batchId: string, now: Date) {
  await prisma.invitationBatchRow.updateMany({
    where: {
      batchId,
      status: "SENDING",
      claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) },
    },
    data: { status: "PENDING", claimedAt: null },
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
  data: { status: "FAILED" | "SKIPPED"; error?: string; userId?: string },
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
};

/** Lost its claim (released as stale meanwhile): undoes the line's transaction. */
class ClaimLost extends Error {}

type Outcome = "sent" | "queued" | "failed" | "skipped";

async function sendRow(row: Claimed, context: Context): Promise<Outcome> {
  if (!row.email || !row.countryCode) {
    await finish(row.id, { status: "SKIPPED" }); // not NEW
    return "skipped";
  }
  // Someone invited the address after the preview (another batch, the invite page): their
  // invitation stands. A retry (attempts > 1) is this batch's own user, invited again on purpose.
  if (row.attempts === 0) {
    const existing = await prisma.user.findUnique({
      where: { email: row.email },
      select: { id: true },
    });
    if (existing) {
      await finish(row.id, {
        status: "SKIPPED",
        error: context.copy.invitations.sendErrors.invitedMeanwhile,
        userId: existing.id,
      });
      return "skipped";
    }
  }
  try {
    const invitation = await inviteUser({
      email: row.email,
      role: "FOCAL_POINT",
      countries: [row.countryCode],
      invitedById: context.invitedById,
      name: row.name,
      locale: isLocale(row.language) ? row.language : null,
      invitationEmail: { inviterName: context.inviterName, round: context.round },
      alsoInTransaction: async (tx, { userId, emailId }) => {
        const { count } = await tx.invitationBatchRow.updateMany({
          where: { id: row.id, status: "SENDING" },
          data: { status: "QUEUED", userId, emailId, error: null, claimedAt: null },
        });
        if (count === 0) throw new ClaimLost();
      },
    });
    // inviteUser has handed the e-mail to the mail server once committed; did it take it?
    const email = await prisma.outboundEmail.findUnique({
      where: { id: invitation.emailId! },
      select: { status: true },
    });
    return email?.status === "SENT" ? "sent" : "queued";
  } catch (error) {
    if (error instanceof ClaimLost) return "skipped"; // another sender has the line now
    // "Already has an account": they set a password since; nothing to send.
    if (error instanceof AccountError) {
      await finish(row.id, { status: "SKIPPED", error: context.copy.admin.hasAccount });
      return "skipped";
    }
    await finish(row.id, { status: "FAILED", error: reasonOf(error) });
    return "failed";
  }
}

/**
 * Invites the batch's pending lines until none is left, and says what it did. Safe to run twice
 * at once, here or in another process: each line is invited by whichever sender claims it.
 */
export async function sendPendingRows(
  batchId: string,
  options: { now?: () => Date } = {},
): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, queued: 0, failed: 0, skipped: 0 };
  const batch = await prisma.invitationBatch.findUnique({
    where: { id: batchId },
    select: { status: true, createdById: true },
  });
  if (batch?.status !== "CONFIRMED") return summary;
  const inviter = await prisma.user.findUnique({
    where: { id: batch.createdById },
    select: { name: true, email: true, locale: true },
  });
  const round = await currentRoundNow();
  const copy = copyFor(isLocale(inviter?.locale) ? inviter.locale : defaultLocale);
  const context: Context = {
    copy,
    invitedById: batch.createdById,
    inviterName: inviter?.name ?? inviter?.email ?? copy.footer.owner,
    round: { name: round.name, deadline: round.deadline },
  };
  await releaseStaleClaims(batchId, options.now?.() ?? new Date());
  for (let row = await claimNext(batchId); row; row = await claimNext(batchId)) {
    summary[await sendRow(row, context)]++;
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
