import { readFileSync } from "node:fs";
import { buildCopy, type Catalogue } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";

// The copy of a language as the portal builds it, read from its catalogue (the portal's own
// module imports JSON, which Playwright's loader does not take without an import attribute).
export function copyFor(locale: Locale) {
  const file = new URL(`../../../app/i18n/catalogues/${locale}.json`, import.meta.url);
  return buildCopy(locale, JSON.parse(readFileSync(file, "utf8")) as Catalogue);
}
