import { renderToStaticMarkup } from "react-dom/server";
import { flatString } from "~/keep-markup.server";
import { copyFor } from "~/i18n/catalogues.server";
import { directionOf, type Locale } from "~/i18n/locale";
import type { DashboardRow } from "~/models/dashboard";
import { worldMapData, type MapGeometry, type WorldMapView } from "./map";
import { WorldMapSvg } from "./map-svg";

// The world map's markup, kept: 193 links with their shapes took a quarter of the dashboard's
// server time to render, and what they show (each state's name and status, the language, the
// round) changes only when a response is submitted, returned or accepted. Kept per geometry
// (one per process) and per what it shows; the few most recent, as a page asks for one at a time.

const KEPT = 24;
const kept = new WeakMap<MapGeometry, Map<string, WorldMapView>>();

export function worldMapView(
  geometry: MapGeometry,
  rows: readonly Pick<DashboardRow, "code" | "name" | "status">[],
  earlierRound: string | null,
  locale: Locale,
): WorldMapView {
  const map = worldMapData(geometry, rows, earlierRound);
  // Everything the markup shows but the geometry: any difference is another markup.
  const key = [
    locale,
    earlierRound ?? "",
    ...map.countries.map((c) => `${c.code} ${c.status} ${c.name}`),
  ].join("\n");
  let views = kept.get(geometry);
  if (!views) kept.set(geometry, (views = new Map()));
  const found = views.get(key);
  if (found) return found;
  const svg = flatString(
    renderToStaticMarkup(
      <WorldMapSvg map={map} copy={copyFor(locale)} rtl={directionOf(locale) === "rtl"} />,
    ),
  );
  const view = { svg, markers: map.markers };
  if (views.size >= KEPT) views.delete(views.keys().next().value!);
  views.set(key, view);
  return view;
}
