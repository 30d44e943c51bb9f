import { prisma } from "~/db.server";
import { namesOf } from "~/models/response.server";
import { countryName, findMemberState } from "~/countries";
import type { Locale } from "~/i18n/locale";
import type {
  InvitationBatchStatus,
  InvitationRowClass,
  InvitationRowStatus,
} from "~/generated/prisma/enums";
import { logEvent } from "~/models/event.server";
import { pokeEmailSender, retryEmails } from "~/email/outbox-sender.server";
import { type ClassifiedRow, countClasses, type RowStatusName } from "./classify";

// The bulk invitations in the database: a batch is the file as read (every line, with what the
// preview found), then, once confirmed, where each line's sending is. Only NEW lines are sent:
// they are created PENDING, the others SKIPPED with their reason, so confirming has nothing to
// compute and a second confirmation nothing to do. A line once QUEUED is as far as its
// e-mail in the outbox: sent, still being tried (with the mail server's last answer), or failed.

/** The addresses, among these normalised ones, that already have a user. */
export async function existingEmails(emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunked: a file may hold 2,000 addresses, more than some drivers take in one IN list.
  for (let start = 0; start < emails.length; start += 500) {
    const users = await prisma.user.findMany({
      where: { email: { in: emails.slice(start, start + 500) } },
      select: { email: true },
    });
    for (const user of users) found.add(user.email);
  }
  return found;
}

/** Keeps the file as read, for its preview; nothing is sent until it is confirmed. */
export async function createBatch(input: {
  fileName: string;
  createdById: string;
  rows: ClassifiedRow[];
}): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const batch = await tx.invitationBatch.create({
      data: { fileName: input.fileName, createdById: input.createdById },
      select: { id: true },
    });
    await tx.invitationBatchRow.createMany({
      data: input.rows.map((row) => ({
        batchId: batch.id,
        line: row.line,
        country: row.country,
        countryCode: row.countryCode,
        address: row.address,
        email: row.email,
        name: row.name,
        language: row.languageCode ?? row.language,
        classification: row.classification,
        reason: row.reason,
        status: row.classification === "NEW" ? "PENDING" : "SKIPPED",
      })),
    });
    return batch.id;
  });
}

/** How the confirmed lines stand: `total` are the NEW lines, the only ones sent. */
export type Progress = {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  /** NEW at the preview, but someone had invited the address by the time it was its turn. */
  skipped: number;
};

const noProgress = (): Progress => ({
  total: 0,
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
});

type EmailState = {
  status: "PENDING" | "SENT" | "FAILED";
  lastError: string | null;
  sentAt: Date | null;
};

/** The outbox's state of these e-mails, by id. */
async function emailStates(ids: (string | null)[]): Promise<Map<string, EmailState>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await prisma.outboundEmail.findMany({
    where: { id: { in: wanted } },
    select: { id: true, status: true, lastError: true, sentAt: true },
  });
  return new Map(rows.map(({ id, ...state }) => [id, state]));
}

/** A line as the administrator sees it: a QUEUED line is where its e-mail is. */
export function shownState(
  row: { status: InvitationRowStatus; error: string | null; sentAt: Date | null },
  email: EmailState | undefined,
): { status: RowStatusName; error: string | null; sentAt: Date | null; retrying: boolean } {
  if (row.status !== "QUEUED") return { ...row, status: row.status, retrying: false };
  if (!email || email.status === "SENT")
    return { status: "SENT", error: null, sentAt: email?.sentAt ?? row.sentAt, retrying: false };
  if (email.status === "PENDING")
    return {
      status: "SENDING",
      error: email.lastError,
      sentAt: null,
      retrying: email.lastError !== null,
    };
  return { status: "FAILED", error: email.lastError, sentAt: null, retrying: false };
}

function addTo(progress: Progress, status: RowStatusName, count: number) {
  progress.total += count;
  const key = {
    PENDING: "pending",
    SENDING: "sending",
    SENT: "sent",
    FAILED: "failed",
    SKIPPED: "skipped",
  } as const;
  progress[key[status]] += count;
}

export const isUnfinished = (progress: Progress) => progress.pending + progress.sending > 0;

async function progressOf(batchIds: string[]): Promise<Map<string, Progress>> {
  const [groups, queued] = await Promise.all([
    prisma.invitationBatchRow.groupBy({
      by: ["batchId", "status"],
      where: { batchId: { in: batchIds }, classification: "NEW", status: { not: "QUEUED" } },
      _count: { _all: true },
    }),
    prisma.invitationBatchRow.findMany({
      where: { batchId: { in: batchIds }, classification: "NEW", status: "QUEUED" },
      select: { batchId: true, status: true, error: true, sentAt: true, emailId: true },
    }),
  ]);
  const byBatch = new Map(batchIds.map((id) => [id, noProgress()]));
  for (const group of groups)
    addTo(byBatch.get(group.batchId)!, group.status as RowStatusName, group._count._all);
  const emails = await emailStates(queued.map((row) => row.emailId));
  for (const row of queued)
    addTo(byBatch.get(row.batchId)!, shownState(row, emails.get(row.emailId ?? "")).status, 1);
  return byBatch;
}

