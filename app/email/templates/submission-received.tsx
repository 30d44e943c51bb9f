import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph } from "./components";
import { formatDateTime } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SubmissionReceivedEmailProps = {
  locale: Locale;
  countryName: string;
  roundName: string;
  submittedAt: Date;
  link: string;
};

export function SubmissionReceivedEmail(props: SubmissionReceivedEmailProps) {
  const { locale } = props;
  const t = copyFor(locale).email.submissionReceived;
  const names = { country: props.countryName, round: props.roundName };
  return (
    <EmailLayout locale={locale} title={t.title} preview={t.preview(names)}>
      <Paragraph>
        {t.intro({ ...names, when: formatDateTime(props.submittedAt, locale) })}
      </Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
    </EmailLayout>
  );
}

export function submissionReceivedEmail(
  props: SubmissionReceivedEmailProps,
): Promise<RenderedEmail> {
  const subject = copyFor(props.locale).email.submissionReceived.subject({
    country: props.countryName,
    round: props.roundName,
  });
  return renderEmail(subject, <SubmissionReceivedEmail {...props} />);
}
