import type { AppLoadContext } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LanguageProvider } from "~/i18n";
import { catalogueUrl, copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";

// The server's half of kept markup (components/kept-markup.tsx): what a loader renders apart is
// given to this request's render instead of to its data, when the request is a document's.

/**
 * On a document request (the browser says so in `Sec-Fetch-Dest`, as every current browser
 * does), keeps each markup for this request's render and returns true: the loader leaves it out
 * of its data. Otherwise (a navigation in the browser, or a client that does not say) false: the
 * data carries it, and the page is as it was, only heavier.
 */
export function keepMarkup(
  request: Request,
  context: AppLoadContext,
  markup: Record<string, () => string>,
): boolean {
  const kept = context.keptMarkup;
  if (!kept || request.headers.get("Sec-Fetch-Dest") !== "document") return false;
  for (const [id, render] of Object.entries(markup)) kept.set(id, render());
  return true;
}

/** A part of a page rendered apart in a language, as one flat string (see flatString). */
export function markupApart(locale: Locale, node: ReactNode): string {
  const language = { locale, copy: copyFor(locale), catalogueUrl: catalogueUrl(locale) };
  return flatString(
    renderToStaticMarkup(<LanguageProvider value={language}>{node}</LanguageProvider>),
  );
}

/**
 * The same text as one flat string. React's renderers build their markup by joining thousands
 * of pieces, which V8 keeps as a tree of them; markup that is kept and put into page after page
 * had that tree walked again by every page (a twentieth of the dashboard's server time). Copied once
 * into a flat string, it is copied as a block.
 */
export function flatString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
