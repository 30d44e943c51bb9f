import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import type { Role } from "~/generated/prisma/enums";
import { E2E_PORT, hashPassword, prisma, startSession } from "./db";

export type TestUser = {
  id: string;
  email: string;
  password: string;
  role: Role;
  countries: string[];
};

export const TEST_PASSWORD = "correct horse battery staple";

/** A new user with a unique address, straight into the database. */
export async function createUser(
  role: Role,
  countries: string[] = [],
  name?: string,
  /** The language saved as the user's choice; none: the browser's. */
  locale?: string,
): Promise<TestUser> {
  const email = `${role.toLowerCase()}.${randomBytes(4).toString("hex")}@test.example.org`;
  const user = await prisma.user.create({
    data: {
      email,
      name: name ?? `Test ${role.toLowerCase()}`,
      role,
      passwordHash: await hashPassword(TEST_PASSWORD),
      locale: locale ?? null,
      countries: { create: countries.map((countryCode) => ({ countryCode })) },
    },
    select: { id: true },
  });
  return { id: user.id, email, password: TEST_PASSWORD, role, countries };
}

/** The session cookie of a new session for the user, as "name=value". */
export async function sessionCookieFor(user: TestUser): Promise<{ name: string; value: string }> {
  const serialized = await startSession(user.id);
  const [pair] = serialized.split(";");
  const [name, value] = pair!.split("=");
  return { name: name!, value: value! };
}

/** Signs the browser context in as the user, without the sign-in page. */
export async function signInAs(context: BrowserContext, user: TestUser) {
  const cookie = await sessionCookieFor(user);
  await context.addCookies([{ ...cookie, url: `http://localhost:${E2E_PORT}` }]);
}
