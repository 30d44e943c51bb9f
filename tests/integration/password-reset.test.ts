import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { passwordResetLimits } from "~/auth/rate-limit.server";
import { startSession } from "~/auth/session.server";
import { findTokenUser, issueToken } from "~/auth/tokens.server";
import { prisma } from "~/db.server";
import { configureMailTransport } from "~/email/send.server";
import { copyFor } from "~/i18n/catalogues.server";
import { setPassword } from "~/models/user.server";
import { firstLink, startTestSmtpServer, type TestSmtpServer } from "../support/smtp";

// Password reset and setting a password, against the real database and a real SMTP server.
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  configureMailTransport({ smtpUrl: `${smtp.url}?pool=false&tls=none` });
});

afterAll(async () => {
  configureMailTransport({});
  await smtp.stop();
  await prisma.$disconnect();
});

const tag = () => randomBytes(4).toString("hex");
const client = () => `10.20.${tag()}`;
const [ACCOUNT_LIMIT, CLIENT_LIMIT] = passwordResetLimits("x", "x").map((l) => l.max) as [
  number,
  number,
];

async function newUser(password: string | null = "the old passphrase") {
  const email = `reset.${tag()}@test.example.org`;
  const user = await prisma.user.create({
    data: { email, role: "REVIEWER", passwordHash: password ? await hashPassword(password) : null },
    select: { id: true },
  });
  return { id: user.id, email };
}

const unusedTokens = (userId: string) =>
  prisma.oneTimeToken.count({ where: { userId, usedAt: null } });
const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

