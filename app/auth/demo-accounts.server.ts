import { prisma } from "~/db.server";

// The demo accounts (prisma/seed-demo.ts) all live at example.org, a domain reserved for
// examples (RFC 2606): no real person signs in from it, so an account there is a demo account.

export const DEMO_EMAIL_DOMAIN = "example.org";

/** The addresses of the demo accounts present in the database. */
export async function demoAccountsInDatabase(): Promise<string[]> {
  const rows = await prisma.user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return rows.map((row) => row.email);
}
