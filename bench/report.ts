// The benchmark's table, with the targets of issues 8 and 17 and the ratios to the two ceilings. A row
// with an error or a wrong reply failed: its rate measured something else than the portal working.

export type Row = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Replies with the wrong status, headers or body (a conflict instead of a save, say). */
  wrong: number;
  /** The lowest and highest rate of the row's three runs (the median is `rps`). */
  spread: [number, number];
};
export type ExportFigure =
  | { format: string; ms: number; peakMb: number }
  | { format: string; error: string };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const TARGETS: [RegExp, (r: Row) => string][] = [
  [
    /^section page.*50 connections/,
    (r) => verdict(r.rps >= 500 && r.p95 <= 150, "≥ 500 req/s, p95 ≤ 150 ms"),
  ],
  [
    /^autosave.*50 connections/,
    (r) => verdict(r.rps >= 800 && r.p95 <= 100, "≥ 800 saves/s, p95 ≤ 100 ms"),
  ],
  // Issue 17: the dashboard with its map in under 50 ms of server time (one request at a time).
  [/^reviewer dashboard.*1 connection$/, (r) => verdict(r.p50 <= 50, "p50 ≤ 50 ms server time")],
  [/^reviewer dashboard/, (r) => verdict(r.p95 <= 150, "p95 ≤ 150 ms")],
  // Issue 17: one request at a time, so the latency is the server's time to render the page.
  [/^Results page/, (r) => verdict(r.p95 <= 100, "p95 ≤ 100 ms of server time")],
];
const verdict = (ok: boolean, target: string) => `${ok ? "met" : "missed"} (${target})`;
export const failed = (r: Row) => r.errors > 0 || r.wrong > 0 || r.rps === 0;

export function renderTable(input: {
  date: string;
  cores: number;
  cpu: string;
  node: string;
  database: string;
  duration: number;
  rows: Row[];
  autosaved: {
    acknowledged: number;
    committedUnanswered: number;
    savedEvents: number;
    problems: string[];
  } | null;
  storage: { writesPerSecond: number } | null;
  page: { htmlBytes: number; htmlGzip: number; jsGzip: number; jsFiles: number };
  exports: ExportFigure[];
  dashboard?: {
    htmlBytes: number;
    htmlGzip: number;
    map: { buildMs: number; perRequestMs: number; htmlBytes: number };
  };
}): string {
  const ceiling = input.rows.find((r) => r.name.startsWith("ceiling"));
  const lines = [
    "# Benchmarks",
    "",
    `Run by \`npm run bench\` on ${input.date}: ${input.cores} cores (${input.cpu}), Node ${input.node}, ${input.database}, ` +
      `a 3 s warm-up then three ${input.duration} s runs per row (the median run, and the range of the three rates), ` +
      "requests asking for `gzip, deflate, br` as Chrome does over https, load generator (autocannon) on the same machine in its own process. " +
      "Every reply is checked (status, compression, and for autosave the JSON saying the field was saved); a row with an error or a wrong reply is marked failed.",
    "",
    "| measurement | req/s | range of 3 runs | p50 ms | p95 ms | p99 ms | errors | wrong replies | vs ceiling | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...input.rows.map((r) => {
      const ratio =
        (r.name.startsWith("section") || r.name.startsWith("reviewer dashboard")) && ceiling
          ? `${((r.rps / ceiling.rps) * 100).toFixed(1)}% of HTTP`
          : r.name.startsWith("autosave") && input.storage
            ? `${((r.rps / input.storage.writesPerSecond) * 100).toFixed(1)}% of storage`
            : "";
      const target = failed(r)
        ? "**failed** (errors or wrong replies)"
        : (TARGETS.find(([pattern]) => pattern.test(r.name))?.[1](r) ?? "");
      const range = `${r.spread[0].toFixed(0)}–${r.spread[1].toFixed(0)}`;
      return `| ${r.name} | ${r.rps.toFixed(0)} | ${range} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.wrong} | ${ratio} | ${target} |`;
    }),
    input.storage
      ? `| ceiling: the same answer write with better-sqlite3 directly | ${input.storage.writesPerSecond.toFixed(0)} | | | | | | | | |`
      : "",
    "",
    input.autosaved
      ? `Autosave, counted in the bench database afterwards: ${input.autosaved.acknowledged} replies said the field was saved, ` +
        `${input.autosaved.committedUnanswered} saves were committed as a run stopped (no reply read), ` +
        `${input.autosaved.savedEvents} \`response.saved\` events; events and each draft's stored value against those saves: ` +
        (input.autosaved.problems.length === 0
          ? "they match."
          : `**they do not match** (${input.autosaved.problems.length} problems).`)
      : "",
    "",
    "| export of all 193 responses | time | peak memory | target |",
    "|---|---:|---:|---|",
    ...input.exports.map((e) => {
      if ("error" in e) return `| ${e.format} | — | — | not measured: ${e.error} |`;
      const limit = e.format === "csv" ? 500 : e.format === "xlsx" ? 2000 : null;
      const target = limit
        ? verdict(e.ms <= limit && e.peakMb < 200, `≤ ${limit / 1000} s, < 200 MB`)
        : "";
      return `| ${e.format} | ${e.ms.toFixed(0)} ms | ${e.peakMb.toFixed(0)} MB | ${target} |`;
    }),
    "",
    `Section page: HTML ${(input.page.htmlBytes / 1024).toFixed(1)} KB (${(input.page.htmlGzip / 1024).toFixed(1)} KB gzip); ` +
      `JavaScript ${(input.page.jsGzip / 1024).toFixed(1)} KB gzip in ${input.page.jsFiles} files — ` +
      verdict(input.page.jsGzip <= 150 * 1024, "≤ 150 KB gzip") +
      ".",
    "",
    input.dashboard
      ? `Reviewer dashboard as it opens (the map, the response-rate chart, 25 rows): HTML ${(input.dashboard.htmlBytes / 1024).toFixed(1)} KB ` +
        `(${(input.dashboard.htmlGzip / 1024).toFixed(1)} KB gzip). The world map in process: its geometry built once per process in ` +
        `${input.dashboard.map.buildMs.toFixed(0)} ms (Natural Earth 1:50m read, simplified, projected); each request's map ` +
        `(statuses joined, rendered to ${(input.dashboard.map.htmlBytes / 1024).toFixed(1)} KB of HTML) ${input.dashboard.map.perRequestMs.toFixed(1)} ms.`
      : "",
    "",
  ];
  return lines.filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n");
}
