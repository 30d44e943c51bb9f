import { readFileSync } from "node:fs";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { memberStates } from "~/countries";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import { DASHBOARD_STATUSES, type DashboardStatus } from "~/models/dashboard";
import {
  MAP_STATUS_STYLES,
  MAP_WIDTH,
  countryHref,
  countsByStatus,
  statusLabel,
  statusPaint,
  worldMapData,
  type MapGeometry,
} from "./map";
import { buildMapGeometry, mapGeometry, readAtlas } from "./map-geometry.server";
import { positionsFrom10m, statesWithoutShape } from "./map-positions-source.server";
import { positionsOfStatesWithoutShape } from "./map-positions";
import { worldMapView } from "./map-markup.server";
import { WorldMap } from "./map-view";

// The dashboard's world map: every Member State is on it (a shape, a dot, or both), the
// statuses look distinct and are named as the dashboard names them, and each country is a link
// named "Rwanda: Submitted".

let geometry: MapGeometry;
beforeAll(() => {
  geometry = mapGeometry();
});

/** The bounding box of a path's absolute move and relative lines (the form ringPath writes). */
function rings(d: string) {
  return d
    .split("z")
    .filter(Boolean)
    .map((ring) => {
      const [, x0, y0] = /^M(-?[\d.]+) (-?[\d.]+)/.exec(ring)!;
      let x = Number(x0);
      let y = Number(y0);
      const points: [number, number][] = [[x, y]];
      for (const [, dx, dy] of ring.matchAll(/l(-?[\d.]+) ?(-?[\d.]+)/g)) {
        x += Number(dx);
        y += Number(dy);
        points.push([x, y]);
      }
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return {
        points,
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
        xs,
        ys,
      };
    });
}

describe("the map's geometry", () => {
  it("puts every one of the 193 Member States on the map, as a shape or a dot", () => {
    expect(geometry.shapes.map((s) => s.code)).toEqual(memberStates.map((s) => s.code));
    const missing = geometry.shapes.filter((s) => !s.d && !s.marker).map((s) => s.code);
    expect(missing).toEqual([]);
  });

  it("marks the small states with a dot, Tuvalu (no shape at 1:50m) included, and not the large", () => {
    const dotted = new Set(geometry.shapes.filter((s) => s.marker).map((s) => s.code));
    for (const code of ["TUV", "NRU", "MCO", "SMR", "LIE", "MDV", "KNA", "SGP", "MLT", "BHR"])
      expect(dotted, code).toContain(code);
    for (const code of ["RWA", "FRA", "BRA", "CHN", "TJK", "IRN", "NZL"])
      expect(dotted, code).not.toContain(code);
    expect(geometry.shapes.find((s) => s.code === "TUV")!.d).toBe("");
  });

  it("keeps every shape and dot inside the map, and no ring as large as the world", () => {
    for (const shape of geometry.shapes) {
      for (const ring of rings(shape.d)) {
        expect(Math.min(...ring.xs), shape.code).toBeGreaterThanOrEqual(-1);
        expect(Math.max(...ring.xs), shape.code).toBeLessThanOrEqual(MAP_WIDTH + 1);
        expect(Math.min(...ring.ys), shape.code).toBeGreaterThanOrEqual(-1);
        expect(Math.max(...ring.ys), shape.code).toBeLessThanOrEqual(geometry.height + 1);
        // A ring spanning the whole map is the sphere's outline: an island turned inside out.
        expect(
          ring.width < MAP_WIDTH * 0.9 || ring.height < geometry.height * 0.9,
          shape.code,
        ).toBe(true);
      }
      if (shape.marker) {
        expect(shape.marker.x).toBeGreaterThan(0);
        expect(shape.marker.x).toBeLessThan(MAP_WIDTH);
        expect(shape.marker.y).toBeGreaterThan(0);
        expect(shape.marker.y).toBeLessThan(geometry.height);
      }
    }
  });

  it("draws countries where they are: Rwanda east of the DR Congo, Chile west of Argentina, Norway north of Italy", () => {
    const centre = (code: string) => {
      const all = rings(geometry.shapes.find((s) => s.code === code)!.d).flatMap((r) => r.points);
      return [
        all.reduce((s, p) => s + p[0], 0) / all.length,
        all.reduce((s, p) => s + p[1], 0) / all.length,
      ] as const;
    };
    expect(centre("RWA")[0]).toBeGreaterThan(centre("COD")[0]);
    expect(centre("CHL")[0]).toBeLessThan(centre("ARG")[0]);
    expect(centre("NOR")[1]).toBeLessThan(centre("ITA")[1]);
    // Equal Earth is wider than tall: about 2.05 : 1 for the world without Antarctica's south.
    expect(geometry.width / geometry.height).toBeGreaterThan(1.9);
    expect(geometry.width / geometry.height).toBeLessThan(2.6);
  });

  it("keeps dots apart, so each can be pointed at", () => {
    const dots = geometry.shapes.filter((s) => s.marker).map((s) => s.marker!);
    for (let i = 0; i < dots.length; i++)
      for (let j = i + 1; j < dots.length; j++)
        expect(Math.hypot(dots[i]!.x - dots[j]!.x, dots[i]!.y - dots[j]!.y)).toBeGreaterThan(4.5);
  });

  it("is small enough to send with the page (path data under 45 KB)", () => {
    const bytes = geometry.shapes.reduce((sum, s) => sum + s.d.length, 0) + geometry.others.length;
    expect(bytes).toBeLessThan(45_000);
  });

  it("is computed once per process", () => {
    expect(mapGeometry()).toBe(geometry);
  });

  it("has a dot position for exactly the states without a shape, as the 1:10m file gives it", () => {
    const missing = statesWithoutShape();
    expect(missing).toEqual(["TUV"]);
    expect(positionsOfStatesWithoutShape).toEqual(positionsFrom10m(missing));
  });

  it("fails loudly when a state has neither a shape nor a position", () => {
    const atlas = readAtlas();
    const withoutRwanda = {
      ...atlas,
      objects: {
        countries: {
          ...atlas.objects.countries,
          geometries: atlas.objects.countries.geometries.filter((g) => g.id !== "646"),
        },
      },
    };
    expect(() => buildMapGeometry(withoutRwanda)).toThrow(/RWA has no shape/);
  });
});

