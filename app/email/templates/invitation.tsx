import { ActionButton, Paragraph } from "./components";
import { formatDate, timeUntil } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type InvitationEmailProps = {
  inviteeEmail: string;
  roleLabel: string;
  /** The countries the invitee will answer for; empty for roles that are not per country. */
  countryNames: string[];
  inviterName: string;
  link: string;
  expiresAt: Date;
  /** The round the invitee is asked to answer, for focal points: named with its deadline. */
  round?: { name: string; deadline: Date | null };
};

const subject = "You are invited to the MSQ Portal";

export function InvitationEmail(props: InvitationEmailProps) {
  const countriesLabel = props.countryNames.length === 1 ? "Country" : "Countries";
  return (
    <EmailLayout
      title={subject}
      preview={`${props.inviterName} invited you as ${props.roleLabel}.`}
    >
      <Paragraph>
        {props.inviterName} invited you ({props.inviteeEmail}) to the MSQ Portal, where Member
        States answer the Member States Questionnaire of the United Nations E-Government Survey.
      </Paragraph>
      <Paragraph>
        Role: {props.roleLabel}
        {props.countryNames.length > 0 && (
          <>
            <br />
            {countriesLabel}: {props.countryNames.join(", ")}
          </>
        )}
        {props.round && (
          <>
            <br />
            Round: {props.round.name}
            <br />
            Deadline: {props.round.deadline ? formatDate(props.round.deadline) : "none set yet"}
          </>
        )}
      </Paragraph>
      <Paragraph>
        Use the link below to set your name and password. It expires in {timeUntil(props.expiresAt)}
        , on {formatDate(props.expiresAt)}, and can be used only once.
      </Paragraph>
      <ActionButton href={props.link} label="Set your name and password" />
      <Paragraph style={{ marginTop: "24px" }}>
        If you did not expect this invitation, you can ignore this e-mail.
      </Paragraph>
    </EmailLayout>
  );
}

export function invitationEmail(props: InvitationEmailProps): Promise<RenderedEmail> {
  return renderEmail(subject, <InvitationEmail {...props} />);
}
