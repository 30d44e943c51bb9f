import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { isoNumericCodes } from "~/countries/iso-numeric";
import { memberStates } from "~/countries";
import { MAP_MARKER_RADIUS, MAP_WIDTH, type MapGeometry, type MapShape } from "./map";
import { positionsOfStatesWithoutShape } from "./map-positions";

// The world map's geometry: Natural Earth's 1:50m countries (world-atlas), projected once per
// process with the Equal Earth projection into a MAP_WIDTH-wide box and simplified to what that
// box can show. Only the colours change from request to request (decision 019).

/** The Natural Earth file drawn: 1:50m has every Member State but Tuvalu (1:110m lacks 28). */
export const ATLAS_FILE = "countries-50m.json";
/** Shapes drawn for the Member State the UN recognises there (Security Council resolutions). */
const PART_OF: Record<string, string> = { Somaliland: "SOM", "N. Cyprus": "CYP" };
/** Antarctica: no Member State, and a fifth of the map's height. */
const LEFT_OUT = new Set(["010"]);
/** Douglas–Peucker tolerance in map units (a map unit is about 0.8 px on a laptop). */
const TOLERANCE = 0.8;
/** Islands smaller than this (map units²) are left out of a shape; a marker shows the state. */
const MIN_RING_AREA = 0.6;
/** A state whose shapes cover less than this (map units²) gets a dot marker as well. */
const MARKER_BELOW_AREA = 7;

type Properties = { name: string };
type Atlas = Topology<{ countries: GeometryCollection<Properties> }>;
type Point = [number, number];

export function readAtlas(file = ATLAS_FILE): Atlas {
  const path = createRequire(import.meta.url).resolve(`world-atlas/${file}`);
  return JSON.parse(readFileSync(path, "utf8")) as Atlas;
}

let cached: MapGeometry | null = null;

/** The map's geometry, computed on first use and kept for the life of the process. */
export function mapGeometry(): MapGeometry {
  cached ??= buildMapGeometry(readAtlas());
  return cached;
}

/** Arcs as absolute longitude/latitude (world-atlas quantises and delta-encodes them). */
function decodedArcs(topology: Atlas): Point[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [x, y];
    });
  });
}

/**
 * Douglas–Peucker on one arc, distances measured after projection; the ends are kept, so
 * neighbours, which share their border's arc, keep sharing it exactly.
 */
function simplifyArc(arc: Point[], projection: GeoProjection, tolerance: number): Point[] {
  if (arc.length <= 2) return arc;
  const projected = arc.map((p): Point => projection(p) ?? [0, 0]);
  const keep = new Uint8Array(arc.length);
  keep[0] = keep[arc.length - 1] = 1;
  const stack: [number, number][] = [[0, arc.length - 1]];
  const tolerance2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = projected[first]!;
    const [bx, by] = projected[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    let farthest = -1;
    let max = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = projected[i]!;
      let d2: number;
      if (length2 === 0) d2 = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
        d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d2 > max) {
        max = d2;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const kept = arc.filter((_, i) => keep[i]);
  // A closed arc (an island) needs three corners besides its repeated end, or it degenerates
  // and the sphere's clipping may take it for the whole world outside it: four evenly spaced
  // points of the island keep its place and its turning.
  const closed = arc[0]![0] === arc.at(-1)![0] && arc[0]![1] === arc.at(-1)![1];
  if (!closed || kept.length >= 5) return kept;
  if (arc.length <= 5) return arc;
  const n = arc.length - 1;
  return [0, n / 4, n / 2, (3 * n) / 4, n].map((i) => arc[Math.round(i)]!);
}

const ringArea = (ring: Point[]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(sum) / 2;
};

const ringCentroid = (ring: Point[]): Point => {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    a += cross;
    x += (ring[j]![0] + ring[i]![0]) * cross;
    y += (ring[j]![1] + ring[i]![1]) * cross;
  }
  if (a === 0) return ring[0]!;
  return [x / (3 * a), y / (3 * a)];
};

// Whole map units: a unit is under a pixel on a laptop, and the path data is half as long.
const round = (n: number) => Math.round(n);

/** One closed ring as path data: an absolute move, then relative lines (a third shorter). */
function ringPath(ring: Point[]): string {
  const points = ring.map(([x, y]) => [round(x), round(y)] as Point);
  let d = `M${points[0]![0]} ${points[0]![1]}`;
  let [px, py] = points[0]!;
  for (const [x, y] of points.slice(1)) {
    const dx = round(x - px);
    const dy = round(y - py);
    if (dx === 0 && dy === 0) continue;
    d += `l${dx}${dy < 0 ? "" : " "}${dy}`;
    px = x;
    py = y;
  }
  return `${d}z`;
}

