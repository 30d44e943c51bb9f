import { prisma } from "~/db.server";
import { logEvent } from "~/models/event.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import {
  clearFailures,
  countAttempt,
  forgetHits,
  type Limit,
  signInLimits,
} from "./rate-limit.server";
import { startSession } from "./session.server";

export type SignInResult =
  | {
      ok: true;
      userId: string;
      cookie: string;
      locale: string | null;
      /** The password was right; the session waits for the authenticator's code. */
      secondStep: boolean;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Counts the attempt against the rate limits first (a locked account stays locked even for the
 * right password; simultaneous attempts cannot slip past the count), then checks the password.
 * An unknown address, a deactivated account and a wrong password give the same answer and take
 * the same time. Failures and the start of a lock go to the event log; refused attempts do not
 * (anyone could fill the log with them), the lock's start says enough.
 */
export async function signIn(input: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const limits = signInLimits(email, input.clientAddress);
  const attempt = await countAttempt(limits);
  if (!attempt.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterMs: attempt.retryAfterMs };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, locale: true, totpEnabledAt: true },
  });
  const hash = user?.passwordHash && user.active ? user.passwordHash : await dummyPasswordHash();
  const passwordMatches = await verifyPassword(hash, input.password);
  if (!user || !user.active || !user.passwordHash || !passwordMatches) {
    await logFailure(email, input.clientAddress, user?.id ?? null, attempt.filled);
    return { ok: false, reason: "invalid" };
  }
  // The attempt counted as a failure until now: a success clears the account's failures and
  // does not count against the client address (a whole office may sign in from one address).
  await clearFailures(limits[0]!.key);
  await forgetHits(attempt.hitIds);
  const cookie = await startSession(user.id);
  const secondStep = user.totpEnabledAt !== null;
  // With a second factor, signing in is logged once its code is accepted (second-step.server.ts).
  if (!secondStep) await logEvent({ kind: "user.signed_in", actorId: user.id, subjectId: user.id });
  return { ok: true, userId: user.id, cookie, locale: user.locale, secondStep };
}

/** Never the password: the address typed, where from, and which lock this failure started. */
async function logFailure(
  email: string,
  clientAddress: string,
  userId: string | null,
  filled: Limit[],
) {
  const data = { email, clientAddress };
  await logEvent({ kind: "user.sign_in_failed", subjectId: userId, data });
  for (const limit of filled) {
    await logEvent({
      kind: "user.sign_in_locked",
      subjectId: limit.scope === "account" ? userId : null,
      data: { ...data, scope: limit.scope, minutes: limit.windowMs / 60_000 },
    });
  }
}
