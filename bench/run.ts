// `npm run bench`: builds the portal, fills a separate database with the 193 Member States each
// holding a complete synthetic response, serves the production build, and measures it with
// autocannon on this machine. Prints one table and writes docs/benchmarks.md.
// SQLite by default; PostgreSQL when DATABASE_URL names one.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import type autocannon from "autocannon";
import { isPostgresUrl } from "../scripts/migrate";
import { startProductionServer, waitUntilServing } from "../scripts/production-server";
import { prepareTestDatabase } from "../scripts/test-database";
import { driverWriteCeiling } from "./driver-ceiling";
import { measureExports } from "./exports";
import { renderSlowLinks, runSlowLinks, type SlowPage } from "./slow-links";
import { measureMap } from "./map";
import { autosaveBench } from "./autosave";
import { serveCeiling } from "./ceiling";
import { type Check, DURATION, compressedPage, measure } from "./measure";
import { describeCpuSpeed, measureCpuLoop } from "./cpu-loop";
import { onServerCores, pinLoadGenerator, pinningDescription } from "./pinning";
import { failed, mergeBenchmarks, type Row, renderTable } from "./report";
import { syntheticAnswers } from "./synthetic";
import { measureWorstCases, renderWorstCases } from "./worst-case";
import { allQuestions, findSection } from "~/questionnaire";
import { resultAnchor } from "~/results/query";
import {
  renderLighthouse,
  runLighthouse,
  type LighthousePage,
  type LighthouseResult,
} from "./lighthouse";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const ORIGIN = `http://localhost:${PORT}`;
/** What Chrome asks for over https, the way focal points reach the portal. */
const BROWSER_ENCODINGS = "gzip, deflate, br";
/** What Chrome says of a page it loads (a document, not a navigation's data). */
const DOCUMENT_REQUEST = { "Sec-Fetch-Dest": "document" };
const SECTION = "VIII"; // five long texts near the limit
/** The answer autosave changes: the section's first long text. */
const AUTOSAVED = findSection(msq2020, SECTION)!.questions.find((q) => q.type === "longtext")!.key;

// BENCH_ONLY=worst-case: the in-process worst cases alone (no build, database or server).
if (process.env.BENCH_ONLY === "worst-case") {
  console.log(renderWorstCases(await measureWorstCases()));
  process.exit(0);
}

// The machine's single-thread speed and load as the run starts, before the build loads it.
const machine = {
  cpuLoop: describeCpuSpeed(measureCpuLoop()),
  loadAverage: os.loadavg(),
  pinning: pinningDescription(),
};
console.error(
  `machine: ${machine.cpuLoop}, load average ${machine.loadAverage.join(" ")}; ${machine.pinning}`,
);

if (!process.argv.includes("--no-build"))
  execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
process.env.DATABASE_URL = await prepareTestDatabase("bench");
const databaseUrl = process.env.DATABASE_URL;
const { prisma } = await import("~/db.server");
const { startSession } = await import("~/auth/session.server");
const { fingerprint } = await import("~/questionnaire/form-data");
const { seedReferenceData } = await import("../prisma/seed");

console.error("filling the benchmark database: 193 complete responses…");
await seedReferenceData();
const countries = await prisma.country.findMany({
  select: { code: true },
  orderBy: { code: "asc" },
});
const cookies: { code: string; cookie: string; userId: string }[] = [];
for (const [i, { code }] of countries.entries()) {
  const answers = syntheticAnswers(i);
  const user = await prisma.user.create({
    data: {
      email: `bench.${code.toLowerCase()}@test.example.org`,
      role: "FOCAL_POINT",
      countries: { create: { countryCode: code } },
    },
    select: { id: true },
  });
  const status = i % 3 === 0 ? "DRAFT" : i % 3 === 1 ? "SUBMITTED" : "ACCEPTED";
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: code,
      questionnaireVersion: 1,
      status,
      answers,
      fieldVersions: {},
      authorizePublication: i % 2 === 0,
      revision: 1,
      submittedAt: status === "DRAFT" ? null : new Date(),
      acceptedAt: status === "ACCEPTED" ? new Date() : null,
      ...(status === "DRAFT"
        ? {}
        : {
            submissions: {
              create: {
                number: 1,
                questionnaireVersion: 1,
                answers,
                authorizePublication: i % 2 === 0,
                // Spread over the 60 days before the run: the dashboard's response-rate chart.
                createdAt: new Date(Date.now() - (i % 60) * 86_400_000),
              },
            },
          }),
    },
  });
  cookies.push({ code, cookie: (await startSession(user.id)).split(";")[0]!, userId: user.id });
}
const reviewer = await prisma.user.create({
  data: { email: "bench.reviewer@test.example.org", role: "REVIEWER" },
  select: { id: true },
});
/** The dashboard's map holds every Member State: the last one's link shows the whole map came. */
const LAST_CODE = countries.at(-1)!.code;
/** The dashboard lists every country: the last one's name shows the whole page came. */
const LAST_COUNTRY = (
  await prisma.country.findFirstOrThrow({
    select: { name: true },
    orderBy: { name: "desc" },
  })
).name;
const reviewerCookie = (await startSession(reviewer.id)).split(";")[0]!;
// The sections measured must be editable: drafts only for the page and autosave runs.
const drafts = cookies.filter((_, i) => i % 3 === 0);

