import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, isPostgres } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client";

// One Prisma client per process (kept across dev-server rebuilds), on the JavaScript engine with
// a driver adapter: better-sqlite3 for the embedded default, pg for PostgreSQL.

function createClient() {
  const adapter = isPostgres
    ? new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 })
    : new PrismaBetterSQLite3({ url: env.DATABASE_URL, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = (globalForPrisma.prisma ??= createClient());

/** A nullable boolean from a raw statement: SQLite gives 0 or 1, PostgreSQL true or false. */
export const nullableBoolean = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : Boolean(value);
