import { useCopy } from "~/i18n";

/** What an expired, used or unknown one-time link (invitation, password reset) shows. */
export function InvalidLinkNotice() {
  const copy = useCopy();
  return (
    <section className="prose">
      <h1>{copy.invitation.invalidTitle}</h1>
      <p>{copy.invitation.invalidText}</p>
    </section>
  );
}
