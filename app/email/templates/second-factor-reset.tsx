import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph } from "./components";
import { formatDateTime } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SecondFactorResetEmailProps = {
  locale: Locale;
  email: string;
  /** The administrator who reset it, by name or address. */
  admin: string;
  resetAt: Date;
  signInLink: string;
};

// Tells the owner that an administrator removed their second factor: a reset someone asked for
// under a false name does not go unnoticed.
export function SecondFactorResetEmail(props: SecondFactorResetEmailProps) {
  const { locale } = props;
  const t = copyFor(locale).email.secondFactorReset;
  const when = formatDateTime(props.resetAt, locale);
  return (
    <EmailLayout locale={locale} title={t.subject} preview={t.preview}>
      <Paragraph>{t.body({ admin: props.admin, email: props.email, when })}</Paragraph>
      <Paragraph>{t.next}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
      <ActionButton href={props.signInLink} label={t.action} locale={locale} />
    </EmailLayout>
  );
}

export function secondFactorResetEmail(props: SecondFactorResetEmailProps): Promise<RenderedEmail> {
  return renderEmail(
    copyFor(props.locale).email.secondFactorReset.subject,
    <SecondFactorResetEmail {...props} />,
  );
}