// The framework ceiling's constant data: the first draft's section page as its loader gives it,
// computed here once, served by the same build and server from /bench/framework-ceiling.
const { loadSectionPage } = await import("~/routes/countries.$code.sections.$section/page.server");
mkdirSync("bench/.tmp", { recursive: true });
const FRAMEWORK_DATA = "bench/.tmp/framework-ceiling.json";
writeFileSync(
  FRAMEWORK_DATA,
  JSON.stringify(
    await loadSectionPage({
      userId: drafts[0]!.userId,
      countryCode: drafts[0]!.code,
      sectionId: SECTION,
      pending: null,
      locale: "en",
    }),
  ),
);
process.env.BENCH_FRAMEWORK_CEILING = FRAMEWORK_DATA;

// BENCH_PROFILE=1 writes the server's CPU profile to bench/.tmp/ (open it in Chrome's DevTools).
const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=bench/.tmp"] : [];
pinLoadGenerator(); // BENCH_PIN=on: from here on, this process on a core of its own
const server = startProductionServer({
  port: PORT,
  databaseUrl,
  nodeOptions: profile,
  wrap: onServerCores,
});
// A run that fails on the way does not leave its server behind.
process.on("exit", () => server.kill("SIGTERM"));
await waitUntilServing(ORIGIN);

type Setup = (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request;
/** A row of `connections` connections, each keeping its own `context` between its requests. */
function load(
  connections: number,
  setupRequest: Setup,
  method: "GET" | "POST" = "GET",
  check: Check = (status) => status >= 200 && status < 300,
) {
  return measure(ORIGIN, connections, () => {
    const context: Record<string, unknown> = {};
    return {
      setupRequest: (request) => {
        const built = setupRequest({ ...request, method }, context);
        const headers = { ...built.headers, "Accept-Encoding": BROWSER_ENCODINGS };
        return {
          ...built,
          headers: method === "GET" ? { ...headers, ...DOCUMENT_REQUEST } : headers,
        };
      },
      check,
    };
  });
}

/** Each connection acts as one focal point of a draft, the connections in turn. */
let next = 0;
function focalPointOf(context: Record<string, unknown>) {
  context.who ??= drafts[next++ % drafts.length];
  return context.who as (typeof drafts)[number];
}

const sectionPage: Setup = (request, context) => {
  const who = focalPointOf(context);
  return {
    ...request,
    path: `/countries/${who.code}/sections/${SECTION}`,
    headers: { Cookie: who.cookie },
  };
};
const autosave = autosaveBench({
  origin: ORIGIN,
  section: SECTION,
  field: AUTOSAVED,
  drafts,
  initial: await autosavedValues(),
  fingerprint,
  readStored: autosavedValues,
});
async function autosavedValues() {
  const responses = await prisma.response.findMany({
    where: { roundId: "2020", countryCode: { in: drafts.map((d) => d.code) } },
    select: { countryCode: true, answers: true },
  });
  return new Map(
    responses.map((r) => [
      r.countryCode,
      ((r.answers as Record<string, string | null>)[AUTOSAVED] ?? null) as string | null,
    ]),
  );
}
// The dashboard shows 25 rows a page; "Show all" is the heaviest page a reviewer asks for.
const dashboard: Setup = (request) => ({
  ...request,
  path: "/review?page=all",
  headers: { Cookie: reviewerCookie },
});
// The page as it opens: the world map and the response rate over time, then 25 rows.
const dashboardFirstPage: Setup = (request) => ({
  ...request,
  path: "/review",
  headers: { Cookie: reviewerCookie },
});

// The Results page charts every question over the submitted and accepted responses: the last
// question's chart shows the whole page came. One connection: its latency is the server's time.
const LAST_RESULT = `id="${resultAnchor(allQuestions(msq2020).at(-1)!.key)}"`;
const COUNTED = await prisma.response.count({
  where: { roundId: "2020", status: { in: ["SUBMITTED", "ACCEPTED"] } },
});
const LONG_TEXT = allQuestions(msq2020).find((q) => q.type === "longtext")!.key;
const resultsPage =
  (search: string): Setup =>
  (request) => ({
    ...request,
    path: `/review/results${search}`,
    headers: { Cookie: reviewerCookie },
  });

// BENCH_ONLY=section,autosave,dashboard,results,framework,ceiling,lighthouse,slow-links measures
// only those (while profiling one of them).
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);
const rows: Row[] = [];
console.error("measuring the section page, autosave, the dashboard and the Results page…");
if (wanted("section"))
  for (const connections of [10, 50])
    rows.push({
      name: `section page (${SECTION}), ${connections} connections`,
      ...(await load(connections, sectionPage, "GET", compressedPage(`name="${AUTOSAVED}"`))),
    });
