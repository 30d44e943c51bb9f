import { logEvent } from "~/models/event.server";
import { endSessionById, startSession } from "./session.server";
import { checkSecondFactor } from "./totp.server";

// The second step of signing in: the code is checked (rate limited, accepted once); on success
// the half session is replaced by a new one marked as having passed it (a new id when the
// session gains its rights, as at every sign-in).

export type SecondStepResult =
  | { ok: true; cookie: string; recoveryCodesLeft: number; method: "app" | "recovery_code" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

export async function passSecondStep(input: {
  userId: string;
  sessionId: string;
  code: string;
  clientAddress: string;
}): Promise<SecondStepResult> {
  const check = await checkSecondFactor(input.userId, input.code);
  if (!check.ok) {
    if (check.reason === "invalid")
      await logEvent({
        kind: "user.second_factor_failed",
        subjectId: input.userId,
        data: { clientAddress: input.clientAddress },
      });
    return check;
  }
  await endSessionById(input.sessionId);
  const cookie = await startSession(input.userId, { secondFactorAt: new Date() });
  await logEvent({
    kind: "user.signed_in",
    actorId: input.userId,
    subjectId: input.userId,
    data: { secondFactor: check.method },
  });
  return { ok: true, cookie, recoveryCodesLeft: check.recoveryCodesLeft, method: check.method };
}
