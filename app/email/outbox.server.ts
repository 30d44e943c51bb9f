// The outbox: every e-mail is first a row of OutboundEmail, written with the database client
// the caller is using — inside `prisma.$transaction(async (tx) => …)` the transaction's — so the
// e-mail exists exactly when the action that causes it was saved. The sender
// (outbox-sender.server.ts) delivers it afterwards (docs/decisions/022-durable-email-outbox.md).
import { randomUUID } from "node:crypto";
import type { prisma } from "~/db.server";
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import { messageIdFor } from "./outbox-schedule";
import type { EmailMessage } from "./send.server";

/** The client or a transaction's client: whatever the action writes with. */
export type OutboxDb = Prisma.TransactionClient | typeof prisma;

/** What a message is, for the administrators' list (app/routes/admin.emails.tsx). */
export type EmailKind =
  | "invitation"
  | "password-reset"
  | "password-changed"
  | "submission-confirmation"
  | "submission-received"
  | "returned-for-revision"
  | "reminder"
  | "second-factor-reset";

/** Queues one message; returns its row id (give it to `deliverNow` once committed). */
export async function enqueueEmail(
  db: OutboxDb,
  kind: EmailKind,
  message: Omit<EmailMessage, "messageId">,
): Promise<string> {
  const id = randomUUID();
  await db.outboundEmail.create({
    data: {
      id,
      kind,
      recipients: [message.to].flat().join(", "),
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: messageIdFor(id, env.MAIL_FROM),
    },
  });
  return id;
}

/** A message composed before its action's transaction, queued inside it (`enqueueAll`). */
export type ComposedEmail = { kind: EmailKind } & Omit<EmailMessage, "messageId">;

/** One message per address (recipients never see each other's). */
export function toEach(
  kind: EmailKind,
  addresses: string[],
  message: { subject: string; html: string; text: string },
): ComposedEmail[] {
  return addresses.map((to) => ({ kind, to, ...message }));
}

/** Queues composed messages with the action's transaction; returns their ids for `deliverNow`. */
export async function enqueueAll(db: OutboxDb, emails: ComposedEmail[]): Promise<string[]> {
  const ids: string[] = [];
  for (const { kind, ...message } of emails) ids.push(await enqueueEmail(db, kind, message));
  return ids;
}
