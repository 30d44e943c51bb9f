import { ActionButton, Paragraph, Quote } from "./components";
import { formatDate } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type ReminderEmailProps = {
  countryName: string;
  roundName: string;
  /** The response's status as shown in the portal, e.g. "Draft". */
  status: string;
  deadline: Date | null;
  link: string;
  /** An optional note from UN DESA, as typed. */
  message?: string;
};

export function ReminderEmail(props: ReminderEmailProps) {
  const deadline = props.deadline ? formatDate(props.deadline) : null;
  return (
    <EmailLayout
      title="Reminder: Member States Questionnaire"
      preview={`The response of ${props.countryName} for ${props.roundName}${deadline ? ` is due by ${deadline}` : ""}.`}
    >
      <Paragraph>
        This is a reminder about the response of {props.countryName} to the Member States
        Questionnaire for {props.roundName}.
      </Paragraph>
      <Paragraph>
        Current status: {props.status}
        {deadline && (
          <>
            <br />
            Deadline: {deadline}
          </>
        )}
      </Paragraph>
      {props.message && props.message.trim() !== "" && (
        <>
          <Paragraph>Message from UN DESA:</Paragraph>
          <Quote text={props.message} />
        </>
      )}
      <Paragraph>The response is at the link below.</Paragraph>
      <ActionButton href={props.link} label="Open the response" />
    </EmailLayout>
  );
}

export function reminderEmail(props: ReminderEmailProps): Promise<RenderedEmail> {
  const subject = `Reminder: ${props.countryName}, ${props.roundName}`;
  return renderEmail(subject, <ReminderEmail {...props} />);
}
