import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { countAttempt, retryAfter, type Limit } from "./rate-limit.server";
import { readSession, startSession } from "./session.server";
import { signIn } from "./sign-in.server";
import { consumeToken, findTokenUser, hashToken, issueToken } from "./tokens.server";

afterAll(() => prisma.$disconnect());

async function newUser(password?: string) {
  return prisma.user.create({
    data: {
      email: `user.${randomBytes(4).toString("hex")}@test.example.org`,
      role: "REVIEWER",
      passwordHash: password ? await hashPassword(password) : null,
    },
    select: { id: true, email: true },
  });
}

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passphrasE")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("one-time tokens", () => {
  it("are stored only as a hash, work once, and a new one voids the old", async () => {
    const user = await newUser();
    const first = await issueToken(user.id, "INVITATION");
    const stored = await prisma.oneTimeToken.findMany({
      where: { userId: user.id },
      select: { tokenHash: true },
    });
    expect(stored).toEqual([{ tokenHash: hashToken(first.token) }]);
    expect(stored[0]!.tokenHash).not.toContain(first.token);

    const second = await issueToken(user.id, "INVITATION");
    expect(await findTokenUser(first.token, "INVITATION")).toBeNull();
    expect((await findTokenUser(second.token, "INVITATION"))?.id).toBe(user.id);
    expect(await findTokenUser(second.token, "PASSWORD_RESET")).toBeNull();
    expect(await consumeToken(second.token, "INVITATION")).toBe(true);
    expect(await consumeToken(second.token, "INVITATION")).toBe(false);
  });

  it("expire: 7 days for an invitation, 1 hour for a reset", async () => {
    const user = await newUser();
    const invitation = await issueToken(user.id, "INVITATION");
    const reset = await issueToken(user.id, "PASSWORD_RESET");
    const day = 24 * 60 * 60 * 1000;
    expect(Math.round((invitation.expiresAt.getTime() - Date.now()) / day)).toBe(7);
    expect(Math.round((reset.expiresAt.getTime() - Date.now()) / 60_000)).toBe(60);
    await prisma.oneTimeToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findTokenUser(reset.token, "PASSWORD_RESET")).toBeNull();
    expect(await consumeToken(reset.token, "PASSWORD_RESET")).toBe(false);
  });
});

describe("rate limits", () => {
  it("lock a key after `max` counted attempts until the oldest ages out of the window", async () => {
    const limit: Limit = {
      scope: "client",
      key: `test:${randomBytes(4).toString("hex")}`,
      max: 3,
      windowMs: 60_000,
    };
    expect(await retryAfter([limit])).toBe(0);
    const attempts = [];
    for (let i = 0; i < 3; i++) attempts.push(await countAttempt([limit]));
    expect(attempts.map((a) => a.allowed)).toEqual([true, true, true]);
    expect(attempts.map((a) => (a.allowed ? a.filled.length : -1))).toEqual([0, 0, 1]);
    const refused = await countAttempt([limit]);
    expect(refused.allowed).toBe(false);
    const wait = refused.allowed ? 0 : refused.retryAfterMs;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // The refused attempt was not counted: the lock ends when the third attempt ages out.
    expect(await prisma.rateLimitHit.count({ where: { key: limit.key } })).toBe(3);
    expect(await retryAfter([limit], new Date(Date.now() + 61_000))).toBe(0);
    expect((await countAttempt([limit], new Date(Date.now() + 61_000))).allowed).toBe(true);
  });

  it("refuse the right password after five wrong ones, and say the same for unknown accounts", async () => {
    const user = await newUser("the right passphrase");
    const clientAddress = `10.${randomBytes(1)[0]}.0.1`;
    expect(
      await signIn({ email: "nobody@test.example.org", password: "x", clientAddress }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: user.email, password: "wrong", clientAddress })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const sixth = await signIn({
      email: user.email,
      password: "the right passphrase",
      clientAddress,
    });
    expect(sixth).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("sessions", () => {
  it("slide: a session in the second half of its life is extended and its cookie re-sent", async () => {
    const user = await newUser();
    const cookie = await startSession(user.id);
    const id = cookie.split(";")[0]!.split("=")[1]!;
    const soon = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    await prisma.session.update({ where: { id }, data: { expiresAt: soon } });
    const cookies: string[] = [];
    const request = new Request("http://localhost/", {
      headers: { Cookie: cookie.split(";")[0]! },
    });
    const session = await readSession(request, { setCookie: (c) => cookies.push(c) });
    expect(session?.user.id).toBe(user.id);
    const stored = await prisma.session.findUniqueOrThrow({
      where: { id },
      select: { expiresAt: true },
    });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^msq_session=.+HttpOnly.+SameSite=Lax/i);
  });

  it("a new sign-in gets a new session id; an expired one is refused", async () => {
    const user = await newUser();
    const a = await startSession(user.id);
    const b = await startSession(user.id);
    expect(a).not.toBe(b);
    const id = a.split(";")[0]!.split("=")[1]!;
    await prisma.session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const request = new Request("http://localhost/", { headers: { Cookie: a.split(";")[0]! } });
    expect(await readSession(request)).toBeNull();
  });
});
