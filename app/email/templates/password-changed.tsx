import { en } from "~/i18n/en";
import { ActionButton, Paragraph } from "./components";
import { formatDateTime } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type PasswordChangedEmailProps = {
  email: string;
  changedAt: Date;
  /** The first password, chosen through an invitation (not a change). */
  firstPassword: boolean;
  /** Where to ask for a reset link: the way back if this was not the owner. */
  forgotLink: string;
};

const copy = en.passwordChangedEmail;

// Tells the owner of an account that its password was set, so someone who took over the
// account through a stolen reset or invitation link does not go unnoticed.
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const when = formatDateTime(props.changedAt);
  return (
    <EmailLayout
      title={props.firstPassword ? copy.subjectFirst : copy.subject}
      preview={copy.preview}
    >
      <Paragraph>
        {props.firstPassword ? copy.set(props.email, when) : copy.changed(props.email, when)}
      </Paragraph>
      <Paragraph>{copy.sessions}</Paragraph>
      <Paragraph>{copy.notYou}</Paragraph>
      <ActionButton href={props.forgotLink} label={copy.action} />
    </EmailLayout>
  );
}

export function passwordChangedEmail(props: PasswordChangedEmailProps): Promise<RenderedEmail> {
  return renderEmail(
    props.firstPassword ? copy.subjectFirst : copy.subject,
    <PasswordChangedEmail {...props} />,
  );
}
