import { copyFor } from "~/i18n/catalogues.server";
import { formatList } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import { ActionButton, Paragraph } from "./components";
import { formatDate, timeUntil } from "./format";
import { EmailLayout } from "./layout";
import { type RenderedEmail, renderEmail } from "./render";

export type InvitationEmailProps = {
  /** The invitee's language: the one chosen on the invitation, else English. */
  locale: Locale;
  inviteeEmail: string;
  /** The role's name in the invitee's language. */
  roleLabel: string;
  /** The countries the invitee will answer for; empty for roles that are not per country. */
  countryNames: string[];
  inviterName: string;
  link: string;
  expiresAt: Date;
  /** The round the invitee is asked to answer, for focal points: named with its deadline. */
  round?: { name: string; deadline: Date | null };
};

export function InvitationEmail(props: InvitationEmailProps) {
  const { locale } = props;
  const copy = copyFor(locale);
  const t = copy.email.invitation;
  return (
    <EmailLayout
      locale={locale}
      title={t.subject}
      preview={t.preview({ inviter: props.inviterName, role: props.roleLabel })}
    >
      <Paragraph>{t.intro({ inviter: props.inviterName, email: props.inviteeEmail })}</Paragraph>
      <Paragraph>
        {t.role({ role: props.roleLabel })}
        {props.countryNames.length > 0 && (
          <>
            <br />
            {t.countries({
              count: props.countryNames.length,
              names: formatList(locale, props.countryNames),
            })}
          </>
        )}
        {props.round && (
          <>
            <br />
            {t.round({ round: props.round.name })}
            <br />
            {props.round.deadline
              ? t.deadline({ date: formatDate(props.round.deadline, locale) })
              : t.noDeadline}
          </>
        )}
      </Paragraph>
      <Paragraph>
        {t.link({
          duration: timeUntil(props.expiresAt, copy),
          date: formatDate(props.expiresAt, locale),
        })}
      </Paragraph>
      <ActionButton href={props.link} label={t.action} locale={locale} />
      <Paragraph style={{ marginTop: "24px" }}>{t.ignore}</Paragraph>
    </EmailLayout>
  );
}

export function invitationEmail(props: InvitationEmailProps): Promise<RenderedEmail> {
  return renderEmail(
    copyFor(props.locale).email.invitation.subject,
    <InvitationEmail {...props} />,
  );
}
