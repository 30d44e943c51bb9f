import pg from "pg";
import { isPostgresUrl, sqliteFile } from "../scripts/migrate";

// The autosave's ceiling: the write a save makes (read the response, write its answers and
// revision if unchanged, append the event, in one transaction), done with the database's driver
// alone, without HTTP, Remix, Prisma or the portal's checks. SQLite: better-sqlite3 in this
// process, one write at a time (SQLite has one writer). PostgreSQL: pg with CONNECTIONS
// connections in parallel, each on drafts of its own, locking the row first and writing the
// update with its event in one statement, as the portal does (four statements a write).

const WRITES = Number(process.env.BENCH_DRIVER_WRITES ?? 3000);
const CONNECTIONS = 10;

export async function driverWriteCeiling(
  databaseUrl: string,
  countries: string[],
  field: string,
): Promise<{ writesPerSecond: number; driver: string }> {
  return isPostgresUrl(databaseUrl)
    ? postgresCeiling(databaseUrl, countries, field)
    : sqliteCeiling(databaseUrl, countries, field);
}

async function sqliteCeiling(databaseUrl: string, countries: string[], field: string) {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(sqliteFile(databaseUrl));
  db.pragma("journal_mode = WAL");
  const read = db.prepare(`SELECT id, answers, revision FROM "Response" WHERE countryCode = ?`);
  const write = db.prepare(
    `UPDATE "Response" SET answers = ?, revision = ? WHERE id = ? AND revision = ?`,
  );
  const event = db.prepare(`INSERT INTO "Event" (id, kind, at, fields) VALUES (?, 'bench', ?, ?)`);
  const started = performance.now();
  for (let i = 0; i < WRITES; i++) {
    const row = read.get(countries[i % countries.length]!) as {
      id: string;
      answers: string;
      revision: number;
    };
    const answers = { ...JSON.parse(row.answers), [field]: `direct ${i}` };
    db.transaction(() => {
      write.run(JSON.stringify(answers), row.revision + 1, row.id, row.revision);
      event.run(`bench${i}`, Date.now(), JSON.stringify([field]));
    })();
  }
  const writesPerSecond = WRITES / ((performance.now() - started) / 1000);
  // Its events are not the portal's: gone before the pages are measured again.
  db.prepare(`DELETE FROM "Event" WHERE kind = 'bench'`).run();
  db.close();
  return { writesPerSecond, driver: "better-sqlite3" };
}

async function postgresCeiling(databaseUrl: string, countries: string[], field: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  let next = 0;
  async function worker(index: number) {
    const client = await pool.connect();
    const own = countries.filter((_, i) => i % CONNECTIONS === index);
    try {
      for (let i = next++; i < WRITES; i = next++) {
        const code = own[i % own.length]!;
        await client.query("BEGIN");
        const { rows } = await client.query<{ id: string; answers: object; revision: number }>(
          `SELECT id, answers, revision FROM "Response" WHERE "countryCode" = $1 FOR UPDATE`,
          [code],
        );
        const row = rows[0]!;
        // The update and its event in one statement, as the portal's save writes them.
        await client.query(
          `WITH written AS (
             UPDATE "Response" SET answers = $1, revision = $2 WHERE id = $3 AND revision = $4
             RETURNING id)
           INSERT INTO "Event" (id, kind, at, fields) SELECT $5, 'bench', now(), $6 FROM written`,
          [
            { ...row.answers, [field]: `direct ${i}` },
            row.revision + 1,
            row.id,
            row.revision,
            `bench${i}`,
            JSON.stringify([field]),
          ],
        );
        await client.query("COMMIT");
      }
    } finally {
      client.release();
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => worker(i)));
  const writesPerSecond = WRITES / ((performance.now() - started) / 1000);
  await pool.query(`DELETE FROM "Event" WHERE kind = 'bench'`);
  await pool.end();
  return { writesPerSecond, driver: `pg (${CONNECTIONS} connections)` };
}
