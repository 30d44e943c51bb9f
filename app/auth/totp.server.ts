import { randomBytes } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { hashToken } from "./tokens.server";
import { open, seal } from "./secret-box.server";
import { clearFailures, countAttempt, forgetHits, secondFactorLimits } from "./rate-limit.server";

// The second factor: an authenticator app's time-based codes (RFC 6238: SHA-1, 30 s, 6 digits,
// what every app reads from a QR code) by @oslojs/otp, and 10 single-use recovery codes. The
// app's secret is kept encrypted (secret-box.server.ts); recovery codes only as their hashes.
// A code is accepted once: the time step of the last accepted code is kept, and a code of that
// step or an earlier one is refused (an atomic update, so two requests cannot both use one).

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** The issuer the app shows beside the account. */
const ISSUER = "UN MSQ Portal";
const RECOVERY_CODES = 10;

const enrolmentPurpose = (userId: string) => `totp-enrolment:${userId}`;
const secretPurpose = (userId: string) => `totp-secret:${userId}`;

export type Enrolment = {
  /** The new secret, sealed for this user's enrolment form (it travels in a hidden field). */
  sealed: string;
  /** The secret as people type it into an app, in groups of four. */
  secretText: string;
  /** The QR code of the otpauth:// URI, as SVG markup (uqr; our own bytes, no user text). */
  qrSvg: string;
};

/** A new secret for the enrolment form; nothing is stored until a first code confirms it. */
export function newEnrolment(user: { id: string; email: string }): Enrolment {
  const secret = new Uint8Array(randomBytes(20));
  return enrolmentOf(user, secret, seal(secret, enrolmentPurpose(user.id)));
}

/** The enrolment's secret again (a re-shown form after a wrong code), or null if tampered. */
export function reopenEnrolment(user: { id: string; email: string }, sealed: string) {
  const secret = open(sealed, enrolmentPurpose(user.id));
  return secret ? enrolmentOf(user, secret, sealed) : null;
}

function enrolmentOf(user: { email: string }, secret: Uint8Array, sealed: string): Enrolment {
  const uri = createTOTPKeyURI(ISSUER, user.email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return {
    sealed,
    secretText: encodeBase32UpperCaseNoPadding(secret).replace(/(.{4})(?=.)/g, "$1 "),
    qrSvg: renderSVG(uri, { border: 2, pixelSize: 4 }),
  };
}

/** Digits only: spaces and dashes people type between groups are dropped. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, "");

/** The time step whose code this is (now, or one step either side for clocks that drift), or null. */
export function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
  const digits = normaliseCode(code);
  if (!/^\d{6}$/.test(digits)) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
  for (const candidate of [step - 1, step, step + 1])
    if (verifyHOTP(secret, BigInt(candidate), TOTP_DIGITS, digits)) return candidate;
  return null;
}

const newRecoveryCode = () => {
  const text = encodeBase32UpperCaseNoPadding(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${text.slice(0, 5)}-${text.slice(5)}`;
};
const recoveryHash = (code: string) => hashToken(`recovery:${normaliseCode(code).toLowerCase()}`);

export type ConfirmResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: "code" | "form" };

/**
 * Confirms an enrolment with the app's first code: stores the secret (encrypted) and 10 new
 * recovery codes (hashed; the plain ones are returned to be shown once). Replaces any earlier
 * second factor of the user.
 */
export async function confirmEnrolment(
  user: { id: string },
  sealed: string,
  code: string,
): Promise<ConfirmResult> {
  const secret = open(sealed, enrolmentPurpose(user.id));
  if (!secret) return { ok: false, reason: "form" };
  const step = matchingStep(secret, code);
  if (step === null) return { ok: false, reason: "code" };
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
    prisma.user.update({
      where: { id: user.id },
      data: {
        totpSecret: seal(secret, secretPurpose(user.id)),
        totpEnabledAt: new Date(),
        totpLastStep: step,
      },
    }),
    prisma.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: recoveryHash(c) })),
    }),
  ]);
  return { ok: true, recoveryCodes };
}

export type SecondFactorCheck =
  | { ok: true; method: "app" | "recovery_code"; recoveryCodesLeft: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * The second step of signing in: an app code (accepted once) or an unused recovery code (then
 * used up). Counted against the account's limit before it is checked, as passwords are.
 */
export async function checkSecondFactor(userId: string, code: string): Promise<SecondFactorCheck> {
  const limits = secondFactorLimits(userId);
  const attempt = await countAttempt(limits);
  if (!attempt.allowed)
    return { ok: false, reason: "rate_limited", retryAfterMs: attempt.retryAfterMs };
  const method = await acceptCode(userId, code);
  if (!method) return { ok: false, reason: "invalid" };
  await clearFailures(limits[0]!.key);
  await forgetHits(attempt.hitIds);
  const recoveryCodesLeft = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  return { ok: true, method, recoveryCodesLeft };
}

async function acceptCode(userId: string, code: string): Promise<"app" | "recovery_code" | null> {
  if (/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(code.trim())) {
    const used = await prisma.recoveryCode.updateMany({
      where: { userId, codeHash: recoveryHash(code.trim()), usedAt: null },
      data: { usedAt: new Date() },
    });
    return used.count === 1 ? "recovery_code" : null;
  }
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true },
  });
  const secret = user?.totpSecret ? open(user.totpSecret, secretPurpose(userId)) : null;
  const step = secret ? matchingStep(secret, code) : null;
  if (step === null) return null;
  // Only a later step than the last accepted one: a code seen once (or an older one) is refused.
  const accepted = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return accepted.count === 1 ? "app" : null;
}

/** Removes the user's second factor (their own choice, or an administrator's reset). */
export async function removeSecondFactor(
  userId: string,
  tx?: Prisma.TransactionClient,
): Promise<void> {
  if (!tx) return prisma.$transaction((inner) => removeSecondFactor(userId, inner));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
}
