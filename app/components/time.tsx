import { useLocale } from "~/i18n";
import { formatTag, type Locale } from "~/i18n/locale";

// Formatters are costly to create (a dashboard shows hundreds of times): made once per language.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      formatTag(locale),
      withDate ? { dateStyle: "medium", timeStyle: "short" } : { timeStyle: "short" },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A time as the page's language writes it ("14:05", "2 déc. 2026, 14:05"). */
export function formatLocalTime(locale: Locale, iso: string, withDate = false): string {
  return formatterFor(locale, withDate).format(new Date(iso));
}

/** A time in the reader's own time zone (the server cannot know it, hence the warning off). */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const locale = useLocale();
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatLocalTime(locale, iso, withDate)}
    </time>
  );
}
