import type { Copy } from "~/i18n/copy";
import { DASHBOARD_STATUSES, type DashboardRow, type DashboardStatus } from "~/models/dashboard";

// The world map of a round (the dashboard's): what the browser and the server share. The
// geometry is computed on the server (map-geometry.server.ts); this module says how a status
// looks and builds what the map shows from the dashboard's rows. Pure.

/** The map's width in its own units; its height follows from the projection. */
export const MAP_WIDTH = 1000;
/** The dot of a small state, in map units. */
export const MAP_MARKER_RADIUS = 2.6;

/** A Member State's place on the map: its shapes (path data) and, for a small one, a dot. */
export type MapShape = { code: string; d: string; marker: { x: number; y: number } | null };

export type MapGeometry = {
  width: number;
  height: number;
  /** One per Member State, in the order of the list of Member States. */
  shapes: MapShape[];
  /** Territories that are not Member States (Greenland, Western Sahara…): drawn, not coloured. */
  others: string;
};

/**
 * How each status looks: a fill, and for two of them a pattern as well, so that colour is not
 * the only cue (WCAG 1.4.1): light to dark as a response advances, returned in orange and
 * hatched. Fills differ by lightness (3:1 or more between not started, submitted and accepted),
 * the rest by hue and pattern; the legend and every country's name say the status in words.
 */
export const MAP_STATUS_STYLES: Record<
  DashboardStatus,
  { fill: string; pattern: "dots" | "hatch" | null }
> = {
  NOT_STARTED: { fill: "#dde2e7", pattern: null },
  DRAFT: { fill: "#9ecae1", pattern: "dots" },
  SUBMITTED: { fill: "#3182bd", pattern: null },
  RETURNED: { fill: "#e6550d", pattern: "hatch" },
  ACCEPTED: { fill: "#08306b", pattern: null },
};

/** The id of a status's pattern in the page (the map defines them; the legend uses them). */
export const patternId = (status: DashboardStatus) => `map-pattern-${status.toLowerCase()}`;

/** What a shape of that status is filled with: its pattern, else its colour. */
export function statusPaint(status: DashboardStatus): string {
  return MAP_STATUS_STYLES[status].pattern
    ? `url(#${patternId(status)})`
    : MAP_STATUS_STYLES[status].fill;
}

/** The dashboard's label of a status ("Not started", "Submitted"…), in the copy's language. */
export function statusLabel(copy: Copy, status: DashboardStatus): string {
  return status === "NOT_STARTED" ? copy.dashboard.notStarted : copy.statuses[status];
}

export type MapCountry = {
  code: string;
  name: string;
  status: DashboardStatus;
  d: string;
  marker: { x: number; y: number } | null;
};

export type WorldMapData = {
  width: number;
  height: number;
  others: string;
  countries: MapCountry[];
  /** The round shown when it is an earlier one (countries link to its print view), else null. */
  earlierRound: string | null;
  /** How many Member States have a dot (small or missing shapes): the map's note says so. */
  markers: number;
};

/** The map as the dashboard's page gets it (map-markup.server.tsx). */
export type WorldMapView = {
  /** The map's <svg>, escaped by React (renderToStaticMarkup). */
  svg: string;
  /** How many Member States have a dot (small or missing shapes): the map's note says so. */
  markers: number;
};

/** Where a country on the map leads, as in the table: its review, or an earlier round's print. */
export function countryHref(code: string, earlierRound: string | null): string {
  return earlierRound
    ? `/print/${code}?round=${encodeURIComponent(earlierRound)}`
    : `/review/${code}`;
}

/**
 * The map of a round: every Member State of the geometry with its row's name and status. A state
 * without a row (none in a seeded portal) is "not started".
 */
export function worldMapData(
  geometry: MapGeometry,
  rows: readonly Pick<DashboardRow, "code" | "name" | "status">[],
  earlierRound: string | null = null,
): WorldMapData {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const countries = geometry.shapes.map((shape) => {
    const row = byCode.get(shape.code);
    return {
      code: shape.code,
      name: row?.name ?? shape.code,
      status: row?.status ?? ("NOT_STARTED" as const),
      d: shape.d,
      marker: shape.marker,
    };
  });
  return {
    width: geometry.width,
    height: geometry.height,
    others: geometry.others,
    countries,
    earlierRound,
    markers: countries.filter((c) => c.marker).length,
  };
}

/** Countries per status, in the dashboard's order of statuses. */
export function countsByStatus(countries: readonly { status: DashboardStatus }[]) {
  return DASHBOARD_STATUSES.map((status) => ({
    status,
    count: countries.filter((c) => c.status === status).length,
  }));
}
