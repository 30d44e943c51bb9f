import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { copyFor } from "./support/copy";

// No e-mail is lost: with the mail server down, an invitation is still made and its e-mail
// waits in the outbox (the administrators' E-mails page shows it pending); once the server is
// back, the sender delivers it, once. A bulk invitation's lines too.

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

test("a bulk invitation sent while the mail server is down waits in the outbox, then arrives once", async ({
  page,
  mailbox,
  signedIn,
}) => {
  await signedIn("ADMIN", [], "Ada Admin");
  const id = Date.now();
  const invitees = [
    `bulk.durable.a.${id}@gov.li.example.org`,
    `bulk.durable.b.${id}@gov.li.example.org`,
  ];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "msq-durable-")), `durable-${id}.csv`);
  writeFileSync(
    file,
    ["Country,Email,Name", ...invitees.map((e) => `LIE,${e},Person`)].join("\r\n"),
  );
  await mailbox.stop();
  try {
    await page.goto("/admin/invitations");
    await page.getByLabel("CSV file of focal points").setInputFiles(file);
    await page.getByRole("button", { name: "Read the file" }).click();
    await page.getByRole("button", { name: "Send 2 invitations" }).click();
    // The accounts and their e-mails are saved; the lines say they are still being sent, and why.
    const lines = page.getByRole("table", { name: "Invitations (2)" }).locator("tbody tr");
    await expect(lines).toHaveCount(2);
    for (const line of await lines.all()) {
      await expect(line).toContainText(en.invitations.rowStatuses.SENDING, { timeout: 15_000 });
      await expect(line).toContainText(/ECONNREFUSED|connect/i);
    }
    await page.screenshot({ path: test.info().outputPath("bulk-waiting.png"), fullPage: true });
    await page.goto("/admin/emails");
    for (const invitee of invitees) {
      const row = page.getByRole("row").filter({ hasText: invitee });
      await expect(row).toContainText(en.outbox.pending);
      await expect(row).toContainText(en.outbox.kinds.invitation);
    }
  } finally {
    await mailbox.start();
  }
  for (const invitee of invitees) await mailbox.waitForEmail((m) => m.to.includes(invitee), 15_000);
  await page.goBack();
  await expect(async () => {
    await page.goto(page.url());
    await expect(page.getByRole("row").filter({ hasText: invitees[1]! })).toContainText(
      en.outbox.sent,
    );
  }).toPass({ timeout: 10_000 });
  await page.waitForTimeout(2500);
  for (const invitee of invitees)
    expect(mailbox.messages.filter((m) => m.to.includes(invitee))).toHaveLength(1);
});
