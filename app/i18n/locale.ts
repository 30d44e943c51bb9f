// The six UN languages. Only English copy exists today; the layout already follows the
// language's direction (Arabic is right-to-left) and CSS uses logical properties throughout.
export const locales = ["en", "fr", "es", "ru", "zh", "ar"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}
