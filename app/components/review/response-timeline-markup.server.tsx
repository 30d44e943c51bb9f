import type { Locale } from "~/i18n/locale";
import { markupApart } from "~/keep-markup.server";
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
    markup = markupApart(locale, <ResponseTimeline timeline={timeline} />);
    byLocale.set(locale, markup);
  }
  return markup;
}
