// `npm run admin:create -- --email someone@example.org`: the first administrator of a production
// portal. Creates (or re-invites) the account and prints a one-time link to set the password.
import { parseArgs } from "node:util";
import { prisma } from "~/db.server";
import { absoluteUrl } from "~/email/links.server";
import { inviteUser } from "~/models/user.server";

const { values } = parseArgs({ options: { email: { type: "string" } } });
if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
  console.error("usage: npm run admin:create -- --email someone@example.org");
  process.exit(2);
}
try {
  const invitation = await inviteUser({
    email: values.email,
    role: "ADMIN",
    countries: [],
    invitedById: null,
  });
  console.log(`Administrator ${invitation.email}: set the password within 7 days at`);
  console.log(absoluteUrl(`/invitation/${invitation.token}`));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
