// Demo accounts for local use: an administrator, a reviewer and a focal point for each
// country given. Created only in demo mode (DEMO_MODE=true). Existing accounts are left as they are.
import { DEMO_EMAIL_DOMAIN } from "~/auth/demo-accounts.server";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";

export const DEMO_PASSWORD = "msq-demo-password";

export type DemoAccount = { email: string; role: Role; countries: string[] };

export function demoAccounts(countryCodes: string[]): DemoAccount[] {
  return [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, role: "ADMIN", countries: [] },
    { email: `reviewer@${DEMO_EMAIL_DOMAIN}`, role: "REVIEWER", countries: [] },
    ...countryCodes.map((code) => ({
      email: `focal.${code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      role: "FOCAL_POINT" as const,
      countries: [code],
    })),
  ];
}

export async function seedDemoAccounts(countryCodes: string[]): Promise<DemoAccount[]> {
  const accounts = demoAccounts(countryCodes);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of accounts) {
    const exists = await prisma.user.findUnique({
      where: { email: account.email },
      select: { id: true },
    });
    if (exists) continue;
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.email.split("@")[0],
        role: account.role,
        passwordHash,
        countries: { create: account.countries.map((countryCode) => ({ countryCode })) },
      },
    });
  }
  return accounts;
}

/** Deletes every demo account (and, by cascade, its sessions); returns how many. */
export async function removeDemoAccounts(): Promise<number> {
  const { count } = await prisma.user.deleteMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
  });
  return count;
}
