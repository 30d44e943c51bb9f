// Demo accounts for local use: an administrator, a reviewer and a focal point for each
// country given. Never created in production. Existing accounts are left as they are.
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";

export const DEMO_PASSWORD = "msq-demo-password";

export type DemoAccount = { email: string; role: Role; countries: string[] };

export function demoAccounts(countryCodes: string[]): DemoAccount[] {
  return [
    { email: "admin@example.org", role: "ADMIN", countries: [] },
    { email: "reviewer@example.org", role: "REVIEWER", countries: [] },
    ...countryCodes.map((code) => ({
      email: `focal.${code.toLowerCase()}@example.org`,
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
