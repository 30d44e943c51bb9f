import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Two projects, one run (`npm run test:unit` runs both):
// - "unit": pure tests (no database, no server, no child process, no files written), run in
//   parallel on every core. DATABASE_URL points into a directory that does not exist, so a test
//   that reaches the database by mistake fails instead of using a real one.
// - "database": every file that uses the database (imports ~/db.server or the Prisma client),
//   starts a server or a child process, or writes files, plus tests/integration/**: run one
//   at a time, after the unit project, on the fresh database of the global setup.
// A new test file is a unit test unless it is listed here.
const TESTS = [
  "app/**/*.test.ts",
  "app/**/*.test.tsx",
  "scripts/**/*.test.ts",
  "server/**/*.test.ts",
  "tests/integration/**/*.test.ts",
];
const DATABASE_TESTS = [
  "tests/integration/**/*.test.ts",
  // ~/db.server
  "app/auth/auth.test.ts",
  "app/auth/pending-input.test.ts",
  "app/auth/security-events.test.ts",
  "app/export/export.test.ts",
  "app/import/import-json.test.ts",
  "app/import/import-response.test.ts",
  "app/models/housekeeping.test.ts",
  "app/models/import-upload.test.ts",
  "app/models/response.test.ts",
  "app/models/round-answerable.test.ts",
  "app/models/review.test.ts",
  "app/models/section-save.test.ts",
  "app/rounds/rounds.test.ts",
  // child processes on the test database
  "scripts/export-msq.test.ts",
  "scripts/import-json.test.ts",
  "scripts/import-msq.test.ts",
  "scripts/round-create.test.ts",
  // servers (SMTP, HTTP) and files written (the outbox, the worker bundle)
  "app/email/send.test.ts",
  "app/email/outbox.test.ts",
  "server/trust-proxy.test.ts",
  "app/import/parse-off-thread.test.ts",
];

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    allowOnly: false, // a stray .only would silently skip the rest
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: TESTS,
          exclude: [...configDefaults.exclude, ...DATABASE_TESTS],
          // Vitest's default leaves one core free: on a two-core machine that is one worker.
          maxWorkers: availableParallelism(),
          env: { DATABASE_URL: "file:./tests/.tmp/no-database-for-unit-tests/none.db" },
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: DATABASE_TESTS,
          // These files share one database per run: one file at a time.
          fileParallelism: false,
          globalSetup: ["tests/integration/global-setup.ts"],
        },
      },
    ],
  },
});
