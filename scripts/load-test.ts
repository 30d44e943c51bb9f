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
import { execFileSync } from "node:child_process";
import { startProductionServer, waitUntilServing } from "./production-server";
import { setTimeout as sleep } from "node:timers/promises";
import { prepareTestDatabase } from "./test-database";
import { isPostgresUrl, sqliteFile } from "./migrate";

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

type Client = {
  email: string;
  country: string;
  field: string;
  seq: number;
  acked: string | null;
  /** The sequence numbers of the saves the server acknowledged. */
  acks: number[];
  /** Retries answered "nothing to save": the value was committed before a reply was lost. */
  foundCommitted: number;
  cookie: string;
};

async function createClients(): Promise<Client[]> {
  await seedReferenceData();
  const countries = await prisma.country.findMany({
    select: { code: true },
    orderBy: { code: "asc" },
    take: Math.ceil(CLIENTS / PER_COUNTRY),
  });
  const passwordHash = await hashPassword(PASSWORD);
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const country = countries[Math.floor(i / PER_COUNTRY)]!.code;
    const email = `load.${i}@test.example.org`;
    await prisma.user.create({
      data: {
        email,
        role: "FOCAL_POINT",
        passwordHash,
        countries: { create: { countryCode: country } },
      },
    });
    clients.push({
      email,
      country,
      field: FIELDS[i % PER_COUNTRY]!,
      seq: 0,
      acked: null,
      acks: [],
      foundCommitted: 0,
      cookie: "",
    });
  }
  return clients;
}

const startServer = () => startProductionServer({ port: PORT, databaseUrl });
const waitForServer = () => waitUntilServing(ORIGIN);

async function signIn(client: Client) {
  const response = await fetch(`${ORIGIN}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: client.email, password: PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie)
    throw new Error(`sign-in failed for ${client.email}: ${response.status}`);
  client.cookie = cookie;
}

type Stats = {
  errors: number;
  conflicts: number;
  inFlight: number;
  /** Kills so far: a save sent before one and not acknowledged after it was interrupted. */
  kills: number;
  /** Saves sent before the kill and not acknowledged after it: the ones the kill interrupted. */
  interrupted: number;
  /** Saves sent before the kill and acknowledged after it (their reply was already on its way). */
  acknowledgedAcrossKill: number;
  /** Set once the new server answers, so saves acknowledged afterwards are counted apart. */
  restarted: boolean;
  savedAfterRestart: number;
};

/** Sends the client's next value until the server acknowledges it (retrying through a crash). */
async function saveNext(client: Client, stats: Stats) {
  const value = `${client.email}#${client.seq + 1}`;
  for (;;) {
    const body = new URLSearchParams({
      intent: "autosave",
      base: "0",
      fields: client.field,
      [client.field]: value,
      [`orig.${client.field}`]: fingerprint(client.acked),
    });
    stats.inFlight += 1;
    const killsAtSend = stats.kills;
    // Acknowledged: the reply said the value is stored. A save sent before the kill and not
    // acknowledged (the connection cut, or an error reply from a dying worker) was interrupted.
    let acknowledged = false;
    try {
      const response = await fetch(
        `${ORIGIN}/countries/${client.country}/sections/${SECTION.id}/autosave`,
        {
          method: "POST",
          headers: {
            Origin: ORIGIN,
            Cookie: client.cookie,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body,
        },
      );
      const result = response.ok
        ? ((await response.json()) as { saved: string[]; conflicts: unknown[] })
        : null;
      if (result && result.conflicts.length > 0) {
        // Nobody else writes this field: a conflict means the server lost track of a save.
        stats.conflicts += 1;
      } else if (result) {
        const saved = result.saved.includes(client.field);
        // Saved nothing and no conflict: this value was already stored (a retry of a save that
        // was committed when its reply was lost); its event is the first attempt's.
        if (saved) client.acks.push(client.seq + 1);
        else client.foundCommitted += 1;
        if (saved && stats.restarted) stats.savedAfterRestart += 1;
        acknowledged = true;
        client.seq += 1;
        client.acked = value;
        return;
      } else stats.errors += 1;
    } catch {
      stats.errors += 1;
    } finally {
      stats.inFlight -= 1;
      if (stats.kills > killsAtSend) {
        if (acknowledged) stats.acknowledgedAcrossKill += 1;
        else stats.interrupted += 1;
      }
    }
    await sleep(200);
  }
}

/** The cluster's primary and its workers: the workers are the processes that write. */
function serverProcesses(primary: number): number[] {
  const workers = execFileSync("pgrep", ["-P", String(primary)])
    .toString()
    .trim()
    .split("\n");
  return [primary, ...workers.map(Number)];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const clients = await createClients();
let server = startServer();
await waitForServer();
for (let i = 0; i < clients.length; i += 20)
  await Promise.all(clients.slice(i, i + 20).map(signIn));
console.error(
  `${clients.length} focal points in ${clients.length / PER_COUNTRY} countries signed in; autosaving for ${SECONDS} s`,
);

const stats: Stats = {
  errors: 0,
  conflicts: 0,
  inFlight: 0,
  kills: 0,
  interrupted: 0,
  acknowledgedAcrossKill: 0,
  restarted: false,
  savedAfterRestart: 0,
};
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
      await saveNext(client, stats);
      await sleep(50 + Math.random() * 150);
    }
  }),
);
const killed = await crash;
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));

