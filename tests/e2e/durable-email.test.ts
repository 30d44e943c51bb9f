import { expect, test } from "./fixtures";
import { copyFor } from "./support/copy";

// No e-mail is lost: with the mail server down, an invitation is still made and its e-mail
// waits in the outbox (the administrators' E-mails page shows it pending); once the server is
// back, the sender delivers it, once.

const en = copyFor("en");

test("an invitation made while the mail server is down arrives once it is back", async ({
  page,
  mailbox,
  signedIn,
}) => {
  await signedIn("ADMIN", [], "Ada Admin");
  const invitee = `durable.${Date.now()}@gov.rw.example.org`;
  await mailbox.stop();
  try {
    await page.goto("/admin/users/new");
    await page.getByLabel("E-mail address").fill(invitee);
    await page.getByLabel("Country focal point").check();
    await page.getByLabel("Countries").selectOption("RWA");
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);

    await page.getByRole("link", { name: en.nav.emails }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.outbox.title);
    const row = page.getByRole("row").filter({ hasText: invitee });
    await expect(row).toContainText(en.outbox.pending);
    await expect(row).toContainText(en.outbox.kinds.invitation);
  } finally {
    await mailbox.start();
  }

  const email = await mailbox.waitForEmail((m) => m.to.includes(invitee), 15_000);
  expect(email.text).toContain("Rwanda");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: invitee })).toContainText(en.outbox.sent);
  }).toPass({ timeout: 10_000 });
  // Exactly once: a few more retry periods bring no second copy.
  await page.waitForTimeout(2500);
  const copies = mailbox.messages.filter((m) => m.to.includes(invitee));
  expect(copies).toHaveLength(1);
  expect(copies[0]!.messageId).toMatch(/^<outbox\./);
});
