import { existsSync } from "node:fs";
import { z } from "zod";

// Every setting comes from the environment, parsed once at start-up. A bad value stops the
// portal with a readable message instead of failing later. Nothing is required for a local start.

if (existsSync(".env")) process.loadEnvFile(".env");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .default("file:./data/portal.db"),
  /** The portal's public origin: links in e-mails and the CSRF origin check use it. */
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("MSQ Portal <no-reply@msq.localhost>"),
  /** Express's "trust proxy" setting when behind a reverse proxy (so rate limits see the client). */
  TRUST_PROXY: z.string().optional(),
  /** Worker processes in production (server.js); the number of cores by default. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Deleting expired rows every hour (models/housekeeping.server.ts): on in production. */
  HOUSEKEEPING: z.enum(["on", "off"]).optional(),
  /** Where e-mails go as .eml files when SMTP_URL is unset. */
  MAIL_OUTBOX_DIR: z.string().default("data/outbox"),
});

export type Env = z.infer<typeof schema> & { PUBLIC_URL: string };

function parseEnv(): Env {
  // An empty value (`SMTP_URL=` in .env) means unset.
  const set = Object.entries(process.env).filter(([, value]) => value !== "");
  const result = schema.safeParse(Object.fromEntries(set));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    console.error(`Invalid configuration:\n${problems.join("\n")}\nSee .env.example.`);
    process.exit(1);
  }
  const env = result.data;
  return { ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` };
}

export const env = parseEnv();

export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
