import { type Locale, savedLocale } from "~/i18n/locale";

// When one event mails several people (a submission, a return, a reminder), each gets it in
// their own language: one message is rendered per language and sent to that language's people.

export type Recipient = { email: string; locale: string | null };

/** The recipients' addresses by language (a user without a saved language reads English). */
export function byLanguage(recipients: Recipient[]): Map<Locale, string[]> {
  const groups = new Map<Locale, string[]>();
  for (const { email, locale } of recipients) {
    const language = savedLocale(locale);
    groups.set(language, [...(groups.get(language) ?? []), email]);
  }
  return groups;
}
