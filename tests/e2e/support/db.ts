import { testDatabaseUrl } from "../../../scripts/test-database";

// The end-to-end tests reach the same database as the server they drive (scripts/e2e-server.ts),
// to create users and sessions directly instead of clicking through sign-in in every test.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

// This module may be evaluated more than once per process: derive from the original URL.
process.env.E2E_BASE_DATABASE_URL ??= process.env.DATABASE_URL ?? "";
process.env.DATABASE_URL = testDatabaseUrl("e2e", process.env.E2E_BASE_DATABASE_URL);
process.env.PUBLIC_URL = `http://localhost:${E2E_PORT}`;

export const { prisma } = await import("~/db.server");
export const { startSession } = await import("~/auth/session.server");
export const { hashPassword } = await import("~/auth/password.server");
