import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { configureMailTransport } from "~/email/send.server";
import { deliverDue, pokeEmailSender } from "~/email/outbox-sender.server";
import {
  confirmBatch,
  createBatch,
  existingEmails,
  findBatch,
  retryFailed,
} from "~/invitations/batches.server";
import { candidateEmails, classifyRows } from "~/invitations/classify";
import { readInvitationCsv } from "~/invitations/csv-rows";
import { CLAIM_LEASE_MS, sendPendingRows, startSending } from "~/invitations/send-batch.server";
import { firstLink, startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { copyFor } from "~/i18n/catalogues.server";

const english = { copy: copyFor("en"), locale: "en" as const };

// Sending a bulk invitation against the real database and a real SMTP server: every e-mail
// counted as the server received it. Sending twice, confirming twice, uploading the same file
// again, or two senders at once send each invitation once; a mail server that is down leaves the
// line's e-mail in the outbox with its reason, and it is sent once when the server is back. Countries no other test uses: Antigua and Barbuda,
// Dominica, Grenada.

let smtp: TestSmtpServer;
const plain = () => `${smtp.url}?pool=false&tls=none`;
let adminId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  configureMailTransport({ smtpUrl: plain() });
  const admin = await prisma.user.create({
    data: { email: `bulk.admin.${tag()}@test.example.org`, name: "Ada Bulk", role: "ADMIN" },
    select: { id: true },
  });
  adminId = admin.id;
});

afterAll(async () => {
  configureMailTransport({});
  await smtp.stop();
  await prisma.$disconnect();
});

function tag() {
  return randomBytes(4).toString("hex");
}
const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

/** Uploads a CSV as the page does: read, checked against the users, kept as a batch. */
async function upload(csv: string) {
  const reading = readInvitationCsv(csv, english);
  if (!reading.ok) throw new Error(reading.error);
  const existing = await existingEmails(candidateEmails(reading.rows));
  return createBatch({
    fileName: "focal-points.csv",
    createdById: adminId,
    rows: classifyRows(reading.rows, existing, english.copy.invitations.reasons),
  });
}

function csvOf(emails: string[], country = "ATG") {
  return ["country,email,name,language", ...emails.map((e, i) => `${country},${e},Person ${i},en`)]
    .join("\r\n")
    .concat("\r\n");
}
const addresses = (n: number) =>
  Array.from({ length: n }, (_, i) => `focal.${i}.${tag()}@test.example.org`);

/** The lines' statuses as the batch's page shows them (a queued line: its e-mail's). */
const statuses = async (batchId: string) =>
  (await findBatch(batchId, "en"))!.rows.map((r) => r.status);
const none = { sent: 0, queued: 0, failed: 0, skipped: 0 };
/** The outbox's retry is due now, as if its backoff had passed. */
const retryDueNow = (batchId: string) =>
  prisma.invitationBatchRow
    .findMany({ where: { batchId }, select: { emailId: true } })
    .then((rows) =>
      prisma.outboundEmail.updateMany({
        where: { id: { in: rows.map((r) => r.emailId!).filter(Boolean) } },
        data: { nextAttemptAt: new Date() },
      }),
    );

