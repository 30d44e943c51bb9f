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

/** The framework ceiling's row: the section page's React tree from constant data (no database). */
export const FRAMEWORK_ROW = /^framework ceiling/;
const HTTP_ROW = /^ceiling: bare node http/;
/** A row's connections, from its name ("…, 50 connections"). */
const connectionsOf = (name: string) => Number(/(\d+) connections?$/.exec(name)?.[1] ?? NaN);

type Context = {
  rows: Row[];
  framework: Row | undefined;
  /** Bare node http answering a constant: no HTTP handler answers faster. */
  http: Row | undefined;
  storage: { writesPerSecond: number } | null;
};

// Targets are ratios to ceilings measured in the same run on the same machine (issue 21), so a
// run on a slower or busier machine keeps its meaning; the server-time targets of issue 17 are
// for one request at a time.
const TARGETS: [RegExp, (r: Row, c: Context) => string][] = [
  [
    /^section page.*50 connections/,
    (r, c) =>
      c.framework
        ? verdict(r.rps >= 0.5 * c.framework.rps, "≥ 50 % of the framework ceiling")
        : "not judged (no framework ceiling in this run)",
  ],
  [
    /^autosave.*50 connections/,
    (r, c) =>
      c.storage
        ? verdict(
            r.rps >= 0.5 * c.storage.writesPerSecond,
            "≥ 50 % of the driver's write ceiling",
          ) + outOfReach(c.http, 0.5 * c.storage.writesPerSecond)
        : "not judged (no driver ceiling in this run)",
  ],
  // Issue 17: the dashboard with its map in under 50 ms of server time (one request at a time).
  [/^reviewer dashboard.*1 connection$/, (r) => verdict(r.p50 <= 50, "p50 ≤ 50 ms server time")],
  [
    /^reviewer dashboard/,
    (r, c) => {
      const section = c.rows.find(
        (s) => s.name.startsWith("section page") && connectionsOf(s.name) === connectionsOf(r.name),
      );
      return section
        ? verdict(
            r.p95 <= 2 * section.p95,
            `p95 ≤ 2 × the section page's at ${connectionsOf(r.name)} connections (${(2 * section.p95).toFixed(0)} ms)`,
          )
        : "not judged (no section page row at the same connections)";
    },
  ],
  // Issue 17: one request at a time, so the latency is the server's time to render the page.
  [/^Results page/, (r) => verdict(r.p95 <= 100, "p95 ≤ 100 ms of server time")],
];
const verdict = (ok: boolean, target: string) => `${ok ? "met" : "missed"} (${target})`;
/** When even bare HTTP answered fewer requests than a target asks of a handler, the run says so. */
const outOfReach = (http: Row | undefined, wanted: number) =>
  http && http.rps < wanted
    ? `; out of reach in this run: bare node http answered ${Math.round(http.rps)} req/s, under the ${Math.round(wanted)} asked`
    : "";
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
  /** The same answer write done with the database's driver alone: the autosave's ceiling. */
  storage: { writesPerSecond: number; driver: string } | null;
  /** The single-thread speed and the load average as the run started (bench/cpu-loop.ts). */
  machine: { cpuLoop: string; loadAverage: number[]; pinning: string };
  page: { htmlBytes: number; htmlGzip: number; jsGzip: number; jsFiles: number };
  exports: ExportFigure[];
  dashboard?: {
    htmlBytes: number;
    htmlGzip: number;
    map: { buildMs: number; renderedMs: number; keptMs: number; htmlBytes: number };
  };
}): string {
  const ceiling = input.rows.find((r) => HTTP_ROW.test(r.name));
  const framework = input.rows.find((r) => FRAMEWORK_ROW.test(r.name));
  const context: Context = { rows: input.rows, framework, http: ceiling, storage: input.storage };
  const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
  const lines = [
    `## ${input.database}`,
    "",
    `Run by \`npm run bench\` on ${input.date}: ${input.cores} cores (${input.cpu}), ${input.machine.cpuLoop}, ` +
      `load average ${input.machine.loadAverage.map((l) => l.toFixed(2)).join(" ")} as it started; Node ${input.node}, ${input.database}, ` +
      `a 3 s warm-up then three ${input.duration} s runs per row (the median run, and the range of the three rates), ` +
      "requests asking for `gzip, deflate, br` as Chrome does over https (pages with `Sec-Fetch-Dest: document`, as Chrome loads a page), load generator (autocannon) on the same machine in its own process, " +
      `${input.machine.pinning}. ` +
      "Every reply is checked (status, compression, and for autosave the JSON saying the field was saved); a row with an error or a wrong reply is marked failed. " +
      "“vs framework” is a page's rate as a share of the framework ceiling's (the section page's React tree rendered by the same build and server from constant data, without database or session), " +
      "autosave's as a share of the same write done with the database driver alone; “vs bare HTTP” against the same HTML served by bare node http.",
    "",
    "| measurement | req/s | range of 3 runs | p50 ms | p95 ms | p99 ms | errors | wrong replies | vs framework (pages) or driver (autosave) | vs bare HTTP | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...input.rows.map((r) => {
      const isPage = /^(section|reviewer dashboard|Results)/.test(r.name);
      const vsFramework =
        isPage && framework
          ? percent(r.rps, framework.rps)
          : r.name.startsWith("autosave") && input.storage
            ? percent(r.rps, input.storage.writesPerSecond)
            : "";
      const vsHttp =
        (isPage || FRAMEWORK_ROW.test(r.name)) && ceiling ? percent(r.rps, ceiling.rps) : "";
      const target = failed(r)
        ? "**failed** (errors or wrong replies)"
        : (TARGETS.find(([pattern]) => pattern.test(r.name))?.[1](r, context) ?? "");
      const range = `${r.spread[0].toFixed(0)}–${r.spread[1].toFixed(0)}`;
      return `| ${r.name} | ${r.rps.toFixed(0)} | ${range} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.wrong} | ${vsFramework} | ${vsHttp} | ${target} |`;
    }),
    input.storage
      ? `| ceiling: the same answer write with ${input.storage.driver} directly | ${input.storage.writesPerSecond.toFixed(0)} | | | | | | | | | |`
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
        `${input.dashboard.map.buildMs.toFixed(0)} ms (Natural Earth 1:50m read, simplified, projected); each request's map: ` +
        `${input.dashboard.map.renderedMs.toFixed(1)} ms when a status changed (statuses joined, rendered to ${(input.dashboard.map.htmlBytes / 1024).toFixed(1)} KB of HTML), ` +
        `${input.dashboard.map.keptMs.toFixed(2)} ms when none did (its markup kept).`
      : "",
    "",
  ];
  return lines.filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n");
}

