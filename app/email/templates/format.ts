import type { Copy } from "~/i18n/copy";
import { formatTag, type Locale } from "~/i18n/locale";

// Dates in e-mails: in the recipient's language, spelled out so they are unambiguous for every
// country ("22 November 2026", "22 ноября 2026 г."), and in UTC so the same deadline reads the
// same everywhere; the portal stores and compares times in UTC. No server-only import: a page
// (the bulk invitations' round deadline) formats with it too.

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(
  formats: Map<Locale, Intl.DateTimeFormat>,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(formatTag(locale), options);
    formats.set(locale, format);
  }
  return format;
}

/** "22 November 2026", "22 novembre 2026", "2026年11月22日" */
export function formatDate(date: Date, locale: Locale): string {
  return cached(dateFormats, locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/**
 * "22 November 2026 at 14:05 UTC", "22 ноября 2026 г. в 14:05 UTC": the language joins the date
 * and the time, and names the zone (dateStyle cannot be combined with timeZoneName, hence the
 * fields). A 24-hour clock in every language, as the UN writes times.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  return cached(dateTimeFormats, locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(date);
}

/**
 * How long until `date`, rounded, in the copy's language, for "this link expires in 7 days" /
 * "in 1 hour". Derived from the expiry itself so the sentence stays true if the validity period
 * changes.
 */
export function timeUntil(date: Date, copy: Copy, now: Date = new Date()): string {
  const hours = Math.max(1, Math.round((date.getTime() - now.getTime()) / 3_600_000));
  if (hours < 24) return copy.email.timeUntil.hours({ hours });
  return copy.email.timeUntil.days({ days: Math.round(hours / 24) });
}
