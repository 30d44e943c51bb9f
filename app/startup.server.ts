import { demoAccountsInDatabase } from "~/auth/demo-accounts.server";
import { configurationProblems, env } from "~/env.server";

// What the server checks before it listens (server.js calls this through the build's entry
// module): a production portal is unsafe by configuration (http), or by content (an account
// with the published demo password). Either one stops the start, with the reason.

export async function startupProblems(): Promise<string[]> {
  const problems = configurationProblems();
  if (!env.DEMO_MODE) {
    const demo = await demoAccountsInDatabase();
    if (demo.length > 0)
      problems.push(
        `the database holds demo accounts (${demo.join(", ")}), whose password is published, and DEMO_MODE is off: delete them (npm run db:seed -- --remove-demo), or set DEMO_MODE=true for a demo.`,
      );
  }
  return problems;
}
