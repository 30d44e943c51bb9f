import { ActionButton, Paragraph } from "./components";
import { formatDateTime, timeUntil } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type PasswordResetEmailProps = { link: string; expiresAt: Date };

const subject = "Reset your MSQ Portal password";

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  return (
    <EmailLayout title="Reset your password" preview="A link to choose a new password.">
      <Paragraph>Someone, probably you, asked to reset the password of your account.</Paragraph>
      <Paragraph>
        Use the link below to choose a new password. It expires in {timeUntil(props.expiresAt)} (
        {formatDateTime(props.expiresAt)}) and can be used only once.
      </Paragraph>
      <ActionButton href={props.link} label="Choose a new password" />
      <Paragraph style={{ marginTop: "24px" }}>
        If you did not ask for this, ignore this e-mail; your password is unchanged.
      </Paragraph>
    </EmailLayout>
  );
}

export function passwordResetEmail(props: PasswordResetEmailProps): Promise<RenderedEmail> {
  return renderEmail(subject, <PasswordResetEmail {...props} />);
}
