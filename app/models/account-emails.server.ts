import { byCountryName, countryName } from "~/countries";
import { absoluteUrl } from "~/email/links.server";
import { sendEmail } from "~/email/send.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import type { Role } from "~/generated/prisma/enums";
import { invitationEmail } from "~/email/templates/invitation";
import { passwordChangedEmail } from "~/email/templates/password-changed";
import { passwordResetEmail } from "~/email/templates/password-reset";
import { prisma } from "~/db.server";

// The e-mails of the account pages: what they say is in email/templates/, where the links go is
// here. Each goes out in its recipient's language (`locale`), which the caller decides.

export async function sendInvitation(input: {
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
}) {
  const countries = await prisma.country.findMany({
    where: { code: { in: input.countries } },
    select: { code: true },
  });
  const codes = countries.map((c) => c.code).sort(byCountryName(input.locale));
  const message = await invitationEmail({
    locale: input.locale,
    inviteeEmail: input.email,
    roleLabel: copyFor(input.locale).roles[input.role],
    countryNames: codes.map((code) => countryName(code, input.locale)),
    inviterName: input.inviterName,
    link: absoluteUrl(`/invitation/${input.token}?lang=${input.locale}`),
    expiresAt: input.expiresAt,
    round: input.round,
  });
  await sendEmail({ to: input.email, ...message });
}

export async function sendPasswordReset(input: {
  email: string;
  locale: Locale;
  token: string;
  expiresAt: Date;
}) {
  const message = await passwordResetEmail({
    locale: input.locale,
    link: absoluteUrl(`/reset-password/${input.token}?lang=${input.locale}`),
    expiresAt: input.expiresAt,
  });
  await sendEmail({ to: input.email, ...message });
}

export async function sendPasswordChanged(input: {
  email: string;
  locale: Locale;
  changedAt: Date;
  firstPassword: boolean;
}) {
  const message = await passwordChangedEmail({
    ...input,
    forgotLink: absoluteUrl(`/forgot-password?lang=${input.locale}`),
  });
  await sendEmail({ to: input.email, ...message });
}
