import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { INTERRUPTED_REASON, MAX_ATTEMPTS } from "./outbox-schedule";
import { deliverDue, retryEmail } from "./outbox-sender.server";
import { enqueueEmail } from "./outbox.server";
import { configureMailTransport } from "./send.server";
import { startTestSmtpServer, type TestSmtpServer } from "../../tests/support/smtp";

// The outbox against the real database and a real SMTP server, stopped and started again on
// the same port as a mail server that goes down.

let smtp: TestSmtpServer;
const useSmtp = () => configureMailTransport({ smtpUrl: `${smtp.url}?pool=false&tls=none` });

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  useSmtp();
});
afterAll(async () => {
  configureMailTransport({});
  await smtp.stop();
});

let n = 0;
const tag = () => `${Date.now()}.${++n}`;
const message = (to: string) => ({
  to,
  subject: `Outbox ${to}`,
  html: "<p>link</p>",
  text: "link",
});
const row = (id: string) => prisma.outboundEmail.findUniqueOrThrow({ where: { id } });
const receivedBy = (messageId: string) => smtp.messages.filter((m) => m.messageId === messageId);

describe("the outbox", () => {
  it("keeps nothing of a transaction that rolls back", async () => {
    const to = `rollback.${tag()}@test.example.org`;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, "invitation", message(to));
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect(await prisma.outboundEmail.count({ where: { recipients: to } })).toBe(0);
  });

  it("delivers with its fixed Message-ID, then erases the bodies", async () => {
    const id = await enqueueEmail(
      prisma,
      "password-reset",
      message(`sent.${tag()}@test.example.org`),
    );
    await deliverDue([id]);
    const sent = await row(id);
    expect(sent.status).toBe("SENT");
    expect(sent.sentAt).not.toBeNull();
    expect(sent.html).toBeNull();
    expect(sent.text).toBeNull();
    expect(sent.subject).toMatch(/^Outbox /);
    expect(receivedBy(sent.messageId)).toHaveLength(1);
    expect(sent.messageId).toContain(id);
  });

  it("keeps a message while the mail server is down, and sends it once when it is back", async () => {
    const id = await enqueueEmail(prisma, "reminder", message(`down.${tag()}@test.example.org`));
    await smtp.stop();
    try {
      const before = Date.now();
      await deliverDue([id]);
      const waiting = await row(id);
      expect(waiting.status).toBe("PENDING");
      expect(waiting.attempts).toBe(1);
      expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(before);
      expect(waiting.leaseUntil).toBeNull();
      expect(waiting.html).not.toBeNull();
      // Not due yet: another pass leaves it alone.
      await deliverDue([id]);
      expect((await row(id)).attempts).toBe(1);
    } finally {
      await smtp.start();
    }
    await prisma.outboundEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await deliverDue([id]);
    await deliverDue([id]);
    const sent = await row(id);
    expect(sent.status).toBe("SENT");
    expect(sent.attempts).toBe(2);
    expect(receivedBy(sent.messageId)).toHaveLength(1);
  });

  it("marks a message whose sender stopped mid-send FAILED, and does not send it", async () => {
    const id = await enqueueEmail(prisma, "invitation", message(`died.${tag()}@test.example.org`));
    // A sender claimed it, then stopped: its lease ran out with nothing recorded.
    await prisma.outboundEmail.update({
      where: { id },
      data: { attempts: 1, leaseUntil: new Date(Date.now() - 1000), leasedBy: "gone:1:dead" },
    });
    await deliverDue();
    const failed = await row(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toBe(INTERRUPTED_REASON);
    expect(receivedBy(failed.messageId)).toHaveLength(0);

    // Retry: an administrator's decision; it goes out, with the same Message-ID.
    expect(await retryEmail(id)).toBe(true);
    expect(await retryEmail(id)).toBe(false); // no longer FAILED
    await deliverDue([id]);
    expect((await row(id)).status).toBe("SENT");
    expect(receivedBy(failed.messageId)).toHaveLength(1);
  });

  it("gives up after the last attempt, with the reason", async () => {
    const id = await enqueueEmail(prisma, "reminder", message(`gaveup.${tag()}@test.example.org`));
    await prisma.outboundEmail.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    configureMailTransport({ smtpUrl: "smtp://127.0.0.1:9?pool=false&tls=none" }); // nothing listens
    try {
      await deliverDue([id]);
    } finally {
      useSmtp();
    }
    const failed = await row(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(failed.lastError).toMatch(/Gave up after 8 attempts: .*(ECONNREFUSED|connect)/i);
  });
});
