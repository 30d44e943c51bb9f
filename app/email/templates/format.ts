// Dates in e-mails: English, unambiguous for every country ("22 November 2026"), and in UTC so
// the same deadline reads the same everywhere; the portal stores and compares times in UTC.

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "22 November 2026" */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "22 November 2026, 14:05 UTC" */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ${timeFormat.format(date)} UTC`;
}

/**
 * How long until `date`, rounded, for "this link expires in 7 days" / "in 1 hour". Derived
 * from the expiry itself so the sentence stays true if the validity period changes.
 */
export function timeUntil(date: Date, now: Date = new Date()): string {
  const hours = Math.max(1, Math.round((date.getTime() - now.getTime()) / 3_600_000));
  if (hours < 24) return hours === 1 ? "1 hour" : `${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}
