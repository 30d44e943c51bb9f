import { useKeptMarkup } from "~/components/kept-markup";
import { useCopy } from "~/i18n";
import type { DashboardStatus } from "~/models/dashboard";
import { statusPaint, type WorldMapView } from "./map";

// The world map of a round on the dashboard: its caption, a link past its 193 links, its SVG
// (rendered on the server: map-svg.tsx, kept by map-markup.server.tsx) and its note. The status
// tiles beside it are its legend, with the counts (StatusSwatch).

/** A status's colour and pattern, as on the map: the legend's key. */
export function StatusSwatch({ status }: { status: DashboardStatus }) {
  return (
    <svg className="status-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={statusPaint(status)} />
    </svg>
  );
}

/** The map's canvas, when the server rendered it apart for a document (kept-markup.tsx). */
export const WORLD_MAP_ID = "world-map-canvas";

export function WorldMap({
  map,
  roundName,
}: {
  /** `svg` null: a document, whose map the server gave to its render apart. */
  map: Omit<WorldMapView, "svg"> & { svg: string | null };
  roundName: string;
}) {
  const m = useCopy().roundOverview.map;
  const svg = useKeptMarkup(WORLD_MAP_ID, map.svg);
  return (
    <figure className="world-map">
      <figcaption id="world-map-title" className="world-map__title">
        {m.title({ round: roundName })}
      </figcaption>
      <a className="world-map__skip" href="#world-map-end">
        {m.skip}
      </a>
      {/* React's own markup, escaped when the server rendered it (WorldMapSvg). */}
      <div
        id={WORLD_MAP_ID}
        className="world-map__canvas"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="world-map__note">
        {m.note({ markers: map.markers })} {m.disclaimer}
      </p>
      <span id="world-map-end" tabIndex={-1} />
    </figure>
  );
}
