import { runAfterResponse } from "~/email/after-response.server";
import { deliverNow } from "~/email/outbox-sender.server";
import { prisma } from "~/db.server";
import { queuePasswordReset } from "~/models/account-emails.server";
import { logEvent } from "~/models/event.server";
import { type Locale, savedLocale } from "~/i18n/locale";
import { findActiveUserByEmail } from "~/models/user.server";
import { countAttempt, type Limit, passwordResetLimits } from "./rate-limit.server";
import { normaliseEmail } from "./sign-in.server";
import { issueTokenIn } from "./tokens.server";

export type PasswordResetRequest =
  | { ok: true; /** Resolves when the link is sent (or the failure logged). */ done: Promise<void> }
  | { ok: false; retryAfterMs: number };

/**
 * "Send me a reset link". The answer must not tell whether the address has an account: the
 * throttle (per address and per client, counted the same for every address) is the only work
 * done before answering; looking the account up, the token and the e-mail come after, so the
 * answer takes the same time and stays the same when the mail server is down. A throttled
 * request changes nothing, so the last link sent keeps working.
 */
export async function requestPasswordReset(input: {
  email: string;
  clientAddress: string;
  /** The language of the page it was asked on: the e-mail's when the user has not chosen one. */
  pageLocale?: Locale;
  /** The request's hook for work after its response (the load context's); else the next tick. */
  afterResponse?: (work: () => void) => void;
}): Promise<PasswordResetRequest> {
  const email = normaliseEmail(input.email);
  const attempt = await countAttempt(passwordResetLimits(email, input.clientAddress));
  if (!attempt.allowed) return { ok: false, retryAfterMs: attempt.retryAfterMs };
  const done = runAfterResponse(
    "Password reset e-mail",
    () => sendResetLink(email, input.clientAddress, attempt.filled, input.pageLocale),
    input.afterResponse,
  );
  return { ok: true, done };
}

async function sendResetLink(
  email: string,
  clientAddress: string,
  filled: Limit[],
  pageLocale?: Locale,
) {
  const user = await findActiveUserByEmail(email);
  const data = { email, clientAddress, account: !!user };
  await logEvent({ kind: "user.password_reset_requested", subjectId: user?.id ?? null, data });
  for (const limit of filled) {
    await logEvent({
      kind: "user.password_reset_locked",
      subjectId: limit.scope === "account" ? (user?.id ?? null) : null,
      data: { ...data, scope: limit.scope, minutes: limit.windowMs / 60_000 },
    });
  }
  if (!user) return;
  // Voids the previous reset link: at most one works at a time. The link and its e-mail are
  // saved together: no link nobody was sent, no e-mail whose link was never saved.
  const emailId = await prisma.$transaction(async (tx) => {
    const { token, expiresAt } = await issueTokenIn(tx, user.id, "PASSWORD_RESET");
    const locale = savedLocale(user.locale, pageLocale);
    return queuePasswordReset(tx, { email: user.email, locale, token, expiresAt });
  });
  await deliverNow([emailId]);
}