let autosaved: Awaited<ReturnType<typeof autosave.verify>> | null = null;
if (wanted("autosave")) {
  for (const connections of [10, 50])
    rows.push({
      name: `autosave one field, ${connections} connections`,
      ...(await measure(ORIGIN, connections, autosave.connect, autosave.settle)),
    });
  // Only autosave writes answers in the bench: every save event is one of its saves.
  autosaved = await autosave.verify(
    await prisma.event.count({ where: { kind: "response.saved" } }),
  );
  console.error(
    `autosave: ${autosaved.acknowledged} replies saved, ${autosaved.committedUnanswered} committed after the run stopped, ${autosaved.savedEvents} response.saved events`,
  );
  if (autosaved.problems.length > 0) {
    console.error(autosaved.problems.slice(0, 20).join("\n"));
    for (const row of rows) if (row.name.startsWith("autosave")) row.wrong += 1;
  }
}
if (wanted("dashboard")) {
  rows.push({
    name: "reviewer dashboard with the map (193 rows), 10 connections",
    ...(await load(10, dashboard, "GET", compressedPage(LAST_COUNTRY))),
  });
  // One connection: each request alone, so its latency is the server's time for it (plus the
  // loopback), as issue 17 sets the map page's target in server time.
  rows.push({
    name: "reviewer dashboard with the map (25 rows), 1 connection",
    ...(await load(1, dashboardFirstPage, "GET", compressedPage(`data-code="${LAST_CODE}"`))),
  });
}
if (wanted("results")) {
  rows.push({
    name: `Results page (193 responses, ${COUNTED} counted), 1 connection`,
    ...(await load(1, resultsPage(""), "GET", compressedPage(LAST_RESULT))),
  });
  rows.push({
    name: "Results page by region, searching a long text, 1 connection",
    ...(await load(
      1,
      resultsPage(`?by=region&key=${LONG_TEXT}&q=digital`),
      "GET",
      compressedPage("<mark>"),
    )),
  });
}

// The HTTP ceiling: the same HTML bytes served by as many worker processes as the portal has,
// compressed the same way, with nothing else (bench/ceiling-server.ts, its own processes).
const sample = drafts[0]!;
const html = Buffer.from(
  await (
    await fetch(`${ORIGIN}/countries/${sample.code}/sections/${SECTION}`, {
      headers: { Cookie: sample.cookie },
    })
  ).text(),
);
// What a reviewer's dashboard weighs as it opens (the map's SVG and its data are in it).
const dashboardHtml = Buffer.from(
  await (
    await fetch(`${ORIGIN}/review`, { headers: { Cookie: reviewerCookie, ...DOCUMENT_REQUEST } })
  ).text(),
);
// The framework ceiling: the section page's React tree through Remix's document render, in the
// same server, from constant loader data (no database, no session): what Remix and React allow.
if (wanted("framework"))
  rows.push({
    name: "framework ceiling: the section page's tree from constant data, 50 connections",
    ...(await load(
      50,
      (request) => ({ ...request, path: "/bench/framework-ceiling" }),
      "GET",
      compressedPage(`name="${AUTOSAVED}"`),
    )),
  });
if (wanted("ceiling")) {
  const ceiling = await serveCeiling(html, PORT + 1);
  rows.push({
    name: "ceiling: bare node http, same HTML, 50 connections",
    ...(await measure(`http://localhost:${PORT + 1}/`, 50, () => ({
      setupRequest: (request) => ({
        ...request,
        headers: { "Accept-Encoding": BROWSER_ENCODINGS, ...DOCUMENT_REQUEST },
      }),
      check: compressedPage(`name="${AUTOSAVED}"`),
    }))),
  });
  await ceiling.stop();
}

// The storage ceiling: the same answer write done directly with the driver (bench/driver-ceiling.ts).
const storage = wanted("autosave")
  ? await driverWriteCeiling(
      databaseUrl,
      drafts.map((d) => d.code),
      AUTOSAVED,
    )
  : null;

