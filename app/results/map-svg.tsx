import type { Copy } from "~/i18n/copy";
import type { DashboardStatus } from "~/models/dashboard";
import {
  countryHref,
  MAP_MARKER_RADIUS,
  MAP_STATUS_STYLES,
  patternId,
  statusLabel,
  statusPaint,
  type WorldMapData,
} from "./map";

// The world map's SVG: one link per Member State (its name and status as the link's name and
// its <title>, shown on hover and on keyboard focus), no JavaScript. Rendered on the server
// only, to markup kept while the statuses stay the same (map-markup.server.tsx).

/** The patterns of the statuses that have one, defined once in the page (the map's <defs>). */
function StatusPatterns() {
  return (
    <defs>
      {(Object.keys(MAP_STATUS_STYLES) as DashboardStatus[]).map((status) => {
        const { fill, pattern } = MAP_STATUS_STYLES[status];
        if (!pattern) return null;
        return (
          <pattern
            key={status}
            id={patternId(status)}
            width="4"
            height="4"
            patternUnits="userSpaceOnUse"
            patternTransform={pattern === "hatch" ? "rotate(45)" : undefined}
          >
            <rect width="4" height="4" fill={fill} />
            {pattern === "hatch" ? (
              <rect width="1.3" height="4" fill="#ffffff" />
            ) : (
              <circle cx="2" cy="2" r="0.75" fill="#08306b" />
            )}
          </pattern>
        );
      })}
    </defs>
  );
}

export function WorldMapSvg({ map, copy, rtl }: { map: WorldMapData; copy: Copy; rtl: boolean }) {
  const m = copy.roundOverview.map;
  // The name shown on hover and focus sits in the map's lower corner where the text starts,
  // over the ocean (the corners lie outside the Equal Earth outline).
  const tipX = rtl ? map.width - 6 : 6;
  const tipY = map.height - 8;
  return (
    <svg
      className="world-map__svg"
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="group"
      aria-labelledby="world-map-title"
    >
      <StatusPatterns />
      <path className="world-map__others" d={map.others} aria-hidden="true" />
      {map.countries.map((country) => {
        const label = m.countryStatus({
          country: country.name,
          status: statusLabel(copy, country.status),
        });
        // Few attributes per country, as the page carries 193 (the styles are in CSS).
        return (
          <a
            key={country.code}
            href={countryHref(country.code, map.earlierRound)}
            aria-label={label}
            data-code={country.code}
            data-status={country.status}
          >
            <title>{label}</title>
            {country.d ? <path d={country.d} fill={statusPaint(country.status)} /> : null}
            {country.marker ? (
              <circle
                cx={country.marker.x}
                cy={country.marker.y}
                r={MAP_MARKER_RADIUS}
                fill={statusPaint(country.status)}
              />
            ) : null}
            {/* Shown on hover and focus (CSS: .world-map__svg a > text). */}
            <text x={tipX} y={tipY} aria-hidden="true">
              {label}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
