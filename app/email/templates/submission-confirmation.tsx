import { ActionButton, MultilineText, Paragraph, Subheading } from "./components";
import { formatDateTime } from "./format";
import { colors, EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SubmissionConfirmationEmailProps = {
  countryName: string;
  roundName: string;
  submittedByName: string;
  submittedAt: Date;
  /** The focal point's answer to the publication question; null when left unanswered. */
  authorizePublication: boolean | null;
  /** The answers as the reviewer sees them: question texts and display values, by section. */
  sections: { title: string; answers: { question: string; answer: string }[] }[];
  link: string;
};

const publication = {
  yes: "Publication: authorised. UN DESA may publish this response.",
  no: "Publication: not authorised.",
  unanswered: "Publication: not answered.",
};

const styles = {
  question: { fontWeight: 700, margin: "0 0 4px" },
  notAnswered: { color: colors.muted, fontStyle: "italic" },
} as const;

export function SubmissionConfirmationEmail(props: SubmissionConfirmationEmailProps) {
  const { authorizePublication } = props;
  return (
    <EmailLayout
      title="Your country's response was submitted"
      preview={`${props.countryName} submitted its response for ${props.roundName}.`}
    >
      <Paragraph>
        The response of {props.countryName} for {props.roundName} was submitted by{" "}
        {props.submittedByName} on {formatDateTime(props.submittedAt)}. UN DESA will now review it.
      </Paragraph>
      <Paragraph>
        {authorizePublication === null
          ? publication.unanswered
          : authorizePublication
            ? publication.yes
            : publication.no}
      </Paragraph>
      <Paragraph>The response, as submitted, is at the link below.</Paragraph>
      <ActionButton href={props.link} label="View the response" />
      <Subheading>Summary of the answers</Subheading>
      {props.sections.map((section, sectionIndex) => (
        <div key={sectionIndex}>
          <Subheading level={3}>{section.title}</Subheading>
          {section.answers.map((item, answerIndex) => (
            <div key={answerIndex}>
              <Paragraph style={styles.question}>{item.question}</Paragraph>
              {item.answer.trim() === "" ? (
                <Paragraph style={styles.notAnswered}>Not answered</Paragraph>
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
  const subject = `Response submitted: ${props.countryName}, ${props.roundName}`;
  return renderEmail(subject, <SubmissionConfirmationEmail {...props} />);
}