// What a focal point's section page downloads.
const scripts = [...html.toString().matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map(
  (m) => m[1]!,
);
let jsGzip = 0;
for (const src of new Set(scripts))
  jsGzip += gzipSync(Buffer.from(await (await fetch(`${ORIGIN}${src}`)).arrayBuffer())).length;
const page = {
  htmlBytes: html.length,
  htmlGzip: gzipSync(html).length,
  jsGzip,
  jsFiles: new Set(scripts).size,
};

// Lighthouse over the main pages, each as its user sees it (issue 20).
const submittedCode = countries[1]!.code; // i % 3 === 1: submitted
const lighthousePages: LighthousePage[] = [
  { name: "home page", url: `${ORIGIN}/`, performanceTarget: 90 },
  {
    name: `section page (${SECTION})`,
    url: `${ORIGIN}/countries/${sample.code}/sections/${SECTION}`,
    cookie: sample.cookie,
    performanceTarget: 95,
  },
  {
    name: "check answers",
    url: `${ORIGIN}/countries/${sample.code}/review`,
    cookie: sample.cookie,
    performanceTarget: 90,
  },
  { name: "dashboard", url: `${ORIGIN}/review`, cookie: reviewerCookie, performanceTarget: 90 },
  {
    name: "review page",
    url: `${ORIGIN}/review/${submittedCode}`,
    cookie: reviewerCookie,
    performanceTarget: 90,
  },
  {
    name: "Results page",
    url: `${ORIGIN}/review/results`,
    cookie: reviewerCookie,
    performanceTarget: 90,
  },
];
let lighthouseResults: LighthouseResult[] = [];
if (wanted("lighthouse")) {
  console.error("running Lighthouse…");
  lighthouseResults = await runLighthouse(lighthousePages);
  for (const r of lighthouseResults)
    console.error(
      `lighthouse ${r.name}: ${JSON.stringify(r.scores)} ${JSON.stringify(r.metrics)}${r.met ? "" : ` missed: ${r.failing.join("; ")}`}`,
    );
}

// The main pages on a slow link, cold and warm, and an autosave's round trip (issue 21).
let slowLinks: Awaited<ReturnType<typeof runSlowLinks>> | null = null;
if (wanted("slow-links")) {
  console.error("loading pages on an emulated slow link…");
  const sectionSlow: SlowPage = {
    name: `section page (${SECTION})`,
    url: `${ORIGIN}/countries/${sample.code}/sections/${SECTION}`,
    cookie: sample.cookie,
    form: true,
  };
  slowLinks = await runSlowLinks(
    ORIGIN,
    [
      sectionSlow,
      {
        name: "check answers",
        url: `${ORIGIN}/countries/${sample.code}/review`,
        cookie: sample.cookie,
      },
      { name: "dashboard", url: `${ORIGIN}/review`, cookie: reviewerCookie },
      { name: "Results page", url: `${ORIGIN}/review/results`, cookie: reviewerCookie },
    ],
    { page: sectionSlow, field: AUTOSAVED },
  );
}

const exited = new Promise((resolve) => server.once("exit", resolve));
server.kill("SIGTERM");
await exited; // the CPU profile is written as the server exits
if (only) {
  // A partial run (profiling): print its rows, keep docs/benchmarks.md as it is.
  for (const row of rows) console.log(row);
  if (storage) console.log(storage);
  if (slowLinks) console.log(renderSlowLinks(slowLinks));
  await prisma.$disconnect();
  process.exit(rows.some(failed) ? 1 : 0);
}
console.error("measuring exports…");
const exports = await measureExports(databaseUrl);
await prisma.$disconnect();
console.error("measuring the worst-case inputs…");
const worstCases = await measureWorstCases();
console.error("measuring the world map in process…");
const map = measureMap();

const section = `${renderTable({
  date: new Date().toISOString().slice(0, 10),
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "",
  node: process.version,
  database: isPostgresUrl(databaseUrl) ? "PostgreSQL" : "SQLite",
  duration: DURATION,
  rows,
  autosaved,
  storage,
  machine,
  page,
  exports,
  dashboard: {
    htmlBytes: dashboardHtml.length,
    htmlGzip: gzipSync(dashboardHtml).length,
    map,
  },
})}\n${renderWorstCases(worstCases)}\n\n${renderLighthouse(lighthouseResults, lighthousePages)}\n\n${renderSlowLinks(slowLinks)}\n`;
console.log(section);
// docs/benchmarks.md keeps the latest run of each database: this one replaces its own section.
const BENCHMARKS = "docs/benchmarks.md";
let existing = "";
try {
  existing = readFileSync(BENCHMARKS, "utf8");
} catch {
  // a first run
}
writeFileSync(
  BENCHMARKS,
  mergeBenchmarks(existing, isPostgresUrl(databaseUrl) ? "PostgreSQL" : "SQLite", section),
);
process.exit(rows.some(failed) ? 1 : 0);
