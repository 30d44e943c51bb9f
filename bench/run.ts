// `npm run bench`: builds the portal, fills a separate database with the 193 Member States each
// holding a complete synthetic response, serves the production build, and measures it with
// autocannon on this machine. Prints one table and writes docs/benchmarks.md.
// SQLite by default; PostgreSQL when DATABASE_URL names one.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { isPostgresUrl, sqliteFile } from "../scripts/migrate";
import { startProductionServer, waitUntilServing } from "../scripts/production-server";
import { prepareTestDatabase } from "../scripts/test-database";
import { measureExports } from "./exports";
import { percentile, type Row, renderTable } from "./report";
import { syntheticAnswers } from "./synthetic";
import { measureWorstCases, renderWorstCases } from "./worst-case";
import { findSection, msq2020 } from "~/questionnaire";

const PORT = 3400;
const ORIGIN = `http://localhost:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SECTION = "VIII"; // five long texts near the limit
/** The answer autosave changes: the section's first long text. */
const AUTOSAVED = findSection(msq2020, SECTION)!.questions.find((q) => q.type === "longtext")!.key;

// BENCH_ONLY=worst-case: the in-process worst cases alone (no build, database or server).
if (process.env.BENCH_ONLY === "worst-case") {
  console.log(renderWorstCases(await measureWorstCases()));
  process.exit(0);
}

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
const cookies: { code: string; cookie: string }[] = [];
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
              },
            },
          }),
    },
  });
  cookies.push({ code, cookie: (await startSession(user.id)).split(";")[0]! });
}
const reviewer = await prisma.user.create({
  data: { email: "bench.reviewer@test.example.org", role: "REVIEWER" },
  select: { id: true },
});
const reviewerCookie = (await startSession(reviewer.id)).split(";")[0]!;
// The sections measured must be editable: drafts only for the page and autosave runs.
const drafts = cookies.filter((_, i) => i % 3 === 0);

// BENCH_PROFILE=1 writes the server's CPU profile to bench/.tmp/ (open it in Chrome's DevTools).
const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=bench/.tmp"] : [];
const server = startProductionServer({ port: PORT, databaseUrl, nodeOptions: profile });
await waitUntilServing(ORIGIN);

/** One autocannon run, keeping every response time (autocannon reports no 95th percentile). */
function run(options: autocannon.Options): Promise<Omit<Row, "name">> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error, result) =>
      error
        ? reject(error)
        : resolve({
            rps: result.requests.average,
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            errors: result.non2xx + result.errors + result.timeouts,
          }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
}

type Setup = (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request;
function load(connections: number, setupRequest: Setup, method: "GET" | "POST" = "GET") {
  return run({
    url: ORIGIN,
    connections,
    duration: DURATION,
    requests: [{ method, setupRequest: setupRequest as never }],
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
const autosave: Setup = (request, context) => {
  const who = focalPointOf(context);
  const previous = (context.previous as string | undefined) ?? null;
  const value = `autosaved ${who.code} ${Date.now()} ${Math.random()}`;
  context.previous = value;
  const body = new URLSearchParams({
    intent: "autosave",
    base: "0",
    fields: AUTOSAVED,
    [AUTOSAVED]: value,
    [`orig.${AUTOSAVED}`]: previous === null ? "" : fingerprint(previous),
  }).toString();
  return {
    ...request,
    method: "POST",
    path: `/countries/${who.code}/sections/${SECTION}/autosave`,
    headers: {
      Cookie: who.cookie,
      Origin: ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body,
  };
};
const dashboard: Setup = (request) => ({
  ...request,
  path: "/review",
  headers: { Cookie: reviewerCookie },
});

// BENCH_ONLY=section,autosave,dashboard measures only those (while profiling one of them).
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.includes(name);
const rows: Row[] = [];
console.error("measuring the section page, autosave and the dashboard…");
if (wanted("section"))
  for (const connections of [10, 50])
    rows.push({
      name: `section page (${SECTION}), ${connections} connections`,
      ...(await load(connections, sectionPage)),
    });
if (wanted("autosave"))
  for (const connections of [10, 50])
    rows.push({
      name: `autosave one field, ${connections} connections`,
      ...(await load(connections, autosave, "POST")),
    });
if (wanted("dashboard"))
  rows.push({
    name: "reviewer dashboard (193 rows), 10 connections",
    ...(await load(10, dashboard)),
  });

// The HTTP ceiling: a bare Node server answering the same HTML bytes.
const sample = drafts[0]!;
const html = Buffer.from(
  await (
    await fetch(`${ORIGIN}/countries/${sample.code}/sections/${SECTION}`, {
      headers: { Cookie: sample.cookie },
    })
  ).text(),
);
const bare = http.createServer((_req, res) =>
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html),
);
await new Promise<void>((resolve) => bare.listen(PORT + 1, resolve));
const ceiling = await run({
  url: `http://localhost:${PORT + 1}/`,
  connections: 50,
  duration: DURATION,
});
bare.close();
rows.push({ name: "ceiling: bare node http, same HTML, 50 connections", ...ceiling });

// The storage ceiling: the same answer write done directly with the driver.
let storage: { writesPerSecond: number } | null = null;
if (!isPostgresUrl(databaseUrl)) {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(sqliteFile(databaseUrl));
  db.pragma("journal_mode = WAL");
  const read = db.prepare(`SELECT id, answers, revision FROM "Response" WHERE countryCode = ?`);
  const write = db.prepare(
    `UPDATE "Response" SET answers = ?, revision = ? WHERE id = ? AND revision = ?`,
  );
  const event = db.prepare(`INSERT INTO "Event" (id, kind, at, fields) VALUES (?, 'bench', ?, ?)`);
  const n = 3000;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const row = read.get(drafts[i % drafts.length]!.code) as {
      id: string;
      answers: string;
      revision: number;
    };
    const answers = { ...JSON.parse(row.answers), [AUTOSAVED]: `direct ${i}` };
    db.transaction(() => {
      write.run(JSON.stringify(answers), row.revision + 1, row.id, row.revision);
      event.run(`bench${i}`, Date.now(), JSON.stringify([AUTOSAVED]));
    })();
  }
  storage = { writesPerSecond: n / ((performance.now() - started) / 1000) };
  db.close();
}

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

const exited = new Promise((resolve) => server.once("exit", resolve));
server.kill("SIGTERM");
await exited; // the CPU profile is written as the server exits
if (only) {
  // A partial run (profiling): print its rows, keep docs/benchmarks.md as it is.
  for (const row of rows) console.log(row);
  await prisma.$disconnect();
  process.exit(0);
}
console.error("measuring exports…");
const exports = await measureExports(databaseUrl);
await prisma.$disconnect();
console.error("measuring the worst-case inputs…");
const worstCases = await measureWorstCases();

const report = `${renderTable({
  date: new Date().toISOString().slice(0, 10),
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "",
  node: process.version,
  database: isPostgresUrl(databaseUrl) ? "PostgreSQL" : "SQLite",
  duration: DURATION,
  rows,
  storage,
  page,
  exports,
})}\n${renderWorstCases(worstCases)}`;
console.log(report);
writeFileSync("docs/benchmarks.md", report);
process.exit(0);
