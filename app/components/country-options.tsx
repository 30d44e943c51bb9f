import { countryName, memberStatesByName } from "~/countries";
import { useLocale } from "~/i18n";

/**
 * The 193 Member States as the options of a select, named and ordered in the page's language.
 * The names and their order are committed data (app/countries/names.ts), not the browser's
 * Intl: the server's page and the hydrated one are the same.
 */
export function CountryOptions() {
  const locale = useLocale();
  return (
    <>
      {memberStatesByName(locale).map((state) => (
        <option key={state.code} value={state.code}>
          {countryName(state.code, locale)}
        </option>
      ))}
    </>
  );
}
