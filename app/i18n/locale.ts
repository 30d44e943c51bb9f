// The six UN languages, by their short codes (what users, files and the database name).
export const locales = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

/** Each language's name in itself, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * A saved language (User.locale, an invitation line's language) as one of the six: `fallback`
 * when none was saved or it is not one of them (e-mails: the page's language, else English).
 */
export function savedLocale(value: string | null | undefined, fallback = defaultLocale): Locale {
  return isLocale(value) ? value : fallback;
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** The BCP 47 tag for `lang` and Intl: Chinese is written in Simplified characters. */
export function languageTag(locale: Locale): string {
  return locale === "zh" ? "zh-Hans" : locale;
}

/**
 * The tag Intl formats dates, numbers and lists with: English as the UN writes it ("22 November
 * 2026", no serial comma); Arabic with Western digits, CLDR's default, named so that the browser
 * and the server, whose ICU versions differ, print the same digits.
 */
export function formatTag(locale: Locale): string {
  if (locale === "en") return "en-GB";
  if (locale === "ar") return "ar-u-nu-latn";
  return languageTag(locale);
}

/**
 * The best of the six for an Accept-Language header (`fr-CH, fr;q=0.9, en;q=0.8`): the first
 * by quality whose primary language is one of them; English when none is. Linear in the header.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.split("-")[0]!.toLowerCase(), quality, index };
    })
    .filter((entry) => Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (
    (ranked.find((entry) => isLocale(entry.language))?.language as Locale | undefined) ??
    defaultLocale
  );
}
