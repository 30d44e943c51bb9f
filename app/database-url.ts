import path from "node:path";

// What a DATABASE_URL names: read by the portal (env.server.ts, db-driver.server.ts) and by the
// scripts that migrate, reset and measure its databases (scripts/migrate.ts).

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

/** The SQLite file of a `file:` URL, as an absolute path (relative ones from the working folder). */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}
