// `npm run test:load`: load with integrity checks, and crash recovery.
// 200 focal points (4 per country, each owning different fields) sign in and autosave changing
// values for LOAD_SECONDS (60 by default). Part-way through, while saves are in flight, every
// process of the server (the cluster's primary and the workers that write) is killed with SIGKILL,
// and the server restarted; clients that got no reply retry the same value. A reply counts as
// acknowledged only when it says the field was saved. Afterwards every acknowledged save must be
// in the database (its value, or a later value of the same client), nothing saved twice, no answer
// in another country's response, one event per save committed, and (SQLite) PRAGMA
// integrity_check ok. A kill that found every reply already sent is repeated (up to 3 kills);
// the test fails if no kill interrupted a save, or if nothing was saved after the restart.
import { startProductionServer, waitUntilServing } from "./production-server";
import { setTimeout as sleep } from "node:timers/promises";
import { prepareTestDatabase } from "./test-database";
import {
  checkSaves,
  createClients,
  isAlive,
  newSaveStats,
  saveNext,
  serverProcesses,
  signIn,
} from "./load-support";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const PER_COUNTRY = 4;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3300);
const ORIGIN = `http://localhost:${PORT}`;
const PASSWORD = "load-test-passphrase";

process.env.DATABASE_URL = await prepareTestDatabase("load");
const databaseUrl = process.env.DATABASE_URL;
const { prisma } = await import("~/db.server");
const { hashPassword } = await import("~/auth/password.server");
const { fingerprint } = await import("~/questionnaire/form-data");
const { seedReferenceData } = await import("../prisma/seed");
const { msq2020 } = await import("~/questionnaire/msq2020.test-helper");

// Each of a country's clients owns one of the first section's unconditional text questions.
const SECTION = msq2020.sections[0]!;
const FIELDS = SECTION.questions
  .filter((q) => (q.type === "text" || q.type === "lines") && !q.when)
  .slice(0, PER_COUNTRY)
  .map((q) => q.key);
if (FIELDS.length < PER_COUNTRY)
  throw new Error(`section ${SECTION.id} has too few text questions`);

const startServer = () => startProductionServer({ port: PORT, databaseUrl });
const waitForServer = () => waitUntilServing(ORIGIN);

await seedReferenceData();
const clients = await createClients(prisma, {
  count: CLIENTS,
  perCountry: PER_COUNTRY,
  fields: FIELDS,
  passwordHash: await hashPassword(PASSWORD),
});
let server = startServer();
await waitForServer();
for (let i = 0; i < clients.length; i += 20)
  await Promise.all(clients.slice(i, i + 20).map((client) => signIn(ORIGIN, client, PASSWORD)));
console.error(
  `${clients.length} focal points in ${clients.length / PER_COUNTRY} countries signed in; autosaving for ${SECONDS} s`,
);

const stats = newSaveStats();
const deadline = Date.now() + SECONDS * 1000;
const crashAt = Date.now() + (SECONDS * 1000) / 2;
// The client counts a save in flight until it has read the reply; on a busy loaded machine every
// reply may already be in its buffers when the kill strikes, and then that kill interrupted
// nothing. Such a kill proves nothing, so the server is killed again (at most MAX_KILLS times),
// and the run fails if no kill interrupted a save.
const MAX_KILLS = 3;
const crash = (async () => {
  await sleep(Math.max(0, crashAt - Date.now()));
  let inFlight = 0;
  let workers = 0;
  while (stats.kills < MAX_KILLS) {
    const processes = serverProcesses(server.pid!);
    while (stats.inFlight === 0) await sleep(1); // kill in the middle of saves
    inFlight = stats.inFlight;
    workers = processes.length - 1;
    const interruptedBefore = stats.interrupted;
    stats.kills += 1;
    for (const pid of processes) process.kill(pid, "SIGKILL");
    await new Promise((resolve) => server.once("exit", resolve));
    while (processes.some(isAlive)) await sleep(10);
    console.error(
      `server killed with SIGKILL (primary and ${workers} workers), ${inFlight} saves in flight; restarting`,
    );
    server = startServer();
    await waitForServer();
    stats.restarted = true;
    // Every save sent before the kill has its answer once the clients have retried it.
    await sleep(1_000);
    if (stats.interrupted > interruptedBefore || Date.now() > deadline - 5_000) break;
    console.error("that kill interrupted no save (every reply had been sent): killing again");
  }
  return { inFlight, workers, kills: stats.kills };
})();
await Promise.all(
  clients.map(async (client) => {
    while (Date.now() < deadline) {
      await saveNext(client, stats, { section: SECTION.id, fingerprint, route: () => ORIGIN });
      await sleep(50 + Math.random() * 150);
    }
  }),
);
const killed = await crash;
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));

// Integrity checks.
const { problems, lost, events, integrity } = await checkSaves(prisma, databaseUrl, clients);
if (stats.conflicts > 0) problems.push(`${stats.conflicts} saves answered with a conflict`);
if (killed.inFlight === 0 || stats.interrupted === 0) problems.push("the kill interrupted no save");
if (killed.workers === 0) problems.push("no worker process was killed");
if (stats.savedAfterRestart === 0) problems.push("no save succeeded after the restart");
await prisma.$disconnect();

const acknowledged = clients.reduce((sum, c) => sum + c.acks.length, 0);
const foundCommitted = clients.reduce((sum, c) => sum + c.foundCommitted, 0);
console.log(
  `${acknowledged} saves acknowledged (${(acknowledged / SECONDS).toFixed(0)}/s), each checked against the database: ${lost} lost; ` +
    `SIGKILL of the primary and ${killed.workers} workers ${killed.kills === 1 ? "once" : `${killed.kills} times`}, ${killed.inFlight} saves in flight at the last, ${stats.interrupted} saves interrupted (${stats.acknowledgedAcrossKill} acknowledged as a kill struck); ` +
    `${foundCommitted} retries found their save already committed; ${stats.savedAfterRestart} saves after the restart; ` +
    `${events} save events; ${stats.errors} errors retried; ${stats.conflicts} conflicts; integrity_check ${integrity}`,
);
if (problems.length > 0) {
  console.error(problems.slice(0, 20).join("\n"));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`1 passed, 0 failed`);
