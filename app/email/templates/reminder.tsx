import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph, Quote } from "./components";
import { formatDate } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type ReminderEmailProps = {
  locale: Locale;
  countryName: string;
  roundName: string;
  /** The response's status as the portal shows it in `locale`, e.g. "Draft". */
  status: string;
  deadline: Date | null;
  link: string;
  /** An optional note from UN DESA, as typed. */
  message?: string;
};

export function ReminderEmail(props: ReminderEmailProps) {
  const { locale } = props;
  const t = copyFor(locale).email.reminder;
  const names = { country: props.countryName, round: props.roundName };
  const deadline = props.deadline ? formatDate(props.deadline, locale) : null;
  return (
    <EmailLayout
      locale={locale}
      title={t.title}
      preview={deadline ? t.preview({ ...names, deadline }) : t.previewNoDeadline(names)}
    >
      <Paragraph>{t.intro(names)}</Paragraph>
      <Paragraph>
        {t.status({ status: props.status })}
        {deadline && (
          <>
            <br />
            {t.deadline({ date: deadline })}
          </>
        )}
      </Paragraph>
      {props.message && props.message.trim() !== "" && (
        <>
          <Paragraph>{t.messageFrom}</Paragraph>
          <Quote text={props.message} />
        </>
      )}
      <Paragraph>{t.link}</Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
    </EmailLayout>
  );
}

export function reminderEmail(props: ReminderEmailProps): Promise<RenderedEmail> {
  const subject = copyFor(props.locale).email.reminder.subject({
    country: props.countryName,
    round: props.roundName,
  });
  return renderEmail(subject, <ReminderEmail {...props} />);
}
