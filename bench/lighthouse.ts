import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumExecutable } from "../tests/support/browser";

// Lighthouse 12 (the line for Node 20) over the portal's main pages, as part of `npm run bench`
// (issue 20): mobile emulation with its default simulated throttling, in Debian's Chromium. Each
// page's performance, accessibility and best-practices scores against the targets, and, when a
// score is short, the audits that cost it points, so the run says what to fix.

export type LighthousePage = {
  name: string;
  url: string;
  cookie?: string;
  performanceTarget: number;
};

export type LighthouseResult = {
  name: string;
  /** The lowest and highest performance score of the runs ("91–97"). */
  performanceRange: string;
  scores: { performance: number; accessibility: number; bestPractices: number };
  /** The metrics performance is scored on, as Lighthouse shows them ("1.2 s"), and the bytes. */
  metrics: Record<(typeof METRICS)[number], string>;
  /** `category: audit title` of each audit that lost points in a category short of its target. */
  failing: string[];
  met: boolean;
};

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
/** Runs per page (LIGHTHOUSE_RUNS, 3 by default); the median is reported. */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "total-byte-weight",
] as const;

/** An audit's title, its value ("2.3 s") and what its first items name (the issues' kinds). */
function describeAudit(
  audit: { title: string; displayValue?: string; details?: unknown } | undefined,
  id: string,
): string {
  if (!audit) return id;
  const items = ((audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [])
    .slice(0, 3)
    .map((item) => String(item.issueType ?? item.url ?? item.node ?? "").slice(0, 80))
    .filter(Boolean);
  const value = audit.displayValue ? ` (${audit.displayValue})` : "";
  return `${audit.title}${value}${items.length ? `: ${items.join(", ")}` : ""}`;
}

export async function runLighthouse(pages: LighthousePage[]): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const page of pages) {
    // A browser (and profile) of its own for each page: a cookie one page's server set (a
    // focal point's refreshed session) must not go with the next page's requests, where the
    // server would read it before the reviewer's (403 instead of the dashboard).
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumExecutable(),
      chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    });
    try {
      // Lighthouse's scores move from run to run (its own advice: take the median of several):
      // each page is run RUNS times and the run with the median performance score is reported,
      // with the range. A run Lighthouse itself could not finish (a trace lost on a busy
      // machine: a runtimeError) is run again, twice at most.
      const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>[] = [];
      for (let attempt = 1; runs.length < RUNS && attempt <= RUNS + 2; attempt++) {
        const attemptRun = await lighthouse(page.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
        });
        if (!attemptRun) continue;
        if (attemptRun.lhr.runtimeError) {
          // What the server says to the same request, so the run tells why.
          const answer = await fetch(page.url, {
            headers: page.cookie ? { Cookie: page.cookie } : {},
            redirect: "manual",
          }).then(
            (r) => `${r.status} ${r.headers.get("location") ?? ""}`,
            (error: unknown) => String(error),
          );
          console.error(
            `Lighthouse ${page.name}: ${attemptRun.lhr.runtimeError.code}: ${attemptRun.lhr.runtimeError.message} (the server answers ${answer}); again`,
          );
          if (attempt < RUNS + 2) continue;
        }
        runs.push(attemptRun);
      }
      const performanceOf = (r: (typeof runs)[number]) => r.lhr.categories.performance?.score ?? 0;
      const sorted = [...runs].sort((a, b) => performanceOf(a) - performanceOf(b));
      const run = sorted[Math.floor((sorted.length - 1) / 2)];
      const range = sorted.map((r) => Math.round(performanceOf(r) * 100));
      if (!run) throw new Error(`Lighthouse gave no result for ${page.url}`);
      const { categories, audits } = run.lhr;
      const score = (id: (typeof CATEGORIES)[number]) =>
        Math.round((categories[id]?.score ?? 0) * 100);
      const targets = {
        performance: page.performanceTarget,
        accessibility: 100,
        "best-practices": 100,
      } as const;
      const runtimeError = run.lhr.runtimeError
        ? [`Lighthouse could not measure the page: ${run.lhr.runtimeError.code}`]
        : [];
      const failing = CATEGORIES.filter((id) => score(id) < targets[id]).flatMap((id) =>
        (categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${id}: ${describeAudit(audits[ref.id], ref.id)}`),
      );
      results.push({
        name: page.name,
        performanceRange: range.length > 1 ? `${range[0]}–${range[range.length - 1]}` : "",
        scores: {
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
        },
        metrics: Object.fromEntries(
          METRICS.map((id) => [id, audits[id]?.displayValue ?? "–"]),
        ) as LighthouseResult["metrics"],
        failing: [...runtimeError, ...failing],
        met: CATEGORIES.every((id) => score(id) >= targets[id]),
      });
    } finally {
      chrome.kill();
    }
  }
  return results;
}

export function renderLighthouse(results: LighthouseResult[], targets: LighthousePage[]): string {
  const lines = [
    `| page (Lighthouse 12, mobile, simulated throttling; the median of ${RUNS} runs) | performance | its range | accessibility | best practices | FCP | LCP | TBT | CLS | speed index | transferred | target |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map((r, i) => {
      const target = `performance ≥ ${targets[i]!.performanceTarget}, accessibility and best practices 100`;
      const m = METRICS.map((id) => r.metrics[id].replace(/^Total size was /, "")).join(" | ");
      return `| ${r.name} | ${r.scores.performance} | ${r.performanceRange} | ${r.scores.accessibility} | ${r.scores.bestPractices} | ${m} | ${r.met ? "met" : "missed"} (${target}) |`;
    }),
  ];
  const failing = results.filter((r) => r.failing.length > 0);
  if (failing.length > 0)
    lines.push(
      "",
      "Audits that cost points where a target is missed:",
      "",
      ...failing.map((r) => `- ${r.name}: ${r.failing.join("; ")}`),
    );
  return lines.join("\n");
}
