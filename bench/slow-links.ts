import { chromium, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../tests/support/browser";

// Slow links (issue 21): the main pages in Debian's Chromium through Playwright, with Chrome's
// own network emulation (CDP `Network.emulateNetworkConditions`): 400 kbit/s each way and 400 ms
// of latency added to every request. Each page cold (a new browser context: empty cache, new
// connections) and then warm (the same context, loaded again: scripts and styles from the cache).
//
// - bytes: the sum of `encodedDataLength` of every `Network.loadingFinished` of the page (what
//   came over the wire, compressed; nothing for what the cache served), until the network has
//   been idle for a second after the load event.
// - typeable (the section page): from the navigation's start to the moment a key pressed in the
//   form's first visible text field shows in its value. Playwright presses it as soon as the field
//   is attached, visible, stable and enabled; the page's own `input` event records the time.
//   The page takes keys before its JavaScript runs (the browser's own editing); "hydrated" is when
//   React has taken the field over (autosave listens from then on).
// - load: the load event's end; LCP: the largest contentful paint (PerformanceObserver).
// - the autosave round trip: on the warm section page, a field's value set by JavaScript (an
//   `input` event, as typing makes), then the time from the autosave request's start (Resource
//   Timing) to "Saved" appearing in the page's status line; the 1.2 s wait before a save is sent
//   is reported apart (typed → saved).

export const SLOW_LINK = {
  downloadKbps: 400,
  uploadKbps: 400,
  latencyMs: 400,
};

export type SlowPage = {
  name: string;
  url: string;
  cookie: string;
  /** The section page: measure when its form can be typed in. */
  form?: boolean;
};

export type SlowLoad = {
  bytes: number;
  requests: number;
  /** ms from the navigation's start; null when the page has no form. */
  typeable: number | null;
  hydrated: number | null;
  load: number;
  fcp: number | null;
  /** Null when a key pressed before the first candidate was recorded (input ends LCP). */
  lcp: number | null;
};

export type SlowResult = { name: string; form: boolean; cold: SlowLoad; warm: SlowLoad };
export type SlowSave = {
  /** The autosave request's start to "Saved" in the page. */
  roundTripMs: number;
  /** The request's start to its response's end (Resource Timing). */
  fetchMs: number;
  /** The value set to "Saved" in the page, the wait before sending included. */
  typedToSavedMs: number;
};

const TYPEABLE_COLD_MS = 3000;
const TYPEABLE_WARM_MS = 1500;
const SAVE_MS = 1500;

/** Records the first `input` event's time and the largest contentful paint, in the page. */
const PAGE_PROBE = `
  window.__slow = { input: null, fcp: null, lcp: null };
  addEventListener("input", () => { window.__slow.input ??= performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__slow.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") window.__slow.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
`;
const FIRST_FIELD = 'form.questionnaire-form fieldset.questions :is(input[type="text"], textarea)';

type Probe = { input: number | null; fcp: number | null; lcp: number | null };

async function throttle(cdp: CDPSession) {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_LINK.latencyMs,
    downloadThroughput: (SLOW_LINK.downloadKbps * 1000) / 8,
    uploadThroughput: (SLOW_LINK.uploadKbps * 1000) / 8,
  });
}

/** Counts the bytes received and the requests in flight, on the page's CDP session. */
function watchNetwork(cdp: CDPSession) {
  const inFlight = new Set<string>();
  const state = { bytes: 0, requests: 0, lastChange: performance.now() };
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!inFlight.has(e.requestId)) state.requests += 1;
    inFlight.add(e.requestId);
    state.lastChange = performance.now();
  });
  cdp.on("Network.loadingFinished", (e) => {
    state.bytes += e.encodedDataLength;
    inFlight.delete(e.requestId);
    state.lastChange = performance.now();
  });
  cdp.on("Network.loadingFailed", (e) => {
    inFlight.delete(e.requestId);
    state.lastChange = performance.now();
  });
  return {
    reset: () => {
      state.bytes = 0;
      state.requests = 0;
    },
    state,
    /** Until nothing has been in flight for `quietMs`. */
    idle: async (quietMs = 1000) => {
      while (inFlight.size > 0 || performance.now() - state.lastChange < quietMs)
        await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

async function loadOnce(
  page: Page,
  network: ReturnType<typeof watchNetwork>,
  target: SlowPage,
): Promise<SlowLoad> {
  network.reset();
  // Awaited below; caught here so that an error in the meantime is the one reported.
  const navigation = page.goto(target.url, { waitUntil: "load", timeout: 60_000 });
  navigation.catch(() => {});
  let typeable: number | null = null;
  let hydrated: number | null = null;
  if (target.form) {
    const field = page.locator(FIRST_FIELD).filter({ visible: true }).first();
    await field.press("x", { timeout: 60_000 });
    const value = await field.inputValue();
    if (!value.includes("x")) throw new Error(`${target.name}: the key did not land in the field`);
    // A field nobody can see yet cannot be typed in: not before the first contentful paint.
    typeable = await page.evaluate(async () => {
      const probe = (window as unknown as { __slow: Probe }).__slow;
      while (probe.fcp === null) await new Promise((resolve) => setTimeout(resolve, 10));
      return Math.max(probe.input ?? Infinity, probe.fcp);
    });
    // React has taken the field over once it has attached its props to the element.
    hydrated = await page.evaluate(
      (selector) =>
        // No named functions in here: tsx's transform would name them with a helper the page
        // lacks.
        new Promise<number>((resolve) => {
          const timer = setInterval(() => {
            const element = document.querySelector(selector);
            if (element && Object.keys(element).some((k) => k.startsWith("__reactProps"))) {
              clearInterval(timer);
              resolve(performance.now());
            }
          }, 10);
        }),
      FIRST_FIELD,
    );
    // Take the key back out, so the page saves nothing of the probe.
    await field.press("Backspace");
  }
  await navigation;
  await network.idle();
  const timing = await page.evaluate(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      load: entry.loadEventEnd,
      fcp: (window as unknown as { __slow: Probe }).__slow.fcp,
      lcp: (window as unknown as { __slow: Probe }).__slow.lcp,
    };
  });
  return {
    bytes: network.state.bytes,
    requests: network.state.requests,
    typeable,
    hydrated,
    ...timing,
  };
}

