// `npm run test:load:two`: the portal scaled out (issue 21, point 4). Two production servers,
// separate processes on two ports (each with its own workers), against one PostgreSQL database,
// as two hosts behind a load balancer. Every request goes to the instances in turn; a request
// that fails (the instance is down) is retried on the next.
//
// 1. Conflicts between instances: for CONFLICT_COUNTRIES countries, two colleagues save the same
//    field from the same starting value, one through each instance, at the same moment and then
//    one after the other: exactly one save must win each time and the other be told of the
//    conflict, as on one instance.
// 2. Load: 193 countries × 3 focal points, each autosaving a field of their own every 5 s, and 20
//    reviewers browsing the dashboard, responses and the Results page, for LOAD_SECONDS (60).
//    Halfway, the second instance (its primary and workers) is killed with SIGKILL while saves are
//    in flight, and restarted; its clients' saves go on through the first instance meanwhile.
// Afterwards every acknowledged save must be in the database (scripts/load-support.ts, shared
// with `npm run test:load`), and the p95 of each instance is printed.
// 3. An administrator's import previewed on one instance is confirmed on the other
//    (scripts/import-across-instances.ts).
//
// Needs DATABASE_URL=postgresql://… and a build for it (npm run db:generate && npm run build).
import { setTimeout as sleep } from "node:timers/promises";
import { startProductionServer, waitUntilServing } from "./production-server";
import { prepareTestDatabase } from "./test-database";
import { isPostgresUrl } from "./migrate";
import {
  checkSaves,
  createClients,
  isAlive,
  newSaveStats,
  saveNext,
  serverProcesses,
} from "./load-support";
import { importAcrossInstances } from "./import-across-instances";
import { percentile } from "../bench/report";

if (!isPostgresUrl(process.env.DATABASE_URL ?? "")) {
  console.error("test:load:two runs two instances on one PostgreSQL database: set DATABASE_URL.");
  process.exit(2);
}

const COUNTRIES = Number(process.env.LOAD_COUNTRIES ?? 193);
const PER_COUNTRY = 3;
const REVIEWERS = Number(process.env.LOAD_REVIEWERS ?? 20);
const SAVE_EVERY_MS = 5_000;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONFLICT_COUNTRIES = 20;
const FIRST_PORT = Number(process.env.LOAD_PORT ?? 3310);
const PORTS = [FIRST_PORT, FIRST_PORT + 1];
const ORIGINS = PORTS.map((port) => `http://localhost:${port}`);

process.env.DATABASE_URL = await prepareTestDatabase("load_two");
const databaseUrl = process.env.DATABASE_URL;
const { prisma } = await import("~/db.server");
const { startSession } = await import("~/auth/session.server");
const { fingerprint } = await import("~/questionnaire/form-data");
const { seedReferenceData } = await import("../prisma/seed");
const { msq2020 } = await import("~/questionnaire/msq2020.test-helper");

// The focal points own three of the first section's unconditional text questions; the conflict
// check writes a fourth.
const SECTION = msq2020.sections[0]!;
const TEXTS = SECTION.questions
  .filter((q) => (q.type === "text" || q.type === "lines") && !q.when)
  .map((q) => q.key);
const FIELDS = TEXTS.slice(0, PER_COUNTRY);
const CONFLICT_FIELD = TEXTS[PER_COUNTRY] ?? "";
if (CONFLICT_FIELD === "") throw new Error(`section ${SECTION.id} has too few text questions`);

await seedReferenceData();
// Sessions are made here rather than by signing in 579 times (a password hash each).
const clients = await createClients(prisma, {
  count: COUNTRIES * PER_COUNTRY,
  perCountry: PER_COUNTRY,
  fields: FIELDS,
  passwordHash: null,
});
for (const client of clients) {
  const { id } = await prisma.user.findUniqueOrThrow({
    where: { email: client.email },
    select: { id: true },
  });
  client.cookie = (await startSession(id)).split(";")[0]!;
}
const reviewerCookies: string[] = [];
for (let i = 0; i < REVIEWERS; i++) {
  const { id } = await prisma.user.create({
    data: { email: `load.reviewer.${i}@test.example.org`, role: "REVIEWER" },
    select: { id: true },
  });
  reviewerCookies.push((await startSession(id)).split(";")[0]!);
}
const admin = await prisma.user.create({
  data: { email: "load.admin@test.example.org", role: "ADMIN" },
  select: { id: true },
});
const adminCookie = (await startSession(admin.id)).split(";")[0]!;

const servers = PORTS.map((port) => startProductionServer({ port, databaseUrl }));
await Promise.all(ORIGINS.map(waitUntilServing));
console.error(`two instances at ${ORIGINS.join(" and ")} on one PostgreSQL database`);

