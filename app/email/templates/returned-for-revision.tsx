import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph, Quote, Subheading } from "./components";
import { formatDate } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type ReturnedForRevisionEmailProps = {
  locale: Locale;
  countryName: string;
  roundName: string;
  reviewerName: string;
  /** The reviewer's message, as typed. */
  message: string;
  link: string;
  deadline: Date | null;
  /** The reviewer's comments on single questions, each with its question (in `locale`) and link. */
  comments: { question: string; body: string; link: string }[];
};

export function ReturnedForRevisionEmail(props: ReturnedForRevisionEmailProps) {
  const { locale } = props;
  const t = copyFor(locale).email.returnedForRevision;
  return (
    <EmailLayout
      locale={locale}
      title={t.title}
      preview={t.preview({ country: props.countryName })}
    >
      <Paragraph>
        {t.intro({
          reviewer: props.reviewerName,
          country: props.countryName,
          round: props.roundName,
        })}
      </Paragraph>
      <Quote text={props.message} />
      <Paragraph>
        {props.deadline ? t.reviseBy({ date: formatDate(props.deadline, locale) }) : t.revise}
      </Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
      {props.comments.length > 0 ? (
        <>
          <Subheading>{t.comments({ count: props.comments.length })}</Subheading>
          {props.comments.map((comment, i) => (
            <div key={i}>
              <Paragraph>
                <a href={comment.link}>{comment.question}</a>
              </Paragraph>
              <Quote text={comment.body} />
            </div>
          ))}
        </>
      ) : null}
    </EmailLayout>
  );
}

export function returnedForRevisionEmail(
  props: ReturnedForRevisionEmailProps,
): Promise<RenderedEmail> {
  const subject = copyFor(props.locale).email.returnedForRevision.subject({
    country: props.countryName,
    round: props.roundName,
  });
  return renderEmail(subject, <ReturnedForRevisionEmail {...props} />);
}
