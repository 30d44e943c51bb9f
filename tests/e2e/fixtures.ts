import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "~/generated/prisma/enums";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { E2E_SMTP_PORT } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Every end-to-end test fails on a console error or an uncaught page error. The portal under
// test sends its e-mail to a real SMTP server that lives in the test worker (`mailbox`).
// `signedIn` creates a user and signs the test's own page in as that user (other browser
// contexts sign in with `signInAs` from support/users.ts).
type TestFixtures = {
  consoleErrors: string[];
  signedIn: (role: Role, countries?: string[], name?: string) => Promise<TestUser>;
};

export const test = base.extend<TestFixtures, { mailbox: TestSmtpServer }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        // A form action answering 400/409/429 on purpose (invalid input, a conflict, a rate
        // limit) is logged by Chromium as a failed resource: that is the page working.
        const intended =
          /status of 4\d\d/.test(message.text()) &&
          /\.data$|\/autosave$/.test(message.location().url.split("?")[0] ?? "");
        if (!intended) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  signedIn: async ({ page }, provide) => {
    await provide(async (role, countries, name) => {
      const user = await createUser(role, countries, name);
      await signInAs(page.context(), user);
      return user;
    });
  },
  mailbox: [
    async ({}, use) => {
      const server = await startTestSmtpServer({ port: E2E_SMTP_PORT });
      await use(server);
      await server.stop();
    },
    { scope: "worker", auto: true },
  ],
});

export { expect };

/** WCAG 2.1 A and AA violations on the current page (axe-core). */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}
