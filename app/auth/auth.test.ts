import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { countAttempt, retryAfter, type Limit } from "./rate-limit.server";
import {
  endSession,
  readSession,
  sessionDeadline,
  sessionIdFromCookie,
  startSession,
} from "./session.server";
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
  const minute = 60 * 1000;
  const hour = 60 * minute;

  async function signedIn() {
    const user = await newUser();
    const cookie = await startSession(user.id);
    const pair = cookie.split(";")[0]!;
    const id = pair.split("=")[1]!;
    const request = () => new Request("http://localhost/", { headers: { Cookie: pair } });
    return { user, cookie, id, request };
  }
  const stored = (id: string) =>
    prisma.session.findUnique({ where: { id }, select: { expiresAt: true, createdAt: true } });

  it("end 30 minutes after the last request: each request moves the deadline and re-sends the cookie", async () => {
    const { user, cookie, id, request } = await signedIn();
    expect(cookie).toMatch(/^msq_session=.+HttpOnly.+SameSite=Lax/i);
    const created = (await stored(id))!;
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * minute);
    expect(created.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * minute);

    // Last used 20 minutes ago: 10 minutes left, moved back to 30.
    await prisma.session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() + 10 * minute) },
    });
    const cookies: string[] = [];
    const noStore: boolean[] = [];
    const context = {
      setCookie: (c: string) => cookies.push(c),
      noStore: () => noStore.push(true),
    };
    const session = await readSession(request(), context);
    expect(session?.user.id).toBe(user.id);
    expect((await stored(id))!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * minute);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^msq_session=.+HttpOnly.+SameSite=Lax/i);
    expect(noStore).toEqual([true]);

    // Used again within the minute: no write, no cookie.
    const again: string[] = [];
    await readSession(request(), { setCookie: (c) => again.push(c) });
    expect(again).toEqual([]);
  });

  it("idle for 30 minutes: refused, and the row stays (for the pending-input check)", async () => {
    const { id, request } = await signedIn();
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await readSession(request())).toBeNull();
    expect(await stored(id)).not.toBeNull();
    expect(sessionIdFromCookie(request())).toBe(id);
  });

  it("end 12 hours after sign-in however active, and are never extended past it", async () => {
    const { id, request } = await signedIn();
    // Signed in 11 h 50 min ago, used a minute ago: extended only to the 12-hour mark.
    const createdAt = new Date(Date.now() - 11 * hour - 50 * minute);
    await prisma.session.update({
      where: { id },
      data: { createdAt, expiresAt: new Date(Date.now() + 2 * minute) },
    });
    expect(await readSession(request())).not.toBeNull();
    expect((await stored(id))!.expiresAt.getTime()).toBe(createdAt.getTime() + 12 * hour);

    // Signed in 12 hours ago: refused even with an idle deadline ahead; the row stays.
    await prisma.session.update({
      where: { id },
      data: {
        createdAt: new Date(Date.now() - 12 * hour - 1000),
        expiresAt: new Date(Date.now() + 20 * minute),
      },
    });
    expect(await readSession(request())).toBeNull();
    expect(await stored(id)).not.toBeNull();
  });

  it("the deadline is the earlier of 30 minutes idle and 12 hours after sign-in", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(sessionDeadline(new Date(now - hour), now).getTime()).toBe(now + 30 * minute);
    expect(sessionDeadline(new Date(now - 11.75 * hour), now).getTime()).toBe(now + 15 * minute);
  });

  it("a new sign-in gets a new session id; sign-out deletes the row", async () => {
    const user = await newUser();
    const a = await startSession(user.id);
    const b = await startSession(user.id);
    expect(a).not.toBe(b);
    const request = new Request("http://localhost/", { headers: { Cookie: a.split(";")[0]! } });
    expect(await endSession(request)).toMatch(/^msq_session=;/);
    expect(await readSession(request)).toBeNull();
    expect(await stored(a.split(";")[0]!.split("=")[1]!)).toBeNull();
  });

  it("sessionIdFromCookie reads the session cookie among others, and nothing else", () => {
    const request = (cookie: string) =>
      new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect(sessionIdFromCookie(request("a=1; msq_session=abc; b=2"))).toBe("abc");
    expect(sessionIdFromCookie(request("msq_pending=abc"))).toBeNull();
    expect(sessionIdFromCookie(new Request("http://localhost/"))).toBeNull();
  });
});
