import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph } from "./components";
import { formatDateTime, timeUntil } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type PasswordResetEmailProps = { locale: Locale; link: string; expiresAt: Date };

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const { locale } = props;
  const copy = copyFor(locale);
  const t = copy.email.passwordReset;
  return (
    <EmailLayout locale={locale} title={t.title} preview={t.preview}>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>
        {t.link({
          duration: timeUntil(props.expiresAt, copy),
          date: formatDateTime(props.expiresAt, locale),
        })}
      </Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
      <Paragraph style={{ marginTop: "24px" }}>{t.ignore}</Paragraph>
    </EmailLayout>
  );
}

export function passwordResetEmail(props: PasswordResetEmailProps): Promise<RenderedEmail> {
  return renderEmail(
    copyFor(props.locale).email.passwordReset.subject,
    <PasswordResetEmail {...props} />,
  );
}