describe("sending a bulk invitation", () => {
  it("sends each new line once, naming the round; a second run, confirmation or upload sends nothing", async () => {
    const emails = addresses(3);
    const csv = [
      "Country,Email,Name",
      `ATG,${emails[0]},First`,
      `Dominica,${emails[1]},Second`,
      `grd,${emails[2]!.toUpperCase()},Third`,
      `GRD,${emails[2]},Again`,
      `Atlantis,nobody.${tag()}@test.example.org,Lost`,
    ].join("\n");
    const batchId = await upload(csv);
    // Nothing goes out before the confirmation, even if a sender runs.
    expect(await sendPendingRows(batchId)).toEqual(none);
    expect(await confirmBatch(batchId, adminId)).toBe(true);
    expect(await confirmBatch(batchId, adminId)).toBe(false);

    expect(await sendPendingRows(batchId)).toEqual({ ...none, sent: 3 });
    expect(await statuses(batchId)).toEqual(["SENT", "SENT", "SENT", "SKIPPED", "SKIPPED"]);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    const round = await prisma.round.findFirstOrThrow({ orderBy: { id: "desc" } });
    const mail = mailsTo(emails[1]!)[0]!;
    expect(mail.text).toContain("invited you");
    expect(mail.text).toContain("Country: Dominica");
    expect(mail.text).toContain(`Round: ${round.name}`);
    expect(mail.text).toContain("Deadline:");
    expect(firstLink(mail, "/invitation/")).toMatch(/\/invitation\/\S+$/);

    const users = await prisma.user.findMany({
      where: { email: { in: emails } },
      select: { email: true, name: true, role: true, countries: { select: { countryCode: true } } },
      orderBy: { email: "asc" },
    });
    // The CSV's name is kept: the invitation page offers it to the invitee.
    expect(users.map((u) => u.name).sort()).toEqual(["First", "Second", "Third"]);
    expect(users.map((u) => [u.role, u.countries.map((c) => c.countryCode)])).toEqual(
      expect.arrayContaining([
        ["FOCAL_POINT", ["ATG"]],
        ["FOCAL_POINT", ["DMA"]],
        ["FOCAL_POINT", ["GRD"]],
      ]),
    );
    const view = await findBatch(batchId, "en");
    expect(view?.rows.map((r) => r.countryName)).toEqual([
      "Antigua and Barbuda",
      "Dominica",
      "Grenada",
      "Grenada",
      null,
    ]);
    // The preview names the countries in the administrator's language.
    const arabic = await findBatch(batchId, "ar");
    expect(arabic?.rows.map((r) => r.countryName)).toEqual([
      "أنتيغوا وبربودا",
      "دومينيكا",
      "غرينادا",
      "غرينادا",
      null,
    ]);
    expect(view?.progress).toEqual({
      total: 3,
      pending: 0,
      sending: 0,
      sent: 3,
      failed: 0,
      skipped: 0,
    });

    // Run again, confirm again: nothing is sent twice.
    expect(await sendPendingRows(batchId)).toEqual(none);
    await confirmBatch(batchId, adminId);
    await startSending(batchId);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);

    // The same file again: every line already invited (or still not a country), none sent.
    const again = await upload(csv);
    const classes = (await findBatch(again, "en"))!.rows.map((r) => r.classification);
    expect(classes).toEqual([
      "ALREADY_INVITED",
      "ALREADY_INVITED",
      "ALREADY_INVITED",
      "DUPLICATE",
      "UNKNOWN_COUNTRY",
    ]);
    await confirmBatch(again, adminId);
    expect(await sendPendingRows(again)).toEqual(none);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: { in: emails } } })).toBe(3);
  });

  it("sends each line in its language: Russian for ru, Arabic (right to left) for AR, else English", async () => {
    const [russian, arabic, unsaid] = addresses(3);
    const csv = [
      "Country,Email,Name,Language",
      `ATG,${russian},Ivan,ru`,
      `ATG,${arabic},Amal,AR`,
      `ATG,${unsaid},Ann,`,
    ].join("\n");
    const batchId = await upload(csv);
    await confirmBatch(batchId, adminId);
    expect(await sendPendingRows(batchId)).toEqual({ ...none, sent: 3 });
    const round = await prisma.round.findFirstOrThrow({ orderBy: { id: "desc" } });

    for (const [address, locale] of [
      [russian, "ru"],
      [arabic, "ar"],
      [unsaid, "en"],
    ] as const) {
      const copy = copyFor(locale);
      const t = copy.email.invitation;
      const [mail] = mailsTo(address!);
      expect(mail?.subject).toBe(t.subject);
      expect(mail?.text).toContain(t.intro({ inviter: "Ada Bulk", email: address! }));
      // The country named in the invitation's language.
      const name = { ru: "Антигуа и Барбуда", ar: "أنتيغوا وبربودا", en: "Antigua and Barbuda" }[
        locale
      ];
      expect(mail?.text).toContain(t.countries({ count: 1, names: name }));
      expect(mail?.text).toContain(t.round({ round: round.name }));
      expect(mail?.text).toContain(copy.roles.FOCAL_POINT);
      expect(mail?.html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"`));
      expect(mail?.html).toMatch(
        new RegExp(`<html[^>]*\\bdir="${locale === "ar" ? "rtl" : "ltr"}"`),
      );
    }
    // The Russian one has no English sentence left.
    const russianText = mailsTo(russian!)[0]!.text;
    expect(russianText).toMatch(/Приглашение на портал MSQ/);
    for (const english of ["You are invited", "invited you", "Round:", "Deadline:", "expires in"])
      expect(russianText).not.toContain(english);
  });

  it("two senders at once on one batch send each line once", async () => {
    const emails = addresses(12);
    const batchId = await upload(csvOf(emails, "DMA"));
    await confirmBatch(batchId, adminId);
    const [a, b] = await Promise.all([sendPendingRows(batchId), sendPendingRows(batchId)]);
    // Both sent some (they ran side by side), and together each line once.
    expect(a.sent > 0 && b.sent > 0).toBe(true);
    expect(a.sent + b.sent).toBe(12);
    expect(a.failed + b.failed + a.skipped + b.skipped).toBe(0);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect(new Set(await statuses(batchId))).toEqual(new Set(["SENT"]));
    const rows = await prisma.invitationBatchRow.findMany({
      where: { batchId },
      select: { attempts: true, userId: true, emailId: true, status: true },
    });
    expect(
      rows.every((r) => r.attempts === 1 && r.userId && r.emailId && r.status === "QUEUED"),
    ).toBe(true);
    expect((await findBatch(batchId, "en"))!.rows.every((r) => r.sentAt)).toBe(true);
  });

  it("one sender per batch in this process: a second start joins it", async () => {
    const emails = addresses(4);
    const batchId = await upload(csvOf(emails, "GRD"));
    await confirmBatch(batchId, adminId);
    const first = startSending(batchId);
    const second = startSending(batchId);
    expect(second).toBe(first);
    await first;
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
  });

  it("keeps the lines' e-mails in the outbox while the mail server is down; each goes out once when it is back", async () => {
    const emails = addresses(2);
    const batchId = await upload(csvOf(emails));
    await confirmBatch(batchId, adminId);
    configureMailTransport({ smtpUrl: "smtp://127.0.0.1:9?pool=false&tls=none" }); // nothing listens
    try {
      expect(await sendPendingRows(batchId)).toEqual({ ...none, queued: 2 });
    } finally {
      configureMailTransport({ smtpUrl: plain() });
    }
    // The accounts and their e-mails are saved; the page says they are still being sent, and why.
    const view = (await findBatch(batchId, "en"))!;
    expect(view.rows.map((r) => r.status)).toEqual(["SENDING", "SENDING"]);
    expect(view.rows[0]!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(view.progress).toMatchObject({ sending: 2, sent: 0 });
    for (const email of emails) expect(mailsTo(email)).toHaveLength(0);

    await retryDueNow(batchId);
    expect(await deliverDue()).toMatchObject({ sent: 2 });
    expect(await deliverDue()).toMatchObject({ sent: 0 });
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect(await statuses(batchId)).toEqual(["SENT", "SENT"]);
    expect(await retryFailed(batchId, adminId)).toBe(0);
  });

  it("a line whose e-mail failed for good is retried with the same e-mail and link", async () => {
    const [email] = addresses(1);
    const batchId = await upload(csvOf([email!]));
    await confirmBatch(batchId, adminId);
    configureMailTransport({ smtpUrl: "smtp://127.0.0.1:9?pool=false&tls=none" });
    try {
      expect(await sendPendingRows(batchId)).toEqual({ ...none, queued: 1 });
    } finally {
      configureMailTransport({ smtpUrl: plain() });
    }
    const [row] = await prisma.invitationBatchRow.findMany({ where: { batchId } });
    // As the sender leaves it after its last attempt.
    await prisma.outboundEmail.update({
      where: { id: row!.emailId! },
      data: { status: "FAILED", lastError: "550 mailbox unavailable" },
    });
    const failedView = (await findBatch(batchId, "en"))!;
    expect(failedView.rows[0]).toMatchObject({
      status: "FAILED",
      error: "550 mailbox unavailable",
    });
    expect(await retryFailed(batchId, adminId)).toBe(1);
    await pokeEmailSender(); // the pass the retry started
    await deliverDue();
    expect(mailsTo(email!)).toHaveLength(1);
    const users = await prisma.user.count({ where: { email } });
    expect(users).toBe(1);
    // The one link issued with the account, not a second invitation.
    const tokens = await prisma.oneTimeToken.count({ where: { user: { email } } });
    expect(tokens).toBe(1);
    expect(await statuses(batchId)).toEqual(["SENT"]);
  });

  it("invites again a line whose sender stopped before committing, once", async () => {
    const emails = addresses(2);
    const batchId = await upload(csvOf(emails));
    await confirmBatch(batchId, adminId);
    // A sender claimed the first line, then the server stopped: its transaction never committed.
    const [first] = await prisma.invitationBatchRow.findMany({
      where: { batchId },
      orderBy: { line: "asc" },
    });
    await prisma.invitationBatchRow.update({
      where: { id: first!.id },
      data: { status: "SENDING", attempts: 1, claimedAt: new Date() },
    });
    // Within the lease, the claim is another sender's: left alone.
    expect(await sendPendingRows(batchId)).toEqual({ ...none, sent: 1 });
    expect(await statuses(batchId)).toEqual(["SENDING", "SENT"]);
    // Past it, the sender is gone and nothing of its work was saved: the line is invited now.
    const later = new Date(Date.now() + CLAIM_LEASE_MS + 1_000);
    expect(await sendPendingRows(batchId, { now: () => later })).toEqual({ ...none, sent: 1 });
    expect(await statuses(batchId)).toEqual(["SENT", "SENT"]);
    expect(await sendPendingRows(batchId, { now: () => later })).toEqual(none);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
  });

  it("does not send to an address invited after the preview", async () => {
    const emails = addresses(2);
    const batchId = await upload(csvOf(emails));
    await prisma.user.create({ data: { email: emails[1]!, role: "REVIEWER" } });
    await confirmBatch(batchId, adminId);
    expect(await sendPendingRows(batchId)).toEqual({ ...none, sent: 1, skipped: 1 });
    const rows = await prisma.invitationBatchRow.findMany({
      where: { batchId },
      orderBy: { line: "asc" },
      select: { status: true, error: true },
    });
    expect(rows[1]).toEqual({
      status: "SKIPPED",
      error: "A user with this e-mail address was invited after the preview: not sent.",
    });
    expect(mailsTo(emails[1]!)).toHaveLength(0);
    // The reviewer's account is as it was.
    expect((await prisma.user.findUniqueOrThrow({ where: { email: emails[1]! } })).role).toBe(
      "REVIEWER",
    );
  });

  it("logs the sender's failure and leaves the lines waiting when the database refuses", async () => {
    const emails = addresses(1);
    const batchId = await upload(csvOf(emails));
    await confirmBatch(batchId, adminId);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const spy = vi
      .spyOn(prisma.invitationBatchRow, "findFirst")
      .mockRejectedValueOnce(new Error("database is locked"));
    try {
      await startSending(batchId);
      expect(String(errors.mock.calls[0]?.[0])).toBe(
        `Bulk invitation ${batchId}: the sender stopped: database is locked`,
      );
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
    expect(await statuses(batchId)).toEqual(["PENDING"]);
    await startSending(batchId); // as opening the page does
    expect(await statuses(batchId)).toEqual(["SENT"]);
  });
});
