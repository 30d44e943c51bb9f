import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { formatDate } from "~/email/templates/format";
import type { Locale } from "~/i18n/locale";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";

// An administrator invites focal points in bulk: uploads a CSV, checks the preview (each line
// marked, with its reason; nothing sent), confirms, and follows the sending to the summary, with
// JavaScript (the page revalidates) and without (the page refreshes itself). The e-mails arrive
// at the tests' SMTP server naming the round; the same file uploaded again sends nothing.
// Countries no other end-to-end test uses: San Marino and Monaco, Saint Kitts and Nevis and
// Saint Vincent and the Grenadines.

const tag = () => randomBytes(4).toString("hex");

/** The file of the tests: two new focal points, a repeat, an unknown country, a bad address. */
function writeCsv(countries: [code: string, name: string]) {
  const id = tag();
  const first = `focal.${countries[0].toLowerCase()}.${id}@test.example.org`;
  const second = `focal.${countries[1].slice(0, 5).toLowerCase()}.${id}@test.example.org`;
  const lines = [
    "Country,Email,Name,Language",
    `${countries[0].toLowerCase()},${first},"Rossi, Maria",en`,
    `${countries[1]},${second},Jean Martin,FR`,
    `${countries[0]},${first.toUpperCase()},Maria again,`,
    `Atlantis,nobody.${id}@test.example.org,Nobody,`,
    `${countries[0]},not-an-address,Bad Address,`,
  ];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "msq-bulk-")), `focal-points-${id}.csv`);
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  return { file, name: path.basename(file), first, second };
}

/** The invitation's words in the languages of the file's lines (en, FR), as in the catalogues. */
const invitationWords = {
  en: {
    subject: "You are invited to the MSQ Portal",
    invited: (inviter: string) => `${inviter} invited you`,
    country: (name: string) => `Country: ${name}`,
    round: (name: string) => `Round: ${name}`,
    deadline: (date: string) => `Deadline: ${date}`,
    noDeadline: "Deadline: none set yet",
  },
  fr: {
    subject: "Invitation au Portail MSQ",
    invited: (inviter: string) => `${inviter} vous invite`,
    country: (name: string) => `Pays\u00a0: ${name}`,
    round: (name: string) => `Cycle\u00a0: ${name}`,
    deadline: (date: string) => `Date limite\u00a0: ${date}`,
    noDeadline: "Date limite\u00a0: pas encore fixée",
  },
} satisfies Partial<Record<Locale, unknown>>;

async function uploadFile(page: Page, file: string) {
  await page.goto("/admin/invitations");
  await page.getByLabel("CSV file of focal points").setInputFiles(file);
  await page.getByRole("button", { name: "Read the file" }).click();
}

/** A table of the page, line by line: line, status with its reason, country, e-mail, name… */
async function tableRows(page: Page, caption: string | RegExp) {
  return page
    .getByRole("table", { name: caption })
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll("td")].map((cell) => cell.textContent?.trim() ?? ""),
      ),
    );
}

async function expectRoundNamed(text: string, locale: keyof typeof invitationWords) {
  const round = await prisma.round.findFirstOrThrow({
    orderBy: { id: "desc" },
    select: { name: true, deadline: true },
  });
  const words = invitationWords[locale];
  expect(text).toContain(words.round(round.name));
  expect(text).toContain(
    round.deadline ? words.deadline(formatDate(round.deadline, locale)) : words.noDeadline,
  );
}

const progressText = (page: Page) => page.locator("#progress-text");

