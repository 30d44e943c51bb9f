// Applies the checked-in migrations (prisma/migrations for SQLite, prisma/postgresql/migrations
// for PostgreSQL) in order, each in a transaction, recording them in _portal_migrations.
// It stands in for `prisma migrate deploy`, which needs native engines (docs/decisions/002).
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqliteFile } from "../app/database-url";

const TABLE = "_portal_migrations";

export function migrationsDir(databaseUrl: string) {
  return isPostgresUrl(databaseUrl) ? "prisma/postgresql/migrations" : "prisma/migrations";
}

export { isPostgresUrl, sqliteFile };

function pendingMigrations(dir: string, applied: Set<string>) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !applied.has(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

// `PRAGMA foreign_keys` is a no-op inside a transaction, so table rebuilds that switch it off
// must have it switched off before the transaction starts.
const FOREIGN_KEYS_PRAGMA = /^\s*PRAGMA\s+foreign_keys\s*=\s*(ON|OFF)\s*;?\s*$/gim;

async function migrateSqlite(databaseUrl: string): Promise<string[]> {
  const file = sqliteFile(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
    );
    const applied = new Set(
      db
        .prepare(`SELECT name FROM ${TABLE}`)
        .all()
        .map((row) => (row as { name: string }).name),
    );
    const done: string[] = [];
    for (const migration of pendingMigrations(migrationsDir(databaseUrl), applied)) {
      const sql = migration.sql.replace(FOREIGN_KEYS_PRAGMA, "");
      db.pragma("foreign_keys = OFF");
      db.transaction(() => {
        db.exec(sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`${migration.name} breaks foreign keys`);
        db.prepare(`INSERT INTO ${TABLE} (name, applied_at) VALUES (?, ?)`).run(
          migration.name,
          new Date().toISOString(),
        );
      })();
      db.pragma("foreign_keys = ON");
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One migrator at a time, even when several processes start together.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${TABLE}`);
    const done: string[] = [];
    for (const migration of pendingMigrations(
      migrationsDir(databaseUrl),
      new Set(rows.map((r) => r.name)),
    )) {
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${TABLE} (name, applied_at) VALUES ($1, now())`, [
          migration.name,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end();
  }
}

export function migrate(databaseUrl: string): Promise<string[]> {
  return isPostgresUrl(databaseUrl) ? migratePostgres(databaseUrl) : migrateSqlite(databaseUrl);
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  const { env } = await import("../app/env.server");
  const applied = await migrate(env.DATABASE_URL);
  console.error(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
}