// Integrity checks.
const problems: string[] = [];
const responses = await prisma.response.findMany({
  where: { roundId: "2020" },
  select: { id: true, countryCode: true, answers: true },
});
const byCountry = new Map(responses.map((r) => [r.countryCode, r]));
const sequenceOf = (value: string | undefined, client: Client) =>
  value?.startsWith(`${client.email}#`) ? Number(value.slice(client.email.length + 1)) : 0;
let lost = 0;
for (const client of clients) {
  const stored = (byCountry.get(client.country)?.answers as Record<string, string> | undefined)?.[
    client.field
  ];
  // Each acknowledged save: its value, or a later value of the same client, is stored.
  const storedSeq = sequenceOf(stored, client);
  const lostHere = client.acks.filter((seq) => storedSeq < seq).length;
  lost += lostHere;
  if (lostHere > 0)
    problems.push(`${client.email}: ${lostHere} acknowledged saves lost; stored ${stored}`);
  if (storedSeq > client.seq + 1)
    problems.push(`${client.email}: stored ${stored}, a value never sent`);
}
for (const response of responses) {
  for (const [field, value] of Object.entries(response.answers as Record<string, string>)) {
    const owner = clients.find((c) => value.startsWith(`${c.email}#`));
    if (!owner || owner.country !== response.countryCode || owner.field !== field)
      problems.push(`${response.countryCode}.${field} holds ${value}`);
  }
}
const events = await prisma.event.findMany({
  where: { kind: "response.saved" },
  select: { countryCode: true, fields: true },
});
const eventCount = new Map<string, number>();
for (const event of events) {
  for (const field of event.fields as string[]) {
    const key = `${event.countryCode}.${field}`;
    eventCount.set(key, (eventCount.get(key) ?? 0) + 1);
  }
}
// One event per committed save: the acknowledged ones, and those whose reply the crash lost
// (their retry found them committed).
for (const client of clients) {
  const count = eventCount.get(`${client.country}.${client.field}`) ?? 0;
  const committed = client.acks.length + client.foundCommitted;
  if (count !== committed)
    problems.push(`${client.email}: ${committed} saves committed, ${count} events`);
}
if (stats.conflicts > 0) problems.push(`${stats.conflicts} saves answered with a conflict`);
if (killed.inFlight === 0 || stats.interrupted === 0) problems.push("the kill interrupted no save");
if (killed.workers === 0) problems.push("no worker process was killed");
if (stats.savedAfterRestart === 0) problems.push("no save succeeded after the restart");
let integrity = "ok";
if (!isPostgresUrl(databaseUrl)) {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(sqliteFile(databaseUrl), { readonly: true });
  integrity = String(
    (db.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check,
  );
  db.close();
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
}
await prisma.$disconnect();

const acknowledged = clients.reduce((sum, c) => sum + c.acks.length, 0);
const foundCommitted = clients.reduce((sum, c) => sum + c.foundCommitted, 0);
console.log(
  `${acknowledged} saves acknowledged (${(acknowledged / SECONDS).toFixed(0)}/s), each checked against the database: ${lost} lost; ` +
    `SIGKILL of the primary and ${killed.workers} workers ${killed.kills === 1 ? "once" : `${killed.kills} times`}, ${killed.inFlight} saves in flight at the last, ${stats.interrupted} saves interrupted (${stats.acknowledgedAcrossKill} acknowledged as a kill struck); ` +
    `${foundCommitted} retries found their save already committed; ${stats.savedAfterRestart} saves after the restart; ` +
    `${events.length} save events; ${stats.errors} errors retried; ${stats.conflicts} conflicts; integrity_check ${integrity}`,
);
if (problems.length > 0) {
  console.error(problems.slice(0, 20).join("\n"));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`1 passed, 0 failed`);
