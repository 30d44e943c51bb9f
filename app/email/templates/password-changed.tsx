import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph } from "./components";
import { formatDateTime } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type PasswordChangedEmailProps = {
  locale: Locale;
  email: string;
  changedAt: Date;
  /** The first password, chosen through an invitation (not a change). */
  firstPassword: boolean;
  /** Where to ask for a reset link: the way back if this was not the owner. */
  forgotLink: string;
};

const subjectOf = (props: PasswordChangedEmailProps) => {
  const t = copyFor(props.locale).email.passwordChanged;
  return props.firstPassword ? t.subjectFirst : t.subject;
};

// Tells the owner of an account that its password was set, so someone who took over the
// account through a stolen reset or invitation link does not go unnoticed.
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const { locale } = props;
  const t = copyFor(locale).email.passwordChanged;
  const values = { email: props.email, when: formatDateTime(props.changedAt, locale) };
  return (
    <EmailLayout locale={locale} title={subjectOf(props)} preview={t.preview}>
      <Paragraph>{props.firstPassword ? t.set(values) : t.changed(values)}</Paragraph>
      <Paragraph>{t.sessions}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
      <ActionButton href={props.forgotLink} label={t.action} locale={locale} />
    </EmailLayout>
  );
}

export function passwordChangedEmail(props: PasswordChangedEmailProps): Promise<RenderedEmail> {
  return renderEmail(subjectOf(props), <PasswordChangedEmail {...props} />);
}
