import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, MultilineText, Paragraph, Subheading } from "./components";
import { formatDateTime } from "./format";
import { colors, EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SubmissionConfirmationEmailProps = {
  locale: Locale;
  countryName: string;
  roundName: string;
  submittedByName: string;
  submittedAt: Date;
  /** The focal point's answer to the publication question; null when left unanswered. */
  authorizePublication: boolean | null;
  /** The answers as the reviewer sees them, in `locale`: questions and displayed values. */
  sections: { title: string; answers: { question: string; answer: string }[] }[];
  link: string;
};

const styles = {
  question: { fontWeight: 700, margin: "0 0 4px" },
  notAnswered: { color: colors.muted, fontStyle: "italic" },
} as const;

export function SubmissionConfirmationEmail(props: SubmissionConfirmationEmailProps) {
  const { locale, authorizePublication } = props;
  const t = copyFor(locale).email.submissionConfirmation;
  const names = { country: props.countryName, round: props.roundName };
  return (
    <EmailLayout locale={locale} title={t.title} preview={t.preview(names)}>
      <Paragraph>
        {t.intro({
          ...names,
          name: props.submittedByName,
          when: formatDateTime(props.submittedAt, locale),
        })}
      </Paragraph>
      <Paragraph>
        {authorizePublication === null
          ? t.publicationUnanswered
          : authorizePublication
            ? t.publicationYes
            : t.publicationNo}
      </Paragraph>
      <Paragraph>{t.link}</Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
      <Subheading>{t.summary}</Subheading>
      {props.sections.map((section, sectionIndex) => (
        <div key={sectionIndex}>
          <Subheading level={3}>{section.title}</Subheading>
          {section.answers.map((item, answerIndex) => (
            <div key={answerIndex}>
              <Paragraph style={styles.question}>{item.question}</Paragraph>
              {item.answer.trim() === "" ? (
                <Paragraph style={styles.notAnswered}>{t.notAnswered}</Paragraph>
              ) : (
                <MultilineText text={item.answer} />
              )}
            </div>
          ))}
        </div>
      ))}
    </EmailLayout>
  );
}

export function submissionConfirmationEmail(
  props: SubmissionConfirmationEmailProps,
): Promise<RenderedEmail> {
  const subject = copyFor(props.locale).email.submissionConfirmation.subject({
    country: props.countryName,
    round: props.roundName,
  });
  return renderEmail(subject, <SubmissionConfirmationEmail {...props} />);
}
