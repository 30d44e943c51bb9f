// Writes a new migration for both databases from the change to prisma/schema.prisma since the
// last commit: regenerates the PostgreSQL schema, then asks `prisma migrate diff` (offline) for
// the SQL of each. Usage: npm run db:new-migration -- add_something
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./pg-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- name_in_snake_case");
  process.exit(2);
}

writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const scratch = mkdtempSync(path.join(tmpdir(), "msq-migration-"));

const targets = [
  { schema: SQLITE_SCHEMA, dir: "prisma/migrations", url: `file:${scratch}/diff.db` },
  {
    schema: POSTGRES_SCHEMA,
    dir: "prisma/postgresql/migrations",
    url: process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];

for (const target of targets) {
  const previous = path.join(scratch, path.basename(target.dir) + ".prisma");
  try {
    writeFileSync(previous, execFileSync("git", ["show", `HEAD:${target.schema}`]));
  } catch {
    writeFileSync(previous, "");
  }
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      previous,
      "--to-schema-datamodel",
      target.schema,
      "--script",
    ],
    { env: { ...process.env, DATABASE_URL: target.url }, stdio: ["ignore", "pipe", "inherit"] },
  ).toString();
  const dir = path.join(target.dir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.error(`wrote ${dir}/migration.sql`);
}
