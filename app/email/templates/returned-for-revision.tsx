import { ActionButton, Paragraph, Quote, Subheading } from "./components";
import { formatDate } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type ReturnedForRevisionEmailProps = {
  countryName: string;
  roundName: string;
  reviewerName: string;
  /** The reviewer's message, as typed. */
  message: string;
  link: string;
  deadline: Date | null;
  /** The reviewer's comments on single questions, each with a link to its question. */
  comments: { question: string; body: string; link: string }[];
};

export function ReturnedForRevisionEmail(props: ReturnedForRevisionEmailProps) {
  return (
    <EmailLayout
      title="Your response was returned for revision"
      preview={`UN DESA returned the response of ${props.countryName} for revision.`}
    >
      <Paragraph>
        {props.reviewerName} of UN DESA returned the response of {props.countryName} for{" "}
        {props.roundName} for revision, with this message:
      </Paragraph>
      <Quote text={props.message} />
      <Paragraph>
        {props.deadline
          ? `Please revise the response and submit it again by ${formatDate(props.deadline)}.`
          : "Please revise the response and submit it again."}{" "}
        It is open for editing at the link below.
      </Paragraph>
      <ActionButton href={props.link} label="Open the response" />
      {props.comments.length > 0 ? (
        <>
          <Subheading>
            {props.comments.length === 1
              ? "A comment on one question"
              : `Comments on ${props.comments.length} questions`}
          </Subheading>
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
  const subject = `Response returned for revision: ${props.countryName}, ${props.roundName}`;
  return renderEmail(subject, <ReturnedForRevisionEmail {...props} />);
}
