import { prisma } from "~/db.server";
import { logEvent } from "~/models/event.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { clearFailures, recordFailure, retryAfter, signInLimits } from "./rate-limit.server";
import { startSession } from "./session.server";

export type SignInResult =
  | { ok: true; userId: string; cookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks the rate limits first (a locked account stays locked even for the right password),
 * then the password. An unknown address, a deactivated account and a wrong password give the
 * same answer and take the same time.
 */
export async function signIn(input: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const limits = signInLimits(email, input.clientAddress);
  const wait = await retryAfter(limits);
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterMs: wait };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const hash = user?.passwordHash && user.active ? user.passwordHash : await dummyPasswordHash();
  const passwordMatches = await verifyPassword(hash, input.password);
  if (!user || !user.active || !user.passwordHash || !passwordMatches) {
    await recordFailure(limits);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(limits[0]!.key);
  const cookie = await startSession(user.id);
  await logEvent({ kind: "user.signed_in", actorId: user.id, subjectId: user.id });
  return { ok: true, userId: user.id, cookie };
}