const DATABASES = ["SQLite", "PostgreSQL"] as const;
const start = (database: string) => `<!-- latest ${database} run: written by npm run bench -->`;
const end = (database: string) => `<!-- end of the ${database} run -->`;

/**
 * docs/benchmarks.md keeps the latest run of each database: `section` (a run on `database`)
 * replaces that database's part of `existing` and leaves the other's as it was.
 */
export function mergeBenchmarks(existing: string, database: string, section: string): string {
  const parts = DATABASES.map((name) => {
    if (name === database) return section.trim();
    const from = existing.indexOf(start(name));
    const to = existing.indexOf(end(name));
    return from >= 0 && to > from
      ? existing.slice(from + start(name).length, to).trim()
      : `## ${name}\n\nNot run yet: \`${name === "PostgreSQL" ? "DATABASE_URL=postgresql://… " : ""}npm run bench\` writes it here.`;
  });
  return [
    "# Benchmarks",
    "",
    "The latest `npm run bench` on each database (SQLite by default, PostgreSQL when DATABASE_URL names one): a run replaces its own database's part and keeps the other's. " +
      "Compare rows within one run (the ratios to its ceilings); across runs, the machine line says how fast the machine was.",
    "",
    ...DATABASES.flatMap((name, i) => [start(name), "", parts[i]!, "", end(name), ""]),
  ].join("\n");
}