describe("the statuses on the map", () => {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const fill = (s: DashboardStatus) => MAP_STATUS_STYLES[s].fill;

  it("gives each of the five statuses its own look", () => {
    expect(Object.keys(MAP_STATUS_STYLES)).toEqual([...DASHBOARD_STATUSES]);
    const looks = DASHBOARD_STATUSES.map((s) => `${fill(s)}/${MAP_STATUS_STYLES[s].pattern}`);
    expect(new Set(looks).size).toBe(5);
    expect(new Set(DASHBOARD_STATUSES.map(fill)).size).toBe(5);
  });

  it("tells statuses apart by more than hue: 3:1 in lightness, or a pattern", () => {
    expect(contrast(fill("NOT_STARTED"), fill("SUBMITTED"))).toBeGreaterThanOrEqual(3);
    expect(contrast(fill("SUBMITTED"), fill("ACCEPTED"))).toBeGreaterThanOrEqual(3);
    expect(contrast(fill("NOT_STARTED"), fill("ACCEPTED"))).toBeGreaterThanOrEqual(3);
    // The two close to another in lightness carry a pattern.
    expect(MAP_STATUS_STYLES.DRAFT.pattern).not.toBeNull();
    expect(MAP_STATUS_STYLES.RETURNED.pattern).not.toBeNull();
    expect(statusPaint("RETURNED")).toBe("url(#map-pattern-returned)");
    expect(statusPaint("SUBMITTED")).toBe(fill("SUBMITTED"));
  });

  it("names them as the dashboard does, in every language", () => {
    const en = copyFor("en");
    expect(DASHBOARD_STATUSES.map((s) => statusLabel(en, s))).toEqual([
      "Not started",
      "Draft",
      "Submitted",
      "Returned for revision",
      "Accepted",
    ]);
    expect(statusLabel(copyFor("fr"), "SUBMITTED")).toBe(copyFor("fr").statuses.SUBMITTED);
    expect(statusLabel(copyFor("ar"), "NOT_STARTED")).toBe(copyFor("ar").dashboard.notStarted);
  });

  it("colours the status tiles (the map's legend) as the map", () => {
    const css = readFileSync("app/styles/app.css", "utf8");
    for (const status of DASHBOARD_STATUSES) {
      const rule = new RegExp(
        `\\.status-tile--${status.toLowerCase()} \\{\\s*border-inline-start-color: (#[0-9a-f]{6});`,
      ).exec(css);
      expect(rule?.[1], status).toBe(fill(status));
    }
  });
});

