import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI in its JavaScript-engine mode: no native engine is downloaded or needed
// (docs/decisions/002-databases.md). The CLI still probes for engine binaries unless these
// point at an existing file; it never runs them in this mode.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("package.json");

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/portal.db";
process.env.DATABASE_URL = databaseUrl;
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: databaseUrl });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
