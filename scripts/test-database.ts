// Fresh, migrated and seeded databases for test runs: a SQLite file under tests/.tmp, or, when
// DATABASE_URL names a PostgreSQL server, a new database on that server named after the run.
import { rmSync } from "node:fs";
import pg from "pg";
import { isPostgresUrl, migrate, sqliteFile } from "./migrate";

async function recreatePostgresDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** The URL of the test database `purpose` (e.g. "unit", "e2e") for this run. */
export function testDatabaseUrl(purpose: string, base = process.env.DATABASE_URL ?? ""): string {
  if (!isPostgresUrl(base)) return `file:./tests/.tmp/${purpose}.db`;
  const parsed = new URL(base);
  parsed.pathname = `/${`${parsed.pathname.slice(1) || "msq"}_${purpose}`.replace(/[^a-z0-9_]/gi, "_")}`;
  return parsed.toString();
}

/** Creates (or recreates) the database `purpose` for this run and returns its URL. */
export async function prepareTestDatabase(purpose: string): Promise<string> {
  const url = testDatabaseUrl(purpose);
  if (isPostgresUrl(url)) {
    const server = new URL(url);
    const name = server.pathname.slice(1);
    server.pathname = "/postgres";
    await recreatePostgresDatabase(server.toString(), name);
  } else {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteFile(url) + suffix, { force: true });
  }
  await migrate(url);
  return url;
}