describe("the map of a round", () => {
  const rows = memberStates.map((s, i) => ({
    code: s.code,
    name: s.name,
    status: DASHBOARD_STATUSES[i % 5]!,
  }));
  const rwanda = rows.find((r) => r.code === "RWA")!;
  rwanda.status = "SUBMITTED";

  it("gives every country its row's status and its link", () => {
    const map = worldMapData(geometry, rows);
    expect(map.countries).toHaveLength(193);
    expect(map.countries.find((c) => c.code === "RWA")).toMatchObject({
      name: "Rwanda",
      status: "SUBMITTED",
    });
    expect(countryHref("RWA", map.earlierRound)).toBe("/review/RWA");
    // An earlier round's map leads to that round's print view, as the table does.
    const earlier = worldMapView(geometry, rows, "2020", "en");
    const html = renderInLanguage(createElement(WorldMap, { map: earlier, roundName: "MSQ 2020" }));
    expect(html).toContain('href="/print/RWA?round=2020"');
    expect(countsByStatus(map.countries).map((c) => c.count)).toEqual(
      countsByStatus(rows).map((c) => c.count),
    );
    expect(map.markers).toBe(geometry.shapes.filter((s) => s.marker).length);
  });

  it("counts a Member State without a row as not started", () => {
    const map = worldMapData(geometry, [rwanda]);
    expect(countsByStatus(map.countries)).toContainEqual({ status: "NOT_STARTED", count: 192 });
  });

  it("renders each country as a link named with its name and status, with a <title>", () => {
    const map = worldMapView(geometry, rows, null, "en");
    const html = renderInLanguage(createElement(WorldMap, { map, roundName: "MSQ 2020" }));
    const links = [
      ...html.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g),
    ];
    expect(links).toHaveLength(193);
    expect(links.map((l) => l[1])).toContain("/review/RWA");
    const rw = links.find((l) => l[1] === "/review/RWA")!;
    expect(rw[2]).toBe("Rwanda: Submitted");
    expect(rw[3]).toBe("Rwanda: Submitted");
    // Tuvalu, without a shape, is its dot.
    expect(html).toMatch(/<a href="\/review\/TUV"[^>]*><title>[^<]+<\/title><circle /);
    expect(html).toContain("Member States by the status of their response, MSQ 2020");
    expect(html).toContain('id="map-pattern-returned"');
  });

  it("names the statuses in the page's language", () => {
    const map = worldMapView(geometry, rows, null, "fr");
    const html = renderInLanguage(createElement(WorldMap, { map, roundName: "MSQ 2020" }), "fr");
    expect(html).toContain(`aria-label="Rwanda : ${copyFor("fr").statuses.SUBMITTED}"`);
  });

  it("keeps its markup while what it shows is the same, and renders it again when not", () => {
    const first = worldMapView(geometry, rows, null, "en");
    expect(
      worldMapView(
        geometry,
        rows.map((r) => ({ ...r })),
        null,
        "en",
      ),
    ).toBe(first);
    const returned = rows.map((r) =>
      r.code === "RWA" ? { ...r, status: "RETURNED" as const } : r,
    );
    const changed = worldMapView(geometry, returned, null, "en");
    expect(changed).not.toBe(first);
    expect(changed.svg).toContain('aria-label="Rwanda: Returned for revision"');
    expect(first.svg).toContain('aria-label="Rwanda: Submitted"');
    expect(worldMapView(geometry, rows, null, "es").svg).not.toBe(first.svg);
    expect(worldMapView(geometry, rows, "2020", "en").svg).toContain(
      'href="/print/RWA?round=2020"',
    );
  });

  it("escapes what it shows", () => {
    const hostile = rows.map((r) =>
      r.code === "RWA" ? { ...r, name: '<img src=x onerror="alert(1)">&' } : r,
    );
    const { svg } = worldMapView(geometry, hostile, null, "en");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;: Submitted");
  });
});