describe("a password reset request", () => {
  it("answers before any account work, the same for known and unknown addresses", async () => {
    const user = await newUser();
    const known = await requestPasswordReset({ email: user.email, clientAddress: client() });
    const unknown = await requestPasswordReset({
      email: `nobody.${tag()}@test.example.org`,
      clientAddress: client(),
    });
    expect(known.ok && unknown.ok).toBe(true);
    // Answered, and nothing done yet for the account: no token, no e-mail.
    expect(await unusedTokens(user.id)).toBe(0);
    expect(mailsTo(user.email)).toHaveLength(0);

    await Promise.all([known, unknown].map((r) => (r.ok ? r.done : null)));
    expect(await unusedTokens(user.id)).toBe(1);
    const email = await smtp.waitForEmail((m) => m.to.includes(user.email));
    expect(email.subject).toBe("Reset your MSQ Portal password");
    const token = tokenOf(firstLink(email, "/reset-password/"));
    expect((await findTokenUser(token, "PASSWORD_RESET"))?.id).toBe(user.id);
  });

  it("sends the link in the user's saved language, else in the page's", async () => {
    const saved = await newUser();
    await prisma.user.update({ where: { email: saved.email }, data: { locale: "ru" } });
    const unsaved = await newUser();
    for (const user of [saved, unsaved]) {
      const result = await requestPasswordReset({
        email: user.email,
        clientAddress: client(),
        pageLocale: "fr",
      });
      if (result.ok) await result.done;
    }
    const russian = await smtp.waitForEmail((m) => m.to.includes(saved.email));
    expect(russian.subject).toBe(copyFor("ru").email.passwordReset.subject);
    expect(russian.text).toContain(copyFor("ru").email.passwordReset.intro);
    const french = await smtp.waitForEmail((m) => m.to.includes(unsaved.email));
    expect(french.subject).toBe(copyFor("fr").email.passwordReset.subject);
    expect(french.text).toContain(copyFor("fr").email.passwordReset.intro);
  });

  it("still answers the same when the mail server is down, and keeps the e-mail to retry", async () => {
    const user = await newUser();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    configureMailTransport({ smtpUrl: "smtp://127.0.0.1:9?pool=false" }); // nothing listens
    try {
      const result = await requestPasswordReset({ email: user.email, clientAddress: client() });
      expect(result.ok).toBe(true);
      if (result.ok) await result.done; // resolves: the failure is caught
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(/^e-mail outbox: .*"retrying":1/);
      expect(String(errors.mock.calls[0]![0])).not.toMatch(/reset-password\//);
      // Not lost: queued, with the reason, for the outbox's sender to try again.
      const queued = await prisma.outboundEmail.findFirstOrThrow({
        where: { recipients: user.email, kind: "password-reset" },
      });
      expect(queued).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(queued.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      configureMailTransport({ smtpUrl: `${smtp.url}?pool=false&tls=none` });
      errors.mockRestore();
    }
  });

  it("is throttled per address; a throttled request leaves the last link working", async () => {
    const user = await newUser();
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      const result = await requestPasswordReset({ email: user.email, clientAddress: client() });
      expect(result.ok).toBe(true);
      if (result.ok) await result.done;
    }
    const sent = mailsTo(user.email);
    expect(sent).toHaveLength(ACCOUNT_LIMIT);
    const last = tokenOf(firstLink(sent.at(-1)!, "/reset-password/"));
    // Each request voided the one before: only the last link works.
    const first = tokenOf(firstLink(sent[0]!, "/reset-password/"));
    expect(await findTokenUser(first, "PASSWORD_RESET")).toBeNull();
    expect(await unusedTokens(user.id)).toBe(1);

    const refused = await requestPasswordReset({
      email: user.email.toUpperCase(),
      clientAddress: client(),
    });
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(59 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mailsTo(user.email)).toHaveLength(ACCOUNT_LIMIT);
    expect((await findTokenUser(last, "PASSWORD_RESET"))?.id).toBe(user.id);
  });

  it("is throttled per client, whatever the addresses", async () => {
    const clientAddress = client();
    const results = await Promise.all(
      Array.from({ length: CLIENT_LIMIT + 5 }, () =>
        requestPasswordReset({ email: `nobody.${tag()}@test.example.org`, clientAddress }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(CLIENT_LIMIT);
    await Promise.all(results.map((r) => (r.ok ? r.done : null)));
  });

  it("of 30 at once for one address, only the limit go through and one link works", async () => {
    const user = await newUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        requestPasswordReset({ email: user.email, clientAddress: client() }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(ACCOUNT_LIMIT);
    await Promise.all(results.map((r) => (r.ok ? r.done : null)));
    expect(await unusedTokens(user.id)).toBe(1);
  });

  it("is in the event log, with no token", async () => {
    const user = await newUser();
    const clientAddress = client();
    const result = await requestPasswordReset({ email: user.email, clientAddress });
    if (result.ok) await result.done;
    const events = await prisma.event.findMany({
      where: { subjectId: user.id, kind: "user.password_reset_requested" },
      select: { data: true },
    });
    expect(events).toEqual([{ data: { email: user.email, clientAddress, account: true } }]);
    const [token] = await prisma.oneTimeToken.findMany({
      where: { userId: user.id },
      select: { tokenHash: true },
    });
    const link = firstLink(await smtp.waitForEmail((m) => m.to.includes(user.email)), "/reset-");
    expect(JSON.stringify(events)).not.toContain(tokenOf(link));
    expect(JSON.stringify(events)).not.toContain(token!.tokenHash);
  });
});

describe("setting a password", () => {
  it("voids every other invitation and reset link, ends sessions, and tells the owner", async () => {
    const user = await newUser();
    const invitation = await issueToken(user.id, "INVITATION");
    const reset = await issueToken(user.id, "PASSWORD_RESET");
    const session = await startSession(user.id);

    const { notified } = await setPassword(user.id, "an entirely new passphrase");
    expect(await findTokenUser(invitation.token, "INVITATION")).toBeNull();
    expect(await findTokenUser(reset.token, "PASSWORD_RESET")).toBeNull();
    expect(await unusedTokens(user.id)).toBe(0);
    const sessionId = session.split(";")[0]!.split("=")[1]!;
    expect(await prisma.session.findUnique({ where: { id: sessionId } })).toBeNull();

    await notified;
    const email = await smtp.waitForEmail(
      (m) => m.to.includes(user.email) && m.subject === "Your MSQ Portal password was changed",
    );
    expect(email.text).toContain(`The password of your MSQ Portal account (${user.email})`);
    expect(email.text).toContain("If this was not you");
    expect(firstLink(email, "/forgot-password")).toMatch(/\/forgot-password\?lang=en$/);
  });

  it("tells a user without a saved language in the page's", async () => {
    const user = await newUser();
    const { notified } = await setPassword(user.id, "an entirely new passphrase", {
      pageLocale: "es",
    });
    await notified;
    const email = await smtp.waitForEmail((m) => m.to.includes(user.email));
    expect(email.subject).toBe(copyFor("es").email.passwordChanged.subject);
  });

  it("for the first time (an invitation) says it was set", async () => {
    const user = await newUser(null);
    const { notified } = await setPassword(user.id, "a first passphrase", { name: "New Person" });
    await notified;
    const email = await smtp.waitForEmail((m) => m.to.includes(user.email));
    expect(email.subject).toBe("Your MSQ Portal password is set");
    expect(email.text).toContain("A password was set for your MSQ Portal account");
  });
});