test("an admin uploads a CSV, checks the preview, sends the new invitations; the same file again sends nothing", async ({
  page,
  signedIn,
  mailbox,
}) => {
  await signedIn("ADMIN", [], "Ada Bulk");
  const csv = writeCsv(["SMR", "Monaco"]);

  await page.goto("/review");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Invitations" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite focal points in bulk");
  expect(await accessibilityViolations(page)).toEqual([]);
  await uploadFile(page, csv.file);

  // The preview: every line marked, with its reason; nothing sent.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `What was read from ${csv.name}`,
  );
  await expect(page.locator(".lead")).toHaveText(
    "2 new, 1 duplicate, 1 with an unknown country, 1 with a bad address",
  );
  // The lines that will not be sent come first, each with its reason.
  expect(await tableRows(page, "Lines that will not be sent (3)")).toEqual([
    [
      "4",
      "Duplicate The same e-mail address is on line 2: sent once only.",
      "San Marino (SMR)",
      csv.first.toUpperCase(),
      "Maria again",
      "",
    ],
    [
      "5",
      "Unknown country “Atlantis” is not a UN Member State: give its ISO 3166 alpha-3 code (such as KEN) or its name in one of the six UN languages.",
      "Atlantis",
      expect.stringMatching(/^nobody\./),
      "Nobody",
      "",
    ],
    [
      "6",
      "Bad address “not-an-address” is not an e-mail address.",
      "San Marino (SMR)",
      "not-an-address",
      "Bad Address",
      "",
    ],
  ]);
  expect(await tableRows(page, "Lines to invite (2)")).toEqual([
    ["2", "New", "San Marino (SMR)", csv.first, "Rossi, Maria", "en"],
    ["3", "New", "Monaco (MCO)", csv.second, "Jean Martin", "fr"],
  ]);
  expect(await accessibilityViolations(page)).toEqual([]);
  // On a phone the tables scroll sideways in their box; the page itself does not.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    ),
  ).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(mailbox.messages.filter((m) => m.to.includes(csv.first))).toHaveLength(0);
  expect(await prisma.user.count({ where: { email: { in: [csv.first, csv.second] } } })).toBe(0);

  // Confirm: the page follows the sending to its summary.
  await page.getByRole("button", { name: "Send 2 invitations" }).click();
  await expect(progressText(page)).toHaveText("2 of 2 sent", { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "Done" })).toBeVisible();
  await expect(page.getByText("2 invitations sent.")).toBeVisible();
  await expect(page.locator("progress")).toHaveAttribute("value", "2");
  await expect(page.locator("#progress-text")).toHaveAttribute("aria-live", "polite");
  expect(await tableRows(page, "Invitations (2)")).toEqual([
    ["2", "Sent", "San Marino (SMR)", csv.first, "Rossi, Maria", "en"],
    ["3", "Sent", "Monaco (MCO)", csv.second, "Jean Martin", "fr"],
  ]);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Each in its line's language.
  for (const [address, country, locale] of [
    [csv.first, "San Marino", "en"],
    [csv.second, "Monaco", "fr"],
  ] as const) {
    const email = await mailbox.waitForEmail((m) => m.to.includes(address));
    const words = invitationWords[locale];
    expect(email.subject).toBe(words.subject);
    expect(email.text).toContain(words.invited("Ada Bulk"));
    expect(email.text).toContain(words.country(country));
    await expectRoundNamed(email.text, locale);
  }
  const invited = await prisma.user.findMany({
    where: { email: { in: [csv.first, csv.second] } },
    select: { role: true, countries: { select: { countryCode: true } } },
  });
  expect(invited.map((u) => [u.role, u.countries[0]?.countryCode]).sort()).toEqual([
    ["FOCAL_POINT", "MCO"],
    ["FOCAL_POINT", "SMR"],
  ]);

  // The same file again: both already invited, nothing to send.
  await uploadFile(page, csv.file);
  await expect(page.locator(".lead")).toHaveText(
    "2 already invited, 1 duplicate, 1 with an unknown country, 1 with a bad address",
  );
  await expect(page.getByRole("button", { name: /^Send/ })).toHaveCount(0);
  await expect(page.getByText("No line is new: there is nothing to send.")).toBeVisible();
  // The list gives both files.
  await page.getByRole("link", { name: "All bulk invitations" }).click();
  const listed = page.getByRole("row").filter({ hasText: csv.name });
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText("0 new, 0 sent");
  await expect(listed.last()).toContainText("2 new, 2 sent");
  for (const address of [csv.first, csv.second])
    expect(mailbox.messages.filter((m) => m.to.includes(address))).toHaveLength(1);
});

/** A confirmed batch with its one line claimed by a sender elsewhere (another worker). */
async function batchBeingSent(createdById: string) {
  const batch = await prisma.invitationBatch.create({
    data: {
      fileName: `elsewhere-${tag()}.csv`,
      createdById,
      status: "CONFIRMED",
      confirmedAt: new Date(),
      rows: {
        create: {
          line: 2,
          country: "KNA",
          countryCode: "KNA",
          address: `elsewhere.${tag()}@test.example.org`,
          name: "Elsewhere",
          classification: "NEW",
          status: "SENDING",
          attempts: 1,
          claimedAt: new Date(),
        },
      },
    },
    select: { id: true },
  });
  const finish = () =>
    prisma.invitationBatchRow.updateMany({
      where: { batchId: batch.id },
      data: { status: "SENT", sentAt: new Date(), claimedAt: null },
    });
  return { id: batch.id, finish };
}

test("with JavaScript, the page follows the sending without reloading", async ({
  page,
  signedIn,
}) => {
  const admin = await signedIn("ADMIN");
  const batch = await batchBeingSent(admin.id);
  await page.goto(`/admin/invitations/${batch.id}`);
  await expect(progressText(page)).toHaveText("0 of 1 sent");
  await expect(page.getByRole("heading", { name: "Sending the invitations" })).toBeVisible();
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await batch.finish();
  await expect(progressText(page)).toHaveText("1 of 1 sent", { timeout: 10_000 });
  await expect(page.getByText("1 invitation sent.")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the preview, the confirmation and the progress work, refreshing to the summary", async ({
    page,
    signedIn,
    mailbox,
  }) => {
    const admin = await signedIn("ADMIN", [], "Ada Plain");
    const csv = writeCsv(["KNA", "Saint Vincent and the Grenadines"]);
    await uploadFile(page, csv.file);
    await expect(page.locator(".lead")).toHaveText(
      "2 new, 1 duplicate, 1 with an unknown country, 1 with a bad address",
    );
    await page.getByRole("button", { name: "Send 2 invitations" }).click();
    await expect(progressText(page)).toHaveText("2 of 2 sent", { timeout: 15_000 });
    await expect(page.getByText("2 invitations sent.")).toBeVisible();
    for (const [address, locale] of [
      [csv.first, "en"],
      [csv.second, "fr"],
    ] as const) {
      const email = await mailbox.waitForEmail((m) => m.to.includes(address));
      await expectRoundNamed(email.text, locale);
    }

    // While lines are being sent the page refreshes itself, and so reaches the summary.
    const batch = await batchBeingSent(admin.id);
    await page.goto(`/admin/invitations/${batch.id}`);
    await expect(progressText(page)).toHaveText("0 of 1 sent");
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "3");
    await batch.finish();
    await expect(progressText(page)).toHaveText("1 of 1 sent", { timeout: 10_000 });
    await expect(page.getByText("1 invitation sent.")).toBeVisible();
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  });
});
