import { randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { afterAll, describe, expect, it } from "vitest";
import { readSecondStep, readSession, startSession } from "~/auth/session.server";
import { passSecondStep } from "~/auth/second-step.server";
import { open, seal } from "~/auth/secret-box.server";
import {
  TOTP_PERIOD_SECONDS,
  checkSecondFactor,
  confirmEnrolment,
  matchingStep,
  newEnrolment,
} from "~/auth/totp.server";
import { signIn } from "~/auth/sign-in.server";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { STAFF_SECOND_FACTOR } from "~/models/settings.server";

// The second factor against the real database: secrets kept encrypted, recovery codes hashed,
// a code accepted once, codes rate limited, and sessions that count as signed in only after the
// second step.

afterAll(async () => {
  await prisma.portalSetting.deleteMany({ where: { key: STAFF_SECOND_FACTOR } });
  await prisma.user.deleteMany({
    where: { email: { endsWith: "@second-factor.test.example.org" } },
  });
  await prisma.$disconnect();
});

async function newUser(role: "REVIEWER" | "FOCAL_POINT" = "REVIEWER") {
  return prisma.user.create({
    data: {
      email: `user.${randomBytes(4).toString("hex")}@second-factor.test.example.org`,
      role,
      passwordHash: await hashPassword("a long enough passphrase"),
    },
    select: { id: true, email: true },
  });
}

/** The code an authenticator app shows for the key now (or `steps` periods later). */
function codeFor(secretText: string, steps = 0) {
  const key = decodeBase32IgnorePadding(secretText.replace(/ /g, ""));
  const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS) + steps;
  return generateHOTP(key, BigInt(step), 6);
}

async function enrolled() {
  const user = await newUser();
  const enrolment = newEnrolment(user);
  // The code of the previous step: the one of this step is left for the tests to use.
  const result = await confirmEnrolment(user, enrolment.sealed, codeFor(enrolment.secretText, -1));
  if (!result.ok) throw new Error("enrolment failed");
  return { user, secretText: enrolment.secretText, recoveryCodes: result.recoveryCodes };
}

describe("codes", () => {
  it("match RFC 6238's test vector (SHA-1, 30 s), one step either side and no further", () => {
    const key = new TextEncoder().encode("12345678901234567890");
    // RFC 6238, appendix B: T = 59 s gives 94287082 in 8 digits, so 287082 in 6.
    expect(matchingStep(key, "287082", 59_000)).toBe(1);
    expect(matchingStep(key, "287 082", 59_000 + 30_000)).toBe(1);
    expect(matchingStep(key, "287082", 59_000 + 60_000)).toBeNull();
    expect(matchingStep(key, "287083", 59_000)).toBeNull();
    expect(matchingStep(key, "28708", 59_000)).toBeNull();
  });
});

describe("the secret box", () => {
  it("opens only what it sealed, for the same purpose", () => {
    const secret = new Uint8Array(randomBytes(20));
    const sealed = seal(secret, "totp-secret:a");
    expect(open(sealed, "totp-secret:a")).toEqual(secret);
    expect(open(sealed, "totp-secret:b")).toBeNull();
    const [v, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(open([v, iv, flipped.toString("base64url"), tag].join("."), "totp-secret:a")).toBeNull();
  });
});

describe("enrolling", () => {
  it("stores the secret encrypted and ten recovery codes as hashes only", async () => {
    const { user, secretText, recoveryCodes } = await enrolled();
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.totpSecret).toMatch(/^v1\./);
    const key = Buffer.from(decodeBase32IgnorePadding(secretText.replace(/ /g, "")));
    expect(stored.totpSecret).not.toContain(secretText.replace(/ /g, ""));
    expect(stored.totpSecret).not.toContain(key.toString("base64url"));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const rows = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(rows.some((r) => r.codeHash.includes(code.replace("-", "")))).toBe(false);
    }
  });

  it("refuses a wrong first code and a form sealed for someone else", async () => {
    const user = await newUser();
    const other = await newUser();
    const enrolment = newEnrolment(user);
    expect(await confirmEnrolment(user, enrolment.sealed, "000000")).toMatchObject({ ok: false });
    const code = codeFor(enrolment.secretText);
    expect(await confirmEnrolment(other, enrolment.sealed, code)).toEqual({
      ok: false,
      reason: "form",
    });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: other.id } });
    expect(stored.totpSecret).toBeNull();
  });
});

describe("the second step", () => {
  it("accepts an app's code once: the same code again is refused", async () => {
    const { user, secretText } = await enrolled();
    const code = codeFor(secretText);
    expect(await checkSecondFactor(user.id, code)).toMatchObject({ ok: true, method: "app" });
    expect(await checkSecondFactor(user.id, code)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts two requests with one code only once", async () => {
    const { user, secretText } = await enrolled();
    const code = codeFor(secretText);
    const results = await Promise.all([
      checkSecondFactor(user.id, code),
      checkSecondFactor(user.id, code),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    expect(await checkSecondFactor(user.id, code.toUpperCase())).toMatchObject({
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: 9,
    });
    expect(await checkSecondFactor(user.id, code)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is rate limited: after five wrong codes even the right one waits", async () => {
    const { user, secretText } = await enrolled();
    for (let i = 0; i < 5; i++)
      expect(await checkSecondFactor(user.id, "000000")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSecondFactor(user.id, codeFor(secretText))).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });
});

const requestWith = (cookie: string) =>
  new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } });

describe("sessions", () => {
  it("count as signed in only after the second step, under a new id", async () => {
    const { user, secretText } = await enrolled();
    const signedIn = await signIn({
      email: user.email,
      password: "a long enough passphrase",
      clientAddress: "198.51.100.7",
    });
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(signedIn.secondStep).toBe(true);
    const half = requestWith(signedIn.cookie);
    expect(await readSession(half)).toBeNull();
    const waiting = await readSecondStep(half);
    expect(waiting?.user.id).toBe(user.id);

    const passed = await passSecondStep({
      userId: user.id,
      sessionId: waiting!.sessionId,
      code: codeFor(secretText),
      clientAddress: "198.51.100.7",
    });
    if (!passed.ok) throw new Error("second step failed");
    expect(await readSecondStep(requestWith(signedIn.cookie))).toBeNull(); // the half one ended
    const full = await readSession(requestWith(passed.cookie));
    expect(full?.user.id).toBe(user.id);
    expect(full?.sessionId).not.toBe(waiting!.sessionId);
  });

  it("of staff without a second factor need enrolment while administrators require it", async () => {
    const reviewer = await newUser("REVIEWER");
    const focalPoint = await newUser("FOCAL_POINT");
    const reviewerCookie = await startSession(reviewer.id);
    const focalCookie = await startSession(focalPoint.id);
    await prisma.portalSetting.upsert({
      where: { key: STAFF_SECOND_FACTOR },
      create: { key: STAFF_SECOND_FACTOR, value: "on" },
      update: { value: "on" },
    });
    expect((await readSession(requestWith(reviewerCookie)))?.enrolmentNeeded).toBe(true);
    expect((await readSession(requestWith(focalCookie)))?.enrolmentNeeded).toBe(false);
    await prisma.portalSetting.update({
      where: { key: STAFF_SECOND_FACTOR },
      data: { value: "off" },
    });
    expect((await readSession(requestWith(reviewerCookie)))?.enrolmentNeeded).toBe(false);
  });
});
