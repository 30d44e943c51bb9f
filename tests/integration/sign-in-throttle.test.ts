import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { countAttempt, signInLimits, type Limit } from "~/auth/rate-limit.server";
import { signIn } from "~/auth/sign-in.server";
import { prisma } from "~/db.server";

// The sign-in throttle against the run's real database (SQLite, or PostgreSQL in CI's second
// pass), with attempts fired all at once as an attacker would: the count must hold.
afterAll(() => prisma.$disconnect());

const PASSWORD = "the right passphrase";
const tag = () => randomBytes(4).toString("hex");
const [ACCOUNT_LIMIT, CLIENT_LIMIT] = signInLimits("x@example.org", "x").map((l) => l.max) as [
  number,
  number,
];

async function newUser() {
  const email = `throttle.${tag()}@test.example.org`;
  const user = await prisma.user.create({
    data: { email, role: "REVIEWER", passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
  return { id: user.id, email };
}

const outcomes = (results: Awaited<ReturnType<typeof signIn>>[]) => ({
  invalid: results.filter((r) => !r.ok && r.reason === "invalid").length,
  limited: results.filter((r) => !r.ok && r.reason === "rate_limited").length,
  signedIn: results.filter((r) => r.ok).length,
});

describe("the sign-in throttle", () => {
  it("counts simultaneous attempts: of 30 at once, exactly the limit get through", async () => {
    const limit: Limit = { scope: "client", key: `test:${tag()}`, max: 7, windowMs: 60_000 };
    const attempts = await Promise.all(Array.from({ length: 30 }, () => countAttempt([limit])));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(7);
    expect(attempts.filter((a) => a.allowed && a.filled.length === 1)).toHaveLength(1);
    expect(await prisma.rateLimitHit.count({ where: { key: limit.key } })).toBe(7);
  });

  it("lets at most the account's limit of 30 simultaneous wrong passwords be checked", async () => {
    const user = await newUser();
    const clientAddress = `10.1.${tag()}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn({ email: user.email, password: `wrong ${i}`, clientAddress }),
      ),
    );
    expect(outcomes(results)).toEqual({
      invalid: ACCOUNT_LIMIT,
      limited: 30 - ACCOUNT_LIMIT,
      signedIn: 0,
    });
    // Locked now, for the right password too, and from another address.
    const right = await signIn({
      email: user.email,
      password: PASSWORD,
      clientAddress: "10.2.0.1",
    });
    expect(right).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("lets at most the client's limit of 30 simultaneous attempts on different accounts through", async () => {
    const clientAddress = `10.3.${tag()}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn({ email: `nobody.${i}.${tag()}@test.example.org`, password: "x", clientAddress }),
      ),
    );
    expect(outcomes(results)).toEqual({
      invalid: CLIENT_LIMIT,
      limited: 30 - CLIENT_LIMIT,
      signedIn: 0,
    });
    // Another client is not affected.
    const user = await newUser();
    expect(
      await signIn({ email: user.email, password: PASSWORD, clientAddress: `10.4.${tag()}` }),
    ).toMatchObject({ ok: true });
  });

  it("a success clears the account's failures and does not count against the client", async () => {
    const user = await newUser();
    const clientAddress = `10.5.${tag()}`;
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++)
      await signIn({ email: user.email, password: "wrong", clientAddress });
    expect(await signIn({ email: user.email, password: PASSWORD, clientAddress })).toMatchObject({
      ok: true,
    });
    const [account, client] = signInLimits(user.email, clientAddress);
    expect(await prisma.rateLimitHit.count({ where: { key: account!.key } })).toBe(0);
    expect(await prisma.rateLimitHit.count({ where: { key: client!.key } })).toBe(
      ACCOUNT_LIMIT - 1,
    );
  });

  it("logs failures and the start of a lock, never the password", async () => {
    const user = await newUser();
    const clientAddress = `10.6.${tag()}`;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        signIn({ email: user.email, password: "hunter2 secret", clientAddress }),
      ),
    );
    const events = await prisma.event.findMany({
      where: { subjectId: user.id },
      select: { kind: true, data: true },
    });
    expect(events.filter((e) => e.kind === "user.sign_in_failed")).toHaveLength(ACCOUNT_LIMIT);
    const locks = events.filter((e) => e.kind === "user.sign_in_locked");
    expect(locks.length).toBeGreaterThanOrEqual(1);
    expect(locks[0]!.data).toMatchObject({ email: user.email, clientAddress, scope: "account" });
    expect(JSON.stringify(events)).not.toContain("hunter2");
  });
});
