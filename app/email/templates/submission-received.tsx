import { ActionButton, Paragraph } from "./components";
import { formatDateTime } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type SubmissionReceivedEmailProps = {
  countryName: string;
  roundName: string;
  submittedAt: Date;
  link: string;
};

export function SubmissionReceivedEmail(props: SubmissionReceivedEmailProps) {
  return (
    <EmailLayout
      title="A country submitted its response"
      preview={`${props.countryName} submitted its response for ${props.roundName}.`}
    >
      <Paragraph>
        {props.countryName} submitted its response for {props.roundName} on{" "}
        {formatDateTime(props.submittedAt)}. It is ready for review at the link below.
      </Paragraph>
      <ActionButton href={props.link} label="Review the response" />
    </EmailLayout>
  );
}

export function submissionReceivedEmail(
  props: SubmissionReceivedEmailProps,
): Promise<RenderedEmail> {
  const subject = `Submission to review: ${props.countryName}, ${props.roundName}`;
  return renderEmail(subject, <SubmissionReceivedEmail {...props} />);
}
