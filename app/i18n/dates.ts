import { formatTag, type Locale } from "./locale";

// Dates for people to read, in a language's own way ("22 November 2026", "22 novembre 2026",
// "2026年11月22日"), always in UTC so that the server, every browser and every exported file
// agree. Machine fields (export columns, JSON, `<time dateTime>`) stay ISO 8601.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(formatTag(locale), {
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: "UTC",
    });
    formatters.set(key, found);
  }
  return found;
}

/** A day: an ISO date ("2026-03-30") or timestamp, e.g. "30 March 2026", "30 mars 2026". */
export function formatDay(iso: string, locale: Locale): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return formatter(locale, false).format(date);
}

/** A moment, to the minute, in UTC: "22 November 2026 at 12:00", "22 novembre 2026 à 12:00". */
export function formatUtcDateTime(date: Date, locale: Locale): string {
  return formatter(locale, true).format(date);
}
