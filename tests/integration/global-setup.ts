import { execFileSync } from "node:child_process";
import { prepareTestDatabase } from "../../scripts/test-database";

// Every unit/integration run gets its own fresh database (SQLite by default, PostgreSQL when
// DATABASE_URL names one), migrated and seeded with the reference data.
export default async function setup() {
  process.env.DATABASE_URL = await prepareTestDatabase("unit");
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: "inherit", env: process.env });
}
