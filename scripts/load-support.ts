// What the load tests share (scripts/load-test.ts, one server; scripts/load-test-two-instances.ts,
// two servers on one database): focal points that autosave changing values of fields they own,
// retrying a save that got no reply, and the checks afterwards that every acknowledged save is in
// the database, nothing was saved twice or in another country's response, and one event was
// written per save committed.
import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "~/generated/prisma/client";
import { isPostgresUrl, sqliteFile } from "./migrate";

export type Client = {
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

/** Focal points, `perCountry` to a country (in code order), each owning one of `fields`. */
export async function createClients(
  prisma: PrismaClient,
  options: { count: number; perCountry: number; fields: string[]; passwordHash: string | null },
): Promise<Client[]> {
  const countries = await prisma.country.findMany({
    select: { code: true },
    orderBy: { code: "asc" },
    take: Math.ceil(options.count / options.perCountry),
  });
  const clients: Client[] = [];
  for (let i = 0; i < options.count; i++) {
    const country = countries[Math.floor(i / options.perCountry)]!.code;
    const email = `load.${i}@test.example.org`;
    await prisma.user.create({
      data: {
        email,
        role: "FOCAL_POINT",
        passwordHash: options.passwordHash,
        countries: { create: { countryCode: country } },
      },
    });
    clients.push({
      email,
      country,
      field: options.fields[i % options.perCountry]!,
      seq: 0,
      acked: null,
      acks: [],
      foundCommitted: 0,
      cookie: "",
    });
  }
  return clients;
}

export async function signIn(origin: string, client: Client, password: string) {
  const response = await fetch(`${origin}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: client.email, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie)
    throw new Error(`sign-in failed for ${client.email}: ${response.status}`);
  client.cookie = cookie;
}

export type SaveStats = {
  errors: number;
  conflicts: number;
  inFlight: number;
  /** Saves in flight by the origin they were sent to. */
  inFlightTo: Record<string, number>;
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

export const newSaveStats = (): SaveStats => ({
  errors: 0,
  conflicts: 0,
  inFlight: 0,
  inFlightTo: {},
  kills: 0,
  interrupted: 0,
  acknowledgedAcrossKill: 0,
  restarted: false,
  savedAfterRestart: 0,
});

/**
 * Sends the client's next value until a server acknowledges it (retrying through a crash).
 * `route` picks the origin of each attempt (a load balancer's choice); `observe` hears of each
 * attempt's origin, time and outcome.
 */
export async function saveNext(
  client: Client,
  stats: SaveStats,
  options: {
    section: string;
    fingerprint: (value: string | null) => string;
    route: (attempt: number) => string;
    observe?: (origin: string, ms: number, ok: boolean) => void;
  },
) {
  const value = `${client.email}#${client.seq + 1}`;
  for (let attempt = 0; ; attempt++) {
    const origin = options.route(attempt);
    const body = new URLSearchParams({
      intent: "autosave",
      base: "0",
      fields: client.field,
      [client.field]: value,
      [`orig.${client.field}`]: options.fingerprint(client.acked),
    });
    stats.inFlight += 1;
    stats.inFlightTo[origin] = (stats.inFlightTo[origin] ?? 0) + 1;
    const killsAtSend = stats.kills;
    const started = performance.now();
    // Acknowledged: the reply said the value is stored. A save sent before the kill and not
    // acknowledged (the connection cut, or an error reply from a dying worker) was interrupted.
    let acknowledged = false;
    try {
      const response = await fetch(
        `${origin}/countries/${client.country}/sections/${options.section}/autosave`,
        {
          method: "POST",
          headers: {
            Origin: origin,
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
        options.observe?.(origin, performance.now() - started, true);
        return;
      } else stats.errors += 1;
    } catch {
      stats.errors += 1;
    } finally {
      stats.inFlight -= 1;
      stats.inFlightTo[origin]! -= 1;
      if (stats.kills > killsAtSend) {
        if (acknowledged) stats.acknowledgedAcrossKill += 1;
        else stats.interrupted += 1;
      }
    }
    options.observe?.(origin, performance.now() - started, false);
    await sleep(200);
  }
}

/** A server's primary and its workers (the workers are the processes that write). */
export function serverProcesses(primary: number): number[] {
  let workers: string[] = [];
  try {
    workers = execFileSync("pgrep", ["-P", String(primary)])
      .toString()
      .trim()
      .split("\n")
      .filter(Boolean);
  } catch {
    // no children: a single-process server
  }
  return [primary, ...workers.map(Number)];
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Every acknowledged save is in the database (its value, or a later value of the same client),
 * no value was never sent, no answer is in another country's response or field, one event per
 * committed save, and (SQLite) PRAGMA integrity_check ok. `otherFields`: answers written by
 * something else than the clients (left out of the ownership check).
 */
export async function checkSaves(
  prisma: PrismaClient,
  databaseUrl: string,
  clients: Client[],
  otherFields: ReadonlySet<string> = new Set(),
) {
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
    const storedSeq = sequenceOf(stored, client);
    const lostHere = client.acks.filter((seq) => storedSeq < seq).length;
    lost += lostHere;
    if (lostHere > 0)
      problems.push(`${client.email}: ${lostHere} acknowledged saves lost; stored ${stored}`);
    if (storedSeq > client.seq + 1)
      problems.push(`${client.email}: stored ${stored}, a value never sent`);
  }
  const byEmail = new Map(clients.map((c) => [c.email, c]));
  for (const response of responses) {
    for (const [field, value] of Object.entries(response.answers as Record<string, string>)) {
      if (otherFields.has(field)) continue;
      const owner = byEmail.get(String(value).split("#")[0]!);
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
  // One event per committed save: the acknowledged ones, and those whose reply a crash lost
  // (their retry found them committed).
  for (const client of clients) {
    const count = eventCount.get(`${client.country}.${client.field}`) ?? 0;
    const committed = client.acks.length + client.foundCommitted;
    if (count !== committed)
      problems.push(`${client.email}: ${committed} saves committed, ${count} events`);
  }
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
  return { problems, lost, events: events.length, integrity };
}
