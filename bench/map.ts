// The dashboard's world map, timed in this process (no server, no database): building its
// geometry (once per process: reading Natural Earth's 1:50m file, simplifying, projecting) and
// what each request adds: the statuses joined to the geometry and, when one changed since the
// last request, the map rendered again; when none did, its kept markup.
import { memberStates } from "~/countries";
import { DASHBOARD_STATUSES } from "~/models/dashboard";
import { worldMapView } from "~/results/map-markup.server";
import { buildMapGeometry, readAtlas } from "~/results/map-geometry.server";

export type MapFigures = {
  buildMs: number;
  renderedMs: number;
  keptMs: number;
  htmlBytes: number;
};

/** The median of `runs` timings of `work(i)`, after 20 runs of warm-up. */
function median(work: (i: number) => void, runs = 50) {
  for (let i = 0; i < 20; i++) work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work(20 + i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function measureMap(): MapFigures {
  const started = performance.now();
  const geometry = buildMapGeometry(readAtlas());
  const buildMs = performance.now() - started;
  const rows = memberStates.map((s, i) => ({ ...s, status: DASHBOARD_STATUSES[i % 5]! }));
  // Each run another country's status changed (70 runs, 193 countries): never a markup kept.
  const changed = (i: number) =>
    rows.map((r, j) => (j === i ? { ...r, status: DASHBOARD_STATUSES[(j + 1) % 5]! } : r));
  const renderedMs = median((i) => worldMapView(geometry, changed(i), null, "en"));
  const keptMs = median(() => worldMapView(geometry, rows, null, "en"));
  const htmlBytes = worldMapView(geometry, rows, null, "en").svg.length;
  return { buildMs, renderedMs, keptMs, htmlBytes };
}
