import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { catalogueUrl, copyFor } from "./catalogues.server";
import { LanguageProvider } from "./index";
import type { Locale } from "./locale";

/** A component's markup as a page in `locale` renders it. */
export function renderInLanguage(element: ReactElement, locale: Locale = "en"): string {
  const value = { locale, copy: copyFor(locale), catalogueUrl: catalogueUrl(locale) };
  return renderToStaticMarkup(<LanguageProvider value={value}>{element}</LanguageProvider>);
}
