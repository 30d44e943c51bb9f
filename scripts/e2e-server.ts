// The server the end-to-end tests drive: a fresh database (SQLite, or PostgreSQL when
// DATABASE_URL names one), seeded, behind the production build on E2E_PORT. Demo mode: it runs on
// http://localhost, and the demo banner is on every page as on a local try-out.
import { execFileSync, spawn } from "node:child_process";
import { prepareTestDatabase } from "./test-database";

const port = process.env.E2E_PORT ?? "3100";
const databaseUrl = await prepareTestDatabase("e2e");
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production" as const,
  DEMO_MODE: "true",
  PORT: port,
  PUBLIC_URL: `http://localhost:${port}`,
  // As behind one proxy: a test names its client with X-Forwarded-For, so rate-limit tests do
  // not use up the limits of every other test's browser (all on 127.0.0.1).
  TRUST_PROXY: "1",
  // Tests set up expired rows on purpose; the housekeeping is tested on its own.
  HOUSEKEEPING: "off",
  // A message held while a test's mail server is down goes out a second after it is back.
  EMAIL_RETRY_SECONDS: "1",
  // The tests' SMTP server (tests/e2e/fixtures.ts); one connection per message, no pool; it
  // offers no STARTTLS, so TLS is turned off by name (tls=none).
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? "2526"}?pool=false&tls=none`,
};
execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: "inherit", env });
const server = spawn("node", ["server.js"], { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
