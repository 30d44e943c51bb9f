// `npm run test:load`: load with integrity checks, and crash recovery.
// 200 focal points (4 per country, each owning different fields) sign in and autosave changing
// values for LOAD_SECONDS (60 by default). Part-way through, the server is killed with SIGKILL
// and restarted; clients that got an error retry the same value. Afterwards every acknowledged
// save must be in the database with its last value, nothing saved twice, no answer in another
// country's response, one event per acknowledged save, and (SQLite) PRAGMA integrity_check ok.
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
const { msq2020 } = await import("~/questionnaire");

// Each of a country's clients owns one of the first section's unconditional text questions.
const SECTION = msq2020.sections[0]!;
const FIELDS = SECTION.questions
  .filter((q) => q.type === "text" && q.format !== "email" && !q.when)
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
  ackCount: number;
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
      ackCount: 0,
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

/** Sends the client's next value until the server acknowledges it (retrying through a crash). */
async function saveNext(client: Client, stats: { errors: number; conflicts: number }) {
  const value = `${client.email}#${client.seq + 1}`;
  for (;;) {
    const body = new URLSearchParams({
      intent: "autosave",
      base: "0",
      fields: client.field,
      [client.field]: value,
      [`orig.${client.field}`]: fingerprint(client.acked),
    });
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
      if (response.ok) {
        const result = (await response.json()) as { conflicts: unknown[] };
        if (result.conflicts.length > 0) stats.conflicts += 1;
        client.seq += 1;
        client.acked = value;
        client.ackCount += 1;
        return;
      }
      stats.errors += 1;
    } catch {
      stats.errors += 1;
    }
    await sleep(200);
  }
}

const clients = await createClients();
let server = startServer();
await waitForServer();
for (let i = 0; i < clients.length; i += 20)
  await Promise.all(clients.slice(i, i + 20).map(signIn));
console.error(
  `${clients.length} focal points in ${clients.length / PER_COUNTRY} countries signed in; autosaving for ${SECONDS} s`,
);

const stats = { errors: 0, conflicts: 0 };
const deadline = Date.now() + SECONDS * 1000;
const crashAt = Date.now() + (SECONDS * 1000) / 2;
const crash = (async () => {
  await sleep(Math.max(0, crashAt - Date.now()));
  const acknowledgedBefore = clients.map((c) => ({ c, value: c.acked }));
  server.kill("SIGKILL");
  await new Promise((resolve) => server.once("exit", resolve));
  console.error("server killed with SIGKILL; restarting");
  server = startServer();
  await waitForServer();
  return acknowledgedBefore;
})();
await Promise.all(
  clients.map(async (client) => {
    while (Date.now() < deadline) {
      await saveNext(client, stats);
      await sleep(50 + Math.random() * 150);
    }
  }),
);
const beforeCrash = await crash;
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));

// Integrity checks.
const problems: string[] = [];
const responses = await prisma.response.findMany({
  where: { roundId: "2020" },
  select: { id: true, countryCode: true, answers: true },
});
const byCountry = new Map(responses.map((r) => [r.countryCode, r]));
let found = 0;
for (const client of clients) {
  const stored = (byCountry.get(client.country)?.answers as Record<string, string> | undefined)?.[
    client.field
  ];
  if (client.acked !== null && stored === client.acked) found += 1;
  else problems.push(`${client.email}: acknowledged ${client.acked}, stored ${stored}`);
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
for (const client of clients) {
  const count = eventCount.get(`${client.country}.${client.field}`) ?? 0;
  if (count !== client.ackCount)
    problems.push(`${client.email}: ${client.ackCount} acknowledged saves, ${count} events`);
}
const lostBeforeCrash = beforeCrash.filter(
  ({ c, value }) => value !== null && c.ackCount === 0,
).length;
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

const acknowledged = clients.reduce((sum, c) => sum + c.ackCount, 0);
const lost = clients.length - found + lostBeforeCrash;
console.log(
  `${acknowledged} saves acknowledged (${(acknowledged / SECONDS).toFixed(0)}/s), ${found} of ${clients.length} last values found, ${lost} lost; ` +
    `${events.length} save events; ${stats.errors} errors retried (server killed once); ${stats.conflicts} conflicts; integrity_check ${integrity}`,
);
if (problems.length > 0) {
  console.error(problems.slice(0, 20).join("\n"));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`1 passed, 0 failed`);
