import { createHash } from "node:crypto";
import ar from "./catalogues/ar.json";
import en from "./catalogues/en.json";
import es from "./catalogues/es.json";
import fr from "./catalogues/fr.json";
import ru from "./catalogues/ru.json";
import zh from "./catalogues/zh.json";
import { buildCopy, type Catalogue, type Copy } from "./copy";
import { locales, type Locale } from "./locale";

// Every language's catalogue, on the server. The browser gets only its page's language, as a
// file named by its content's hash (`/i18n/fr.3f2a….json`), cached for good.

const catalogues: Record<Locale, Catalogue> = { ar, zh, en, fr, ru, es };

const copies = new Map<Locale, Copy>();

/** The copy of `locale`, built once per process. */
export function copyFor(locale: Locale): Copy {
  let copy = copies.get(locale);
  if (!copy) {
    copy = buildCopy(locale, catalogues[locale]);
    copies.set(locale, copy);
  }
  return copy;
}

const files = new Map(
  locales.map((locale) => {
    const body = JSON.stringify(catalogues[locale]);
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    return [locale, { name: `${locale}.${hash}.json`, body }] as const;
  }),
);

/** The address of `locale`'s catalogue for the browser. */
export function catalogueUrl(locale: Locale): string {
  return `/i18n/${files.get(locale)!.name}`;
}

/** The catalogue served under `name`, if `name` is a current catalogue's file name. */
export function catalogueFile(name: string): string | null {
  for (const file of files.values()) if (file.name === name) return file.body;
  return null;
}
