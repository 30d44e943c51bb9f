import type { Database, Statement } from "better-sqlite3";
import type { Pool } from "pg";
import { sqliteFile } from "~/database-url";
import { env, isPostgres } from "~/env.server";

// The few reads on every page's path (the session, a response, a section's comments, the rounds,
// the dashboard's rows and first submissions) go through the database driver with statements
// prepared once, not through Prisma, which compiles and prepares each raw statement anew
// (decision 026).
// Reads only: every write stays in Prisma's transactions.
//
// One statement is written once for both databases, with $1, $2… for its parameters (used in
// that order, each once): SQLite's `?`s are put in their place. A statement is known by its
// name, prepared at its first use: on SQLite once per process, on PostgreSQL once per
// connection (pg's named statements).

export type Row = Record<string, unknown>;

/** A statement written with $1, $2… as SQLite takes it (each parameter used once, in order). */
export const forSqlite = (sql: string) => sql.replace(/\$\d+/g, "?");

type Reader = { all: (name: string, sql: string, params: unknown[]) => Promise<Row[]> };

function sqliteReader(): Reader {
  let db: Database | undefined;
  const statements = new Map<string, Statement>();
  const open = async () => {
    const { default: BetterSqlite3 } = await import("better-sqlite3");
    // Its own connection, read only: in WAL mode it reads beside Prisma's writes.
    const opened = new BetterSqlite3(sqliteFile(env.DATABASE_URL), {
      readonly: true,
      timeout: 10_000,
    });
    opened.defaultSafeIntegers(false);
    return opened;
  };
  return {
    async all(name, sql, params) {
      db ??= await open();
      let statement = statements.get(name);
      if (!statement) {
        statement = db.prepare(forSqlite(sql));
        statements.set(name, statement);
      }
      return statement.all(...params) as Row[];
    },
  };
}

function postgresReader(): Reader {
  let pool: Pool | undefined;
  const open = async () => {
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
    return new pg.default.Pool({ connectionString: env.DATABASE_URL, max: 4, types });
  };
  return {
    async all(name, text, values) {
      pool ??= await open();
      return (await pool.query({ name, text, values })).rows as Row[];
    },
  };
}

const reader = isPostgres ? postgresReader() : sqliteReader();

/** The rows of the named statement, prepared at its first use. */
export const driverRows = (name: string, sql: string, params: unknown[]) =>
  reader.all(name, sql, params);

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
