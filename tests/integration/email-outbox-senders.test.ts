import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/email/outbox.server";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";

// Two sender processes on one outbox: each message is claimed by one of them and delivered
// exactly once, counted by Message-ID at the real SMTP server.

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.stop());

function drainInChild(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/email-sender.ts", "--drain"], {
      env: { ...process.env, SMTP_URL: `${smtp.url}?tls=none` },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

it(
  "two sender processes deliver each of 60 messages exactly once",
  { timeout: 60_000 },
  async () => {
    const tag = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++)
      ids.push(
        await enqueueEmail(prisma, "reminder", {
          to: `two.senders.${tag}.${i}@test.example.org`,
          subject: `Two senders ${i}`,
          html: "<p>x</p>",
          text: "x",
        }),
      );
    const [first, second] = await Promise.all([drainInChild(), drainInChild()]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);

    const rows = await prisma.outboundEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
    const counts = new Map<string, number>();
    for (const m of smtp.messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    for (const row of rows) expect(counts.get(row.messageId), row.messageId).toBe(1);
    // Both took part (the work was shared, not done by one while the other found nothing).
    const sentBy = [first, second].map((run) => Number(/sent (\d+)/.exec(run.output)?.[1]));
    expect(sentBy[0]! + sentBy[1]!).toBe(60);
  },
);
