import { setTimeout as sleep } from "node:timers/promises";
import type { Database, Statement } from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import { sqliteFile } from "~/database-url";
import { env, isPostgres } from "~/env.server";

// The few reads on every page's path (the session, a response, a section's comments, the rounds,
// the dashboard's rows and first submissions) and the one write made many times a minute (a
// save's) go through the database driver with statements prepared once, not through Prisma,
// which compiles and prepares each statement anew (decisions 026 and 028). Every other write
// stays in Prisma's transactions.
//
// One statement is written once for both databases, with $1, $2… for its parameters (used in
// that order, each once): SQLite's `?`s are put in their place. A statement is known by its
// name, prepared at its first use: on SQLite once per process, on PostgreSQL once per
// connection (pg's named statements).

export type Row = Record<string, unknown>;

/** A statement written with $1, $2… as SQLite takes it (each parameter used once, in order). */
export const forSqlite = (sql: string) => sql.replace(/\$\d+/g, "?");

type Reader = { all: (name: string, sql: string, params: unknown[]) => Promise<Row[]> };

/** A connection of better-sqlite3's and its statements, each prepared at its first use. */
function sqliteConnection({ readonly, timeout }: { readonly: boolean; timeout: number }) {
  let db: Database | undefined;
  const statements = new Map<string, Statement>();
  return {
    async open() {
      if (db) return db;
      const { default: BetterSqlite3 } = await import("better-sqlite3");
      db = new BetterSqlite3(sqliteFile(env.DATABASE_URL), { readonly, timeout });
      db.defaultSafeIntegers(false);
      return db;
    },
    statement(name: string, sql: string) {
      let statement = statements.get(name);
      if (!statement) {
        statement = db!.prepare(forSqlite(sql));
        statements.set(name, statement);
      }
      return statement;
    },
  };
}

function sqliteReader(): Reader {
  // Its own connection, read only: in WAL mode it reads beside the writes.
  const connection = sqliteConnection({ readonly: true, timeout: 10_000 });
  return {
    async all(name, sql, params) {
      await connection.open();
      return connection.statement(name, sql).all(...params) as Row[];
    },
  };
}

let postgresPool: Promise<Pool> | undefined;

/** One pool per process for the driver's reads and writes (Prisma keeps its own). */
function openPostgresPool(): Promise<Pool> {
  postgresPool ??= (async () => {
    const pg = await import("pg");
    // Prisma's columns are `timestamp(3)` without a time zone, written in UTC: read them as
    // UTC, whatever the server's zone (pg's default would read them as local time).
    const TIMESTAMP = 1114;
    const types = {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.default.types.getTypeParser(oid, format)) as typeof pg.default.types.getTypeParser,
    };
    return new pg.default.Pool({ connectionString: env.DATABASE_URL, max: 6, types });
  })();
  return postgresPool;
}

function postgresReader(): Reader {
  return {
    async all(name, text, values) {
      const pool = await openPostgresPool();
      return (await pool.query({ name, text, values })).rows as Row[];
    },
  };
}

const reader = isPostgres ? postgresReader() : sqliteReader();

/** The rows of the named statement, prepared at its first use. */
export const driverRows = (name: string, sql: string, params: unknown[]) =>
  reader.all(name, sql, params);

/** The statements of a write transaction: rows read (`rows`), or the count of rows changed (`run`). */
export type SqliteTransaction = {
  rows: (name: string, sql: string, params: unknown[]) => Row[];
  run: (name: string, sql: string, params: unknown[]) => number;
};

export type PostgresTransaction = {
  rows: (name: string, sql: string, params: unknown[]) => Promise<Row[]>;
  run: (name: string, sql: string, params: unknown[]) => Promise<number>;
};

// No busy timeout: SQLite's waits for a lock by blocking the thread, and the lock may be held by
// a Prisma transaction of this very process, which could then never finish. A busy lock is
// waited for here, between tries, with the event loop free.
const sqliteWriter = sqliteConnection({ readonly: false, timeout: 0 });
const LOCK_WAIT_MS = 10_000;

/** SQLite refused a statement because another connection holds the lock it needs. */
export const isSqliteBusy = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
};

/**
 * SQLite: `steps` in one transaction that holds the database's write lock from its first
 * statement (BEGIN IMMEDIATE), so what it reads no one changes before it writes. The steps are
 * synchronous: nothing else in this process runs in between. Rolled back if they throw. While
 * another connection holds the lock, tried again every few milliseconds for up to 10 s.
 */
export async function sqliteTransaction<T>(steps: (tx: SqliteTransaction) => T): Promise<T> {
  const db = await sqliteWriter.open();
  const tx: SqliteTransaction = {
    rows: (name, sql, params) => sqliteWriter.statement(name, sql).all(...params) as Row[],
    run: (name, sql, params) => sqliteWriter.statement(name, sql).run(...params).changes,
  };
  const transaction = db.transaction(() => steps(tx));
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
      await sleep(Math.min(attempt, 20) * (0.5 + Math.random()));
    }
  }
}

/** PostgreSQL: `steps` in one transaction on a connection of its own; rolled back if they throw. */
export async function postgresTransaction<T>(
  steps: (tx: PostgresTransaction) => Promise<T>,
): Promise<T> {
  const client: PoolClient = await (await openPostgresPool()).connect();
  const tx: PostgresTransaction = {
    rows: async (name, text, values) => (await client.query({ name, text, values })).rows as Row[],
    run: async (name, text, values) => (await client.query({ name, text, values })).rowCount ?? 0,
  };
  try {
    await client.query("BEGIN");
    const result = await steps(tx);
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    // A connection whose rollback fails is broken: dropped, not given back to the pool.
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}

/**
 * A value for a write's parameter, as Prisma stores it: SQLite keeps a timestamp as ISO text
 * with "+00:00", a boolean as 0 or 1 and JSON as text; PostgreSQL takes ISO text into its
 * `timestamp(3)` columns (the zone ignored: they hold UTC) and JSON as text.
 */
export const dateParam = (date: Date): string =>
  isPostgres ? date.toISOString() : date.toISOString().replace("Z", "+00:00");

export const booleanParam = (value: boolean | null): boolean | number | null =>
  value === null || isPostgres ? value : value ? 1 : 0;

export const jsonParam = (value: unknown): string => JSON.stringify(value);

/** A timestamp column: SQLite gives Prisma's ISO text, PostgreSQL a Date. */
export const dateColumn = (value: unknown): Date =>
  value instanceof Date ? value : new Date(value as string | number);

export const nullableDateColumn = (value: unknown): Date | null =>
  value === null || value === undefined ? null : dateColumn(value);

/**
 * A JSON column holding an object or an array (never a bare string): SQLite gives its text,
 * PostgreSQL and Prisma the value.
 */
export const jsonColumn = (value: unknown): unknown =>
  typeof value === "string" ? JSON.parse(value) : value;
