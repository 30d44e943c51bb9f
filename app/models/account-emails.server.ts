import { byCountryName, countryName } from "~/countries";
import { absoluteUrl } from "~/email/links.server";
import { enqueueEmail, type OutboxDb } from "~/email/outbox.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import type { Role } from "~/generated/prisma/enums";
import { invitationEmail } from "~/email/templates/invitation";
import { passwordChangedEmail } from "~/email/templates/password-changed";
import { passwordResetEmail } from "~/email/templates/password-reset";

// The e-mails of the account pages: what they say is in email/templates/, where the links go is
// here. Each goes out in its recipient's language (`locale`), which the caller decides. Each is
// queued in the outbox with `db`, the caller's transaction (the link's token is in it too);
// the caller hands the returned id to `deliverNow` once it has committed.

type InvitationInput = {
  email: string;
  /** The invitee's language: the one chosen on the invitation (saved on the account). */
  locale: Locale;
  role: Role;
  countries: string[];
  token: string;
  expiresAt: Date;
  inviterName: string;
  /** For focal points: the round they are invited to answer, named with its deadline. */
  round?: { name: string; deadline: Date | null };
};

export async function queueInvitation(db: OutboxDb, input: InvitationInput): Promise<string> {
  return enqueueEmail(db, "invitation", {
    to: input.email,
    ...(await invitationMessage(db, input)),
  });
}

async function invitationMessage(db: OutboxDb, input: InvitationInput) {
  const countries = await db.country.findMany({
    where: { code: { in: input.countries } },
    select: { code: true },
  });
  const codes = countries.map((c) => c.code).sort(byCountryName(input.locale));
  return invitationEmail({
    locale: input.locale,
    inviteeEmail: input.email,
    roleLabel: copyFor(input.locale).roles[input.role],
    countryNames: codes.map((code) => countryName(code, input.locale)),
    inviterName: input.inviterName,
    link: absoluteUrl(`/invitation/${input.token}?lang=${input.locale}`),
    expiresAt: input.expiresAt,
    round: input.round,
  });
}

export async function queuePasswordReset(
  db: OutboxDb,
  input: {
    email: string;
    locale: Locale;
    token: string;
    expiresAt: Date;
  },
): Promise<string> {
  const message = await passwordResetEmail({
    locale: input.locale,
    link: absoluteUrl(`/reset-password/${input.token}?lang=${input.locale}`),
    expiresAt: input.expiresAt,
  });
  return enqueueEmail(db, "password-reset", { to: input.email, ...message });
}

export async function queuePasswordChanged(
  db: OutboxDb,
  input: {
    email: string;
    locale: Locale;
    changedAt: Date;
    firstPassword: boolean;
  },
): Promise<string> {
  const message = await passwordChangedEmail({
    ...input,
    forgotLink: absoluteUrl(`/forgot-password?lang=${input.locale}`),
  });
  return enqueueEmail(db, "password-changed", { to: input.email, ...message });
}
