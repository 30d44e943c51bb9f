import { useLocation } from "@remix-run/react";
import { useCopy, useLocale } from "~/i18n";
import { directionOf, languageTag, localeNames, locales } from "~/i18n/locale";

/**
 * The six UN languages, each named in itself. A plain form post (no client-side navigation): the
 * page comes back whole in the new language, with or without JavaScript.
 */
export function LanguageSwitcher() {
  const copy = useCopy().language;
  const locale = useLocale();
  const location = useLocation();
  return (
    <form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-choice">{copy.label}</label>
      <select id="language-choice" name="locale" defaultValue={locale}>
        {locales.map((option) => (
          <option key={option} value={option} lang={languageTag(option)} dir={directionOf(option)}>
            {localeNames[option]}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {copy.change}
      </button>
    </form>
  );
}
