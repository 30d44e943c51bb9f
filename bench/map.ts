// The dashboard's world map, timed in this process (no server, no database): building its
// geometry (once per process: reading Natural Earth's 1:50m file, simplifying, projecting) and
// what each request adds (the statuses joined to the geometry, the map rendered to HTML).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { memberStates } from "~/countries";
import { catalogueUrl, copyFor } from "~/i18n/catalogues.server";
import { LanguageProvider } from "~/i18n";
import { DASHBOARD_STATUSES } from "~/models/dashboard";
import { worldMapData } from "~/results/map";
import { buildMapGeometry, readAtlas } from "~/results/map-geometry.server";
import { WorldMap } from "~/results/map-view";

export type MapFigures = { buildMs: number; perRequestMs: number; htmlBytes: number };

export function measureMap(): MapFigures {
  const started = performance.now();
  const geometry = buildMapGeometry(readAtlas());
  const buildMs = performance.now() - started;
  const rows = memberStates.map((s, i) => ({ ...s, status: DASHBOARD_STATUSES[i % 5]! }));
  const language = { locale: "en" as const, copy: copyFor("en"), catalogueUrl: catalogueUrl("en") };
  const render = () =>
    renderToString(
      createElement(LanguageProvider, {
        value: language,
        children: createElement(WorldMap, {
          map: worldMapData(geometry, rows),
          roundName: "MSQ 2020",
        }),
      }),
    );
  let html = "";
  for (let i = 0; i < 20; i++) html = render(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    render();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { buildMs, perRequestMs: times[Math.floor(times.length / 2)]!, htmlBytes: html.length };
}
