import { renderToStaticMarkup } from "react-dom/server";
import { flatString } from "~/flat-string.server";
import { LanguageProvider } from "~/i18n";
import { catalogueUrl, copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import type { RoundOverview } from "~/models/round-overview.server";
import { ResponseTimeline } from "./response-timeline";

// The dashboard's timeline rendered apart for a document (kept-markup.tsx): its chart and its
// table of a row per day were the largest part of the page React still rendered. Kept with the
// timeline it shows (round-overview.server.ts keeps that), per language.

const kept = new WeakMap<RoundOverview["timeline"], Map<Locale, string>>();

export function responseTimelineMarkup(timeline: RoundOverview["timeline"], locale: Locale) {
  let byLocale = kept.get(timeline);
  if (!byLocale) kept.set(timeline, (byLocale = new Map()));
  let markup = byLocale.get(locale);
  if (markup === undefined) {
    const language = { locale, copy: copyFor(locale), catalogueUrl: catalogueUrl(locale) };
    markup = flatString(
      renderToStaticMarkup(
        <LanguageProvider value={language}>
          <ResponseTimeline timeline={timeline} />
        </LanguageProvider>,
      ),
    );
    byLocale.set(locale, markup);
  }
  return markup;
}
