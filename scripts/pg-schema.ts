// Derives the PostgreSQL schema from the SQLite one (the only schema anyone edits), so the two
// data models cannot drift apart. `--check` exits non-zero when the checked-in copy is stale.
import { readFileSync, writeFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema`. Do not edit by hand.\n";
  return (
    header +
    sqliteSchema
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/output(\s*)=(\s*)"\.\.\/app\//, 'output$1=$2"../../app/')
  );
}

if (process.argv[1]?.endsWith("pg-schema.ts")) {
  const expected = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    const actual = readFileSync(POSTGRES_SCHEMA, "utf8");
    if (actual !== expected) {
      console.error(`${POSTGRES_SCHEMA} is stale: run npm run db:pg-schema`);
      process.exit(1);
    }
  } else {
    writeFileSync(POSTGRES_SCHEMA, expected);
    console.error(`wrote ${POSTGRES_SCHEMA}`);
  }
}