/** The rings geoPath draws for a feature, projected and clipped at the antimeridian. */
function projectedRings(
  path: ReturnType<typeof geoPath>,
  geometry: GeoJSON.Feature,
  rings: Point[][],
) {
  let ring: Point[] = [];
  const context = {
    moveTo(x: number, y: number) {
      if (ring.length) rings.push(ring);
      ring = [[x, y]];
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
  };
  path.context(context as unknown as CanvasRenderingContext2D)(geometry);
  if (ring.length) rings.push(ring);
}

/** Pushes markers apart so each dot stays visible and can be pointed at (a few units at most). */
function spreadMarkers(markers: Point[], radius: number) {
  const gap = 2 * radius + 0.6;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < markers.length; i++)
      for (let j = i + 1; j < markers.length; j++) {
        const a = markers[i]!;
        const b = markers[j]!;
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const distance = Math.hypot(dx, dy);
        if (distance >= gap) continue;
        // Coincident dots part along a fixed direction, so the result never depends on chance.
        const [ux, uy] = distance > 1e-6 ? [dx / distance, dy / distance] : [1, 0];
        const push = (gap - distance) / 2;
        a[0] -= ux * push;
        a[1] -= uy * push;
        b[0] += ux * push;
        b[1] += uy * push;
        moved = true;
      }
    if (!moved) break;
  }
}

export function buildMapGeometry(topology: Atlas): MapGeometry {
  const alpha3ByNumeric = new Map(
    Object.entries(isoNumericCodes).map(([alpha3, numeric]) => [numeric, alpha3]),
  );
  const decoded: Atlas = {
    ...topology,
    transform: undefined,
    arcs: decodedArcs(topology),
    objects: {
      countries: {
        ...topology.objects.countries,
        geometries: topology.objects.countries.geometries.filter(
          (g) => !LEFT_OUT.has(String(g.id)),
        ),
      },
    },
  };
  const whole = feature(decoded, decoded.objects.countries);
  // The whole sphere's width fits the map; its height is the land's (no Antarctica).
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: "Sphere" });
  const [[, top], [, bottom]] = geoPath(projection).bounds(whole);
  projection.translate([projection.translate()[0], projection.translate()[1] - top + 1]);
  const height = Math.ceil(bottom - top) + 2;
  const simplified: Atlas = {
    ...decoded,
    arcs: decoded.arcs.map((arc) => simplifyArc(arc as Point[], projection, TOLERANCE)),
  };
  const features = feature(simplified, simplified.objects.countries).features;
  const path = geoPath(projection);

  // A ring covering half the map is the sphere's outline, drawn around an island whose ring
  // turned the wrong way: the island's own ring, drawn alone, is what was meant.
  const sphere = MAP_WIDTH * height * 0.5;
  const real = (ring: Point[]) => ring.length >= 3 && ringArea(ring) < sphere;
  const ringsByState = new Map<string, Point[][]>();
  const others: Point[][] = [];
  for (const f of features) {
    const code = alpha3ByNumeric.get(String(f.id)) ?? PART_OF[f.properties.name];
    const rings = code ? (ringsByState.get(code) ?? []) : others;
    projectedRings(path, f, rings);
    if (code) ringsByState.set(code, rings);
  }

  const shapes: MapShape[] = [];
  const markerPoints: Point[] = [];
  for (const state of memberStates) {
    const rings = (ringsByState.get(state.code) ?? []).filter(real);
    const kept = rings.filter((r) => ringArea(r) >= MIN_RING_AREA);
    const largest = [...rings].sort((a, b) => ringArea(b) - ringArea(a))[0];
    // A state whose every island is below the threshold keeps its largest: its shape is there.
    const drawn = kept.length ? kept : largest ? [largest] : [];
    const area = drawn.reduce((sum, r) => sum + ringArea(r), 0);
    let marker: Point | null = null;
    if (!largest) {
      const position = positionsOfStatesWithoutShape[state.code];
      const at = position ? projection(position) : null;
      if (!at) throw new Error(`${state.code} has no shape in ${ATLAS_FILE} and no position`);
      marker = [at[0], at[1]];
    } else if (area < MARKER_BELOW_AREA) marker = ringCentroid(largest);
    if (marker) markerPoints.push(marker);
    shapes.push({
      code: state.code,
      d: drawn.map(ringPath).join(""),
      marker: marker ? { x: 0, y: 0 } : null,
    });
  }
  spreadMarkers(markerPoints, MAP_MARKER_RADIUS);
  let next = 0;
  for (const shape of shapes) {
    if (!shape.marker) continue;
    const [x, y] = markerPoints[next++]!;
    shape.marker = { x: round(x), y: round(y) };
  }
  return {
    width: MAP_WIDTH,
    height,
    shapes,
    others: others
      .filter((r) => real(r) && ringArea(r) >= MIN_RING_AREA)
      .map(ringPath)
      .join(""),
  };
}
