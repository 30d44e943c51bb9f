import { endAllSessions } from "~/auth/session.server";
import { confirmEnrolment, removeSecondFactor, type ConfirmResult } from "~/auth/totp.server";
import { prisma } from "~/db.server";
import { absoluteUrl } from "~/email/links.server";
import { enqueueEmail } from "~/email/outbox.server";
import { deliverNow } from "~/email/outbox-sender.server";
import { secondFactorResetEmail } from "~/email/templates/second-factor-reset";
import { isLocale, type Locale } from "~/i18n/locale";
import { logEvent } from "./event.server";

// A person's second factor as the account and administrators' pages change it: each change is
// in the event log; an administrator's reset is also told to the person by e-mail.

export async function secondFactorStatus(userId: string) {
  const [user, recoveryLeft] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user?.totpEnabledAt ?? null, recoveryLeft };
}

export async function enrolSecondFactor(
  user: { id: string },
  sealed: string,
  code: string,
): Promise<ConfirmResult> {
  const result = await confirmEnrolment(user, sealed, code);
  if (result.ok)
    await logEvent({ kind: "user.second_factor_enrolled", actorId: user.id, subjectId: user.id });
  return result;
}

/** The person's own choice: refused to staff while administrators require a second factor. */
export async function turnOffSecondFactor(userId: string): Promise<void> {
  await removeSecondFactor(userId);
  await logEvent({ kind: "user.second_factor_removed", actorId: userId, subjectId: userId });
}

/**
 * An administrator's reset, for someone who lost their phone and recovery codes: the second
 * factor is removed, every session of the person ends, and they are told by e-mail.
 */
export async function resetSecondFactor(
  admin: { id: string; name: string | null; email: string },
  userId: string,
): Promise<{ email: string } | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, locale: true, totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt) return null;
  const resetAt = new Date();
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const message = await secondFactorResetEmail({
    locale,
    email: user.email,
    admin: admin.name ?? admin.email,
    resetAt,
    signInLink: absoluteUrl(`/sign-in?lang=${locale}`),
  });
  // The reset and the message that tells of it are one transaction (the outbox, decision 022).
  const queued = await prisma.$transaction(async (tx) => {
    await removeSecondFactor(userId, tx);
    return enqueueEmail(tx, "second-factor-reset", { to: user.email, ...message });
  });
  await endAllSessions(userId);
  await logEvent({ kind: "user.second_factor_reset", actorId: admin.id, subjectId: userId });
  await deliverNow([queued]);
  return { email: user.email };
}
