import { existsSync } from "node:fs";
import { z } from "~/zod";
import { isPostgresUrl } from "~/database-url";
import {
  parseEmailRetrySeconds,
  parsePort,
  parsePublicOrigin,
  parseWorkers,
} from "../server/settings.js";
import { parseTrustProxy } from "../server/trust-proxy.js";

// Every setting comes from the environment, parsed once at start-up. A bad value stops the
// portal with a readable message instead of failing later. Nothing is required for a local start.

if (existsSync(".env")) process.loadEnvFile(".env");

/** "true"/"1" or "false"/"0" (an env value is text; `z.coerce.boolean` reads "false" as true). */
const flag = z
  .enum(["true", "false", "1", "0"], "must be true or false")
  .transform((value) => value === "true" || value === "1");

/** A setting server.js also reads, parsed by the same function (server/settings.js). */
const sharedWith = <T>(parse: (value: string | undefined) => T) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parse(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    });

const schema = z.object({
  /**
   * Demo mode: the seed creates the demo accounts (published password) and every page says it is
   * a demo. Off unless set; `npm run setup` writes it into a new `.env` for a local try-out.
   */
  DEMO_MODE: flag.default(false),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: sharedWith(parsePort),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .default("file:./data/portal.db"),
  /** The portal's public origin: links in e-mails and the CSRF origin check use it. */
  PUBLIC_URL: sharedWith((value) => (parsePublicOrigin(value) === null ? undefined : value)),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("MSQ Portal <no-reply@msq.localhost>"),
  /**
   * Express's "trust proxy" setting behind a reverse proxy (so rate limits see the client): a hop
   * count, true/false, or the proxies' addresses and subnets, comma-separated.
   */
  TRUST_PROXY: sharedWith(parseTrustProxy),
  /** Worker processes in production (server.js); the number of cores by default. */
  WEB_CONCURRENCY: sharedWith(parseWorkers),
  /** Deleting expired rows every hour (models/housekeeping.server.ts): on in production. */
  HOUSEKEEPING: z.enum(["on", "off"]).optional(),
  /**
   * The key that encrypts secrets kept in the database (authenticator apps' secrets): 32 random
   * bytes, base64 (`openssl rand -base64 32`). Required in production outside demo mode.
   */
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes in base64")
    .optional(),
  /** Where e-mails go as .eml files when SMTP_URL is unset. */
  MAIL_OUTBOX_DIR: z.string().default("data/outbox"),
  /** The e-mail outbox's first retry wait in seconds, doubled after each failure (30). */
  EMAIL_RETRY_SECONDS: sharedWith(parseEmailRetrySeconds),
  /**
   * The benchmark's framework ceiling (`npm run bench`): a JSON file of a section page's loader
   * data, served from /bench/framework-ceiling without a database or a session. Unset (the page
   * answers 404) everywhere but the bench; refused in production outside demo mode.
   */
  BENCH_FRAMEWORK_CEILING: z.string().optional(),
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

/**
 * What makes this configuration unfit to serve: in production outside demo mode the portal must
 * be reached over https (Secure and __Host- cookies, HSTS). Checked by the server at start-up.
 */
export function configurationProblems(config: Env = env): string[] {
  if (config.DEMO_MODE || config.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!config.PUBLIC_URL.startsWith("https://"))
    problems.push(
      `PUBLIC_URL must be the portal's https:// address in production (it is ${config.PUBLIC_URL}); set DEMO_MODE=true only for a local demo.`,
    );
  if (!config.ENCRYPTION_KEY)
    problems.push(
      "ENCRYPTION_KEY must be set in production (32 random bytes in base64: openssl rand -base64 32); it encrypts the authenticator apps' secrets.",
    );
  if (config.BENCH_FRAMEWORK_CEILING)
    problems.push(
      "BENCH_FRAMEWORK_CEILING is the benchmark's switch (a page served without a session): unset it in production.",
    );
  return problems;
}

/** Cookies are Secure (and __Host- prefixed) when the portal is served over https. */
export const secureCookies = env.PUBLIC_URL.startsWith("https://");

export const isPostgres = isPostgresUrl(env.DATABASE_URL);