// --- 1. Conflicts between instances --------------------------------------------------------
const conflictProblems: string[] = [];
const colleagues = new Map<string, string[]>();
for (const client of clients) {
  const list = colleagues.get(client.country) ?? [];
  list.push(client.cookie);
  colleagues.set(client.country, list);
}
type Reply = { saved: string[]; conflicts: { field: string }[] };
async function saveConflictField(
  origin: string,
  cookie: string,
  country: string,
  value: string,
  seen: string | null,
): Promise<Reply> {
  const response = await fetch(`${origin}/countries/${country}/sections/${SECTION.id}/autosave`, {
    method: "POST",
    headers: {
      Origin: origin,
      Cookie: cookie,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      intent: "autosave",
      base: "0",
      fields: CONFLICT_FIELD,
      [CONFLICT_FIELD]: value,
      [`orig.${CONFLICT_FIELD}`]: fingerprint(seen),
    }),
  });
  if (!response.ok) throw new Error(`${origin}: ${response.status} saving ${country}`);
  return (await response.json()) as Reply;
}
const wins = (r: Reply) => r.saved.includes(CONFLICT_FIELD) && r.conflicts.length === 0;
const loses = (r: Reply) => r.conflicts.some((c) => c.field === CONFLICT_FIELD);
let conflictsDetected = 0;
for (const country of [...colleagues.keys()].slice(0, CONFLICT_COUNTRIES)) {
  const [a, b] = colleagues.get(country)!;
  // At the same moment, one through each instance, both having seen the empty field.
  const both = await Promise.all([
    saveConflictField(ORIGINS[0]!, a!, country, `${country} first A`, null),
    saveConflictField(ORIGINS[1]!, b!, country, `${country} first B`, null),
  ]);
  const winner = both.findIndex(wins);
  if (winner < 0 || !loses(both[1 - winner]!))
    conflictProblems.push(`${country}: simultaneous saves gave ${JSON.stringify(both)}`);
  else conflictsDetected += 1;
  // Then one after the other: the second still believes the field empty.
  const stored = `${country} first ${winner === 0 ? "A" : "B"}`;
  const next = await saveConflictField(ORIGINS[0]!, a!, country, `${country} second A`, stored);
  const stale = await saveConflictField(ORIGINS[1]!, b!, country, `${country} second B`, null);
  if (!wins(next) || !loses(stale))
    conflictProblems.push(`${country}: successive saves gave ${JSON.stringify([next, stale])}`);
  else conflictsDetected += 1;
}
console.error(
  `conflicts between instances: ${conflictsDetected} of ${2 * Math.min(CONFLICT_COUNTRIES, colleagues.size)} detected`,
);

// --- 2. Load across both, one instance killed and restarted ---------------------------------
const stats = newSaveStats();
/** Reply times by instance: saves, and reviewers' pages. */
const latencies = ORIGINS.map(() => ({
  saves: [] as number[],
  pages: [] as number[],
  /** Saves acknowledged before the kill: the instances undisturbed. */
  savesBeforeKill: [] as number[],
  failed: 0,
}));
let turn = 0;
/** The load balancer, for one request: the instances in turn; each retry goes to the next one. */
const balancer = () => {
  const first = turn++;
  return (attempt: number) => ORIGINS[(first + attempt) % ORIGINS.length]!;
};
const observe = (kind: "saves" | "pages") => (origin: string, ms: number, ok: boolean) => {
  const figures = latencies[ORIGINS.indexOf(origin)]!;
  if (ok) figures[kind].push(ms);
  else figures.failed += 1;
  if (ok && kind === "saves" && stats.kills === 0) figures.savesBeforeKill.push(ms);
};
const pageErrors: string[] = [];
const codes = [...colleagues.keys()];

const deadline = Date.now() + SECONDS * 1000;
const killAt = Date.now() + (SECONDS * 1000) / 2;
const KILLED = 1;
const KILL_AT_IN_FLIGHT = 8;
const crash = (async () => {
  await sleep(Math.max(0, killAt - Date.now()));
  const processes = serverProcesses(servers[KILLED]!.pid!);
  // Killed in the middle of saves sent to it: once several are (a save takes a few ms when the
  // instances keep up, so one in flight is most often already answered), or after 15 s at most
  // once one is.
  const inFlightToKilled = () => stats.inFlightTo[ORIGINS[KILLED]!] ?? 0;
  const waitUntil = Date.now() + 15_000;
  while (inFlightToKilled() < (Date.now() < waitUntil ? KILL_AT_IN_FLIGHT : 1)) await sleep(1);
  const inFlight = inFlightToKilled();
  stats.kills += 1;
  for (const pid of processes) process.kill(pid, "SIGKILL");
  await new Promise((resolve) => servers[KILLED]!.once("exit", resolve));
  while (processes.some(isAlive)) await sleep(10);
  console.error(
    `instance ${ORIGINS[KILLED]} killed with SIGKILL (primary and ${processes.length - 1} workers), ${inFlight} saves in flight; restarting`,
  );
  const downAt = performance.now();
  servers[KILLED] = startProductionServer({ port: PORTS[KILLED]!, databaseUrl });
  await waitUntilServing(ORIGINS[KILLED]!);
  stats.restarted = true;
  return { inFlight, workers: processes.length - 1, downMs: performance.now() - downAt };
})();

