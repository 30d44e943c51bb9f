// Runs the e-mail outbox's sender outside the web server: `--drain` sends everything due and
// exits when nothing is left (for a script that queued mail, or a test's second process);
// without it, it keeps sending like a server process does. Usage: tsx scripts/email-sender.ts
import { prisma } from "~/db.server";
import { deliverDue, startEmailSender } from "~/email/outbox-sender.server";

if (process.argv.includes("--drain")) {
  let total = 0;
  for (;;) {
    const report = await deliverDue();
    total += report.sent;
    const due = await prisma.outboundEmail.count({
      where: { status: "PENDING", nextAttemptAt: { lte: new Date() } },
    });
    if (due === 0) break;
  }
  console.log(`sent ${total}`);
  await prisma.$disconnect();
  process.exit(0);
} else {
  startEmailSender();
  setInterval(() => {}, 60_000); // the sender's timer does not keep the process alive
}