export async function runSlowLinks(
  origin: string,
  pages: SlowPage[],
  /** The section page's field autosave changes (its name attribute). */
  autosaved: { page: SlowPage; field: string },
): Promise<{ pages: SlowResult[]; save: SlowSave }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
  });
  try {
    const open = async (target: SlowPage) => {
      const context = await browser.newContext();
      const [name, ...value] = target.cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url: origin }]);
      await context.addInitScript(PAGE_PROBE);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const network = watchNetwork(cdp);
      await throttle(cdp);
      return { context, page, network };
    };
    const results: SlowResult[] = [];
    for (const target of pages) {
      const { context, page, network } = await open(target);
      const cold = await loadOnce(page, network, target);
      const warm = await loadOnce(page, network, target);
      results.push({ name: target.name, form: !!target.form, cold, warm });
      await context.close();
    }

    // The autosave round trip, on the section page loaded warm.
    const { context, page, network } = await open(autosaved.page);
    await loadOnce(page, network, autosaved.page);
    await loadOnce(page, network, autosaved.page);
    const save = await page.evaluate(
      (field) =>
        new Promise<{ typed: number; saved: number; start: number; end: number }>(
          (resolve, reject) => {
            const element = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(
              `[name="${field}"]`,
            );
            if (!element) return reject(new Error(`no field ${field}`));
            const status = document.querySelector(".autosave-status")!;
            const typed = performance.now();
            new MutationObserver((_, observer) => {
              if (!status.querySelector('[data-status="saved"]')) return;
              const saved = performance.now();
              observer.disconnect();
              const request = performance
                .getEntriesByType("resource")
                .filter((e) => e.name.includes("/autosave") && e.startTime >= typed)
                .at(-1) as PerformanceResourceTiming | undefined;
              if (!request) return reject(new Error("no autosave request in Resource Timing"));
              resolve({ typed, saved, start: request.startTime, end: request.responseEnd });
            }).observe(status, { subtree: true, childList: true, attributes: true });
            element.value = `slow link ${Date.now()}`;
            element.dispatchEvent(new Event("input", { bubbles: true }));
          },
        ),
      autosaved.field,
    );
    await context.close();
    return {
      pages: results,
      save: {
        roundTripMs: save.saved - save.start,
        fetchMs: save.end - save.start,
        typedToSavedMs: save.saved - save.typed,
      },
    };
  } finally {
    await browser.close();
  }
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const verdict = (ok: boolean, target: string) => `${ok ? "met" : "missed"} (${target})`;

export function renderSlowLinks(run: { pages: SlowResult[]; save: SlowSave } | null): string {
  if (!run) return "";
  const { downloadKbps, uploadKbps, latencyMs } = SLOW_LINK;
  const lines = [
    `| page on a slow link (Chromium's emulation: ${downloadKbps} kbit/s down, ${uploadKbps} up, ${latencyMs} ms latency) | cache | bytes transferred | requests (cached ones too) | typeable | hydrated | FCP | load event | LCP | target |`,
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of run.pages)
    for (const [cache, load] of [
      ["cold", r.cold],
      ["warm", r.warm],
    ] as const) {
      const limit = cache === "cold" ? TYPEABLE_COLD_MS : TYPEABLE_WARM_MS;
      const target = r.form
        ? verdict(load.typeable !== null && load.typeable <= limit, `typeable ≤ ${limit / 1000} s`)
        : "";
      lines.push(
        `| ${r.name} | ${cache} | ${(load.bytes / 1024).toFixed(1)} KB | ${load.requests} | ${seconds(load.typeable)} | ${seconds(load.hydrated)} | ${seconds(load.fcp)} | ${seconds(load.load)} | ${seconds(load.lcp)} | ${target} |`,
      );
    }
  lines.push(
    "",
    `Autosave on the slow link (the section page, warm): the save's request to “Saved” in the page ${seconds(run.save.roundTripMs)} ` +
      `(the request itself ${seconds(run.save.fetchMs)}; from the value typed, with the 1.2 s wait before a save is sent, ${seconds(run.save.typedToSavedMs)}) — ` +
      `${verdict(run.save.roundTripMs <= SAVE_MS, `acknowledged ≤ ${SAVE_MS / 1000} s`)}. ` +
      "Typeable: from the navigation's start until a key pressed in the form's first visible text field shows in its value " +
      "(the field attached, visible, stable and enabled; the browser edits it before the page's JavaScript runs), and not before the first contentful paint; " +
      "hydrated: React has taken the field over (autosave listens). LCP “—”: the key pressed ended it before a candidate was recorded. " +
      "Cold: a new browser context (empty cache, new connections); warm: the same page loaded again in it.",
  );
  return lines.join("\n");
}