// Every 5 s: saves acknowledged so far and in flight, for a reader watching a long run.
const progress = setInterval(() => {
  const acked = clients.reduce((sum, c) => sum + c.acks.length, 0);
  console.error(`${acked} saves acknowledged, ${stats.inFlight} in flight`);
}, 5000);
const focalPoints = clients.map(async (client) => {
  await sleep(Math.random() * SAVE_EVERY_MS); // spread over the first five seconds
  while (Date.now() < deadline) {
    const started = Date.now();
    await saveNext(client, stats, {
      section: SECTION.id,
      fingerprint,
      route: balancer(),
      observe: observe("saves"),
    });
    await sleep(Math.max(0, SAVE_EVERY_MS - (Date.now() - started)));
  }
});
const reviewers = reviewerCookies.map(async (cookie, i) => {
  const pages = ["/review", `/review/${codes[i % codes.length]}`, "/review/results"];
  for (let n = 0; Date.now() < deadline; n++) {
    const path = pages[n % pages.length]!;
    const route = balancer();
    for (let attempt = 0; ; attempt++) {
      const origin = route(attempt);
      const started = performance.now();
      try {
        const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
        const body = await response.text();
        if (!response.ok || !body.includes("</html>"))
          throw new Error(`${response.status} for ${path}`);
        observe("pages")(origin, performance.now() - started, true);
        break;
      } catch (error) {
        observe("pages")(origin, performance.now() - started, false);
        if (attempt >= 3) {
          pageErrors.push(`${origin}${path}: ${(error as Error).message}`);
          break;
        }
      }
    }
    await sleep(1000 + Math.random() * 2000); // reading the page
  }
});
await Promise.all([...focalPoints, ...reviewers]);
const killed = await crash;
clearInterval(progress);

// --- Checks ---------------------------------------------------------------------------------
const { problems, lost, events } = await checkSaves(
  prisma,
  databaseUrl,
  clients,
  new Set([CONFLICT_FIELD]),
);
// After the saves' check: the import replaces a country's answers.
const importProblems = await importAcrossInstances(prisma, [ORIGINS[0]!, ORIGINS[1]!], adminCookie);
problems.push(...importProblems);
for (const server of servers) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
problems.push(...conflictProblems);
if (stats.conflicts > 0) problems.push(`${stats.conflicts} saves answered with a conflict`);
if (stats.interrupted === 0) problems.push("the kill interrupted no save");
if (stats.savedAfterRestart === 0) problems.push("no save succeeded after the restart");
if (latencies[KILLED]!.saves.length === 0) problems.push("the killed instance saved nothing");
if (pageErrors.length > 0) problems.push(...pageErrors.slice(0, 5));
await prisma.$disconnect();

const acknowledged = clients.reduce((sum, c) => sum + c.acks.length, 0);
const foundCommitted = clients.reduce((sum, c) => sum + c.foundCommitted, 0);
const perInstance = ORIGINS.map((origin, i) => {
  const l = latencies[i]!;
  return `${origin}: ${l.saves.length} saves p50 ${percentile(l.saves, 50).toFixed(0)} ms, p95 ${percentile(l.saves, 95).toFixed(0)} ms (before the kill ${l.savesBeforeKill.length}, p95 ${percentile(l.savesBeforeKill, 95).toFixed(0)} ms), ${l.pages.length} pages p95 ${percentile(l.pages, 95).toFixed(0)} ms, ${l.failed} requests failed${i === KILLED ? " (killed and restarted)" : ""}`;
});
console.log(
  `${clients.length} focal points in ${COUNTRIES} countries and ${REVIEWERS} reviewers for ${SECONDS} s on two instances: ` +
    `${acknowledged} saves acknowledged, each checked against the database: ${lost} lost; ` +
    `SIGKILL of ${ORIGINS[KILLED]} (primary and ${killed.workers} workers), ${killed.inFlight} saves in flight to it, ${stats.interrupted} interrupted (retried), ${stats.acknowledgedAcrossKill} other saves in flight as it struck acknowledged, ` +
    `back after ${(killed.downMs / 1000).toFixed(1)} s; ${foundCommitted} retries found their save already committed; ` +
    `${stats.savedAfterRestart} saves after the restart; ${events} save events; ${stats.errors} errors retried; ` +
    `${stats.conflicts} conflicts in the load; conflicts between instances ${conflictsDetected} detected of ${2 * Math.min(CONFLICT_COUNTRIES, colleagues.size)}; ` +
    `an import previewed on ${ORIGINS[0]} and confirmed on ${ORIGINS[1]}: ${importProblems.length === 0 ? "filed" : "failed"}.`,
);
for (const line of perInstance) console.log(line);
if (problems.length > 0) {
  console.error(problems.slice(0, 20).join("\n"));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`1 passed, 0 failed`);