export type RowView = {
  line: number;
  country: string;
  countryCode: string | null;
  countryName: string | null;
  address: string;
  name: string;
  language: string | null;
  classification: InvitationRowClass;
  reason: string | null;
  status: RowStatusName;
  error: string | null;
  /** Its e-mail is waiting for the mail server, which the outbox tries again (`error` says why). */
  retrying: boolean;
  sentAt: string | null;
};

export type BatchView = {
  id: string;
  fileName: string;
  status: InvitationBatchStatus;
  createdAt: string;
  confirmedAt: string | null;
  createdBy: string;
  classes: Record<InvitationRowClass, number>;
  progress: Progress;
  rows: RowView[];
};

/** A batch's own columns, as its page and the list show them. */
const batchFields = {
  id: true,
  fileName: true,
  status: true,
  createdAt: true,
  confirmedAt: true,
  createdById: true,
} as const;

/**
 * A batch with every line, as its page shows it (the countries named in `locale`); null when
 * there is none.
 */
export async function findBatch(id: string, locale: Locale): Promise<BatchView | null> {
  const batch = await prisma.invitationBatch.findUnique({
    where: { id },
    select: {
      ...batchFields,
      rows: {
        orderBy: { line: "asc" },
        select: {
          line: true,
          country: true,
          countryCode: true,
          address: true,
          name: true,
          language: true,
          classification: true,
          reason: true,
          status: true,
          error: true,
          sentAt: true,
          emailId: true,
        },
      },
    },
  });
  if (!batch) return null;
  const emails = await emailStates(batch.rows.map((row) => row.emailId));
  const rows = batch.rows.map(({ emailId, ...row }) => ({
    ...row,
    ...shownState(row, emails.get(emailId ?? "")),
  }));
  const progress = noProgress();
  for (const row of rows) if (row.classification === "NEW") addTo(progress, row.status, 1);
  const names = await namesOf([batch.createdById]);
  return {
    id: batch.id,
    fileName: batch.fileName,
    status: batch.status,
    createdAt: batch.createdAt.toISOString(),
    confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    createdBy: names[batch.createdById] ?? "",
    classes: countClasses(batch.rows),
    progress,
    rows: rows.map((row) => ({
      ...row,
      countryName:
        row.countryCode && findMemberState(row.countryCode)
          ? countryName(row.countryCode, locale)
          : null,
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}

export type BatchSummary = Omit<BatchView, "rows" | "classes"> & { lines: number; news: number };

/** The latest batches, newest first, with their counts. */
export async function listBatches(limit = 50): Promise<BatchSummary[]> {
  const batches = await prisma.invitationBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      ...batchFields,
      _count: { select: { rows: true } },
    },
  });
  const ids = batches.map((b) => b.id);
  const [progress, names] = await Promise.all([
    progressOf(ids),
    namesOf(batches.map((b) => b.createdById)),
  ]);
  return batches.map((batch) => {
    const counts = progress.get(batch.id) ?? noProgress();
    return {
      id: batch.id,
      fileName: batch.fileName,
      status: batch.status,
      createdAt: batch.createdAt.toISOString(),
      confirmedAt: batch.confirmedAt?.toISOString() ?? null,
      createdBy: names[batch.createdById] ?? "",
      progress: counts,
      lines: batch._count.rows,
      news: counts.total,
    };
  });
}

/**
 * Confirms the preview: its pending lines may now be sent. True only for the confirmation that
 * changed it (a second click, or a second tab, changes nothing).
 */
export async function confirmBatch(id: string, actorId: string): Promise<boolean> {
  const { count } = await prisma.invitationBatch.updateMany({
    where: { id, status: "PREVIEW" },
    data: { status: "CONFIRMED", confirmedAt: new Date() },
  });
  if (count === 0) return false;
  const lines = await prisma.invitationBatchRow.count({
    where: { batchId: id, status: "PENDING" },
  });
  await logEvent({ kind: "invitations.confirmed", actorId, data: { batchId: id, lines } });
  return true;
}

/**
 * Puts the failed lines of a confirmed batch back in the queue: a line that failed before its
 * e-mail existed is invited again; a queued line whose e-mail failed has that same e-mail (the
 * same link) tried again. How many.
 */
export async function retryFailed(id: string, actorId: string): Promise<number> {
  const { count: lines } = await prisma.invitationBatchRow.updateMany({
    where: { batchId: id, status: "FAILED", batch: { status: "CONFIRMED" } },
    data: { status: "PENDING", error: null },
  });
  const queued = await prisma.invitationBatchRow.findMany({
    where: { batchId: id, status: "QUEUED", emailId: { not: null } },
    select: { emailId: true },
  });
  const emails = await retryEmails(queued.map((row) => row.emailId!));
  if (emails > 0) void pokeEmailSender();
  const count = lines + emails;
  if (count > 0)
    await logEvent({ kind: "invitations.retried", actorId, data: { batchId: id, lines: count } });
  return count;
}
