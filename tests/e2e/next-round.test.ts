import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// The next round, end to end: an administrator opens it from its definition file (one question
// reworded, one removed, two new ones of new types, one option list changed); a focal point
// finds their 2020 answers carried, confirms some, updates one, answers the new questions and
// submits; the reviewer sees what is unchanged, updated and new.
//
// Opening a round changes the round every later test file sees: this file puts 2020 back as
// the open round when it ends (and waits out the servers' few-second cache of it).

const DEFINITION = "tests/fixtures/msq-next-round.json";
const ROUND = "2026";
const COUNTRY = "STP"; // São Tomé and Príncipe: no other test uses it
const ANSWERS_2020 = {
  q1_national_portal: "https://www.gov.st", // reworded in 2026
  q2a_eservices_portal: "https://servicos.gov.st", // updated below
  q2e_other_portals: "https://outros.gov.st", // removed in 2026
  q4_has_cio: "no",
  q6_development_strategy: "Digital São Tomé and Príncipe 2030.",
  q15_new_tech_strategy: ["ai", "quantum_computing"], // quantum computing is no longer an option
};
const ROUND_CACHE_MS = 5_500;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await prisma.response.deleteMany({ where: { countryCode: COUNTRY } });
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: COUNTRY,
      status: "ACCEPTED",
      questionnaireVersion: 1,
      answers: ANSWERS_2020,
      fieldVersions: {},
      revision: 1,
      submissions: {
        create: { number: 1, questionnaireVersion: 1, answers: ANSWERS_2020 },
      },
    },
  });
});

test.afterAll(async () => {
  await prisma.event.deleteMany({ where: { response: { roundId: ROUND } } });
  await prisma.response.deleteMany({ where: { roundId: ROUND } });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: ROUND } });
  await prisma.round.deleteMany({ where: { id: ROUND } });
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
  await prisma.response.deleteMany({ where: { countryCode: COUNTRY } });
  await new Promise((resolve) => setTimeout(resolve, ROUND_CACHE_MS));
});

test("an administrator creates the next round from its file, previews it, opens it and invites", async ({
  page,
  signedIn,
  mailbox,
}) => {
  await signedIn("ADMIN");
  await page.goto("/admin/rounds");
  await page.getByLabel("Definition file", { exact: true }).setInputFiles(DEFINITION);
  await page.getByRole("button", { name: "Check and upload" }).click();
  await expect(page).toHaveURL(/\/admin\/rounds\/2026\?stored=created_round$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MSQ 2026");
  await expect(page.getByRole("status")).toContainText("created as a draft");
  expect(await accessibilityViolations(page)).toEqual([]);

  // The preview works as the form will: a follow-up appears with its parent's answer.
  await expect(page.getByLabel("4. Name")).toBeHidden();
  await page
    .getByRole("group", { name: /4\. Does your country have a Chief/ })
    .getByLabel("Yes")
    .check();
  await expect(page.getByLabel("4. Name")).toBeVisible();
  await page.getByRole("link", { name: "XI. Digital Public Infrastructure" }).click();
  await expect(page.getByLabel(/16\. What share of the national ICT budget/)).toBeVisible();
  await expect(page.getByText("Required to submit.")).toBeVisible();

  await page.getByLabel("Deadline", { exact: true }).fill("2026-06-30");
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByRole("status")).toContainText("The round is open.");
  await expect(page.getByRole("status")).toContainText("from their 2020 answers");
  const round = await prisma.round.findUniqueOrThrow({ where: { id: ROUND } });
  expect(round.status).toBe("OPEN");
  expect(round.deadline?.toISOString()).toBe("2026-06-30T23:59:59.000Z");
  expect((await prisma.round.findUniqueOrThrow({ where: { id: "2020" } })).status).toBe("CLOSED");

  // Two focal points invited from a CSV: the invitation names the new round and its deadline.
  const stamp = Date.now();
  const invited = [`stp.${stamp}@gov.example.org`, `slb.${stamp}@gov.example.org`];
  const csv = path.join(mkdtempSync(path.join(tmpdir(), "msq-next-")), "focal-points.csv");
  writeFileSync(
    csv,
    `country,email,name\nSTP,${invited[0]},Ana Costa\nSolomon Islands,${invited[1]},John Tuhaika\n`,
  );
  await page.goto("/admin/invitations");
  await page.getByLabel("CSV file of focal points").setInputFiles(csv);
  await page.getByRole("button", { name: "Read the file" }).click();
  await page.getByRole("button", { name: "Send 2 invitations" }).click();
  await expect(page.locator("#progress-text")).toHaveText("2 of 2 sent", { timeout: 15_000 });
  for (const address of invited) {
    const mail = await mailbox.waitForEmail((m) => m.to.includes(address));
    expect(mail.text).toContain("Round: MSQ 2026");
    expect(mail.text).toContain("Deadline: 30 June 2026");
  }

  // The importer reads a file against the round chosen for it: a 2020 export is not a 2026 one.
  const exported = path.join(mkdtempSync(path.join(tmpdir(), "msq-next-")), "msq-2020.json");
  writeFileSync(
    exported,
    JSON.stringify({ format: "msq-export", version: 1, round: "2020", responses: [] }),
  );
  await expect(async () => {
    await page.goto("/admin/imports");
    await expect(page.getByLabel("Round")).toHaveValue(ROUND, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.getByLabel("File to import").setInputFiles(exported);
  await page.getByRole("button", { name: /Read the file/ }).click();
  await expect(page.getByText("not to the MSQ 2026: import it into round 2020")).toBeVisible();
});

test("a focal point confirms and updates carried answers, answers the new ones and submits", async ({
  page,
  browser,
  signedIn,
}) => {
  const focal = await signedIn("FOCAL_POINT", [COUNTRY], "São Tomé focal point");
  // Each server process keeps the current round for a few seconds.
  await expect(async () => {
    await page.goto(`/countries/${COUNTRY}/sections/I`);
    await expect(page.getByText("come from your MSQ 2020 response")).toBeVisible({
      timeout: 500,
    });
  }).toPass({ timeout: 10_000 });
  expect(await accessibilityViolations(page)).toEqual([]);

  const portal = page.locator(".question").filter({ hasText: "1. What is the official national" });
  await expect(portal.getByText("This question changed since 2020")).toBeVisible();
  await expect(portal.getByRole("textbox")).toHaveValue("https://www.gov.st");
  await portal.getByRole("button", { name: /^Still accurate/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Marked as still accurate." }),
  ).toBeVisible();
  await expect(portal.getByText("confirmed as still accurate")).toBeVisible();
  // The removed question is gone; the removed option's answer was not carried.
  await expect(page.getByText("2. e. Other major portals")).toHaveCount(0);

  // Updating one answer, then "all still accurate" for the rest of the section.
  const services = page.locator(".question").filter({ hasText: "a. E-services" });
  await services.getByRole("textbox").fill("https://eservicos.gov.st");
  await expect(services.getByText("Updated since your MSQ 2020 response.")).toBeVisible();
  await page
    .getByRole("button", { name: "All answers in this section are still accurate" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "marked as still accurate" }),
  ).toBeVisible();
  await expect(page.getByText("come from your MSQ 2020 response")).toHaveCount(0);

  // Submitting waits for the rest: section II's carried answer and the required new question.
  await page.goto(`/countries/${COUNTRY}/review`);
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  const errors = page.getByRole("alert", { name: "There is a problem: fix these" });
  await expect(errors).toContainText("comes from your 2020 response");
  await expect(errors).toContainText("required to submit");
  await page.screenshot({ path: "test-results/next-round-check-answers.png", fullPage: true });

  // Without JavaScript, "Still accurate" is a plain form button and works the same.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(plain, focal);
  const noScript = await plain.newPage();
  await noScript.goto(`/countries/${COUNTRY}/sections/II`);
  const strategy = noScript.locator(".question").filter({ hasText: "6." }).first();
  await strategy.getByRole("button", { name: /^Still accurate/ }).click();
  await expect(noScript).toHaveURL(/\/sections\/II\?confirmed=1/);
  await expect(
    noScript
      .locator(".question")
      .filter({ hasText: "6." })
      .first()
      .getByText("confirmed as still accurate"),
  ).toBeVisible();
  await plain.close();

  await page.goto(`/countries/${COUNTRY}/sections/XI`);
  await page.getByLabel(/16\. What share/).fill("12.5 %");
  await page.getByLabel(/17\. When was/).fill("2024-05-01");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").first()).toContainText("Saved at");

  await page.goto(`/countries/${COUNTRY}/review`);
  await page.getByLabel(/I\/We hereby authorize UNDESA/).check();
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(page).toHaveURL(new RegExp(`/countries/${COUNTRY}\\?submitted=1$`));

  const response = await prisma.response.findUniqueOrThrow({
    where: { roundId_countryCode: { roundId: ROUND, countryCode: COUNTRY } },
    include: { submissions: true },
  });
  expect(response.status).toBe("SUBMITTED");
  const frozen = response.submissions[0]!.answers as Record<string, unknown>;
  expect(frozen).toMatchObject({
    q1_national_portal: "https://www.gov.st",
    q2a_eservices_portal: "https://eservicos.gov.st",
    q4_has_cio: "no",
    q16_dpi_budget_share: "12.5",
    q17_dpi_strategy_adopted: "2024-05-01",
    q15_new_tech_strategy: null,
  });
  expect(frozen).not.toHaveProperty("q2e_other_portals");
});

test("the reviewer sees each question unchanged, updated, new or changed, with 2020 beside it", async ({
  page,
}) => {
  const reviewer = await createUser("REVIEWER");
  await signInAs(page.context(), reviewer);
  await page.goto(`/review/${COUNTRY}`);
  await expect(page.getByText("started from the country's MSQ 2020 answers")).toBeVisible();
  const answer = (key: string) => page.locator(`#answer-${key}`);
  await expect(answer("q1_national_portal")).toContainText("Question changed since 2020");
  await expect(answer("q2a_eservices_portal")).toContainText("Updated since 2020");
  await expect(answer("q2a_eservices_portal")).toContainText("https://servicos.gov.st");
  await expect(answer("q4_has_cio")).toContainText("Unchanged since 2020");
  await expect(answer("q16_dpi_budget_share")).toContainText("New question");
  await expect(answer("q16_dpi_budget_share")).toContainText("12.5 %");
  expect(await accessibilityViolations(page)).toEqual([]);

  // The long export holds both rounds: one row per answered field, with its round and version.
  const long = await page.request.get("/exports?format=long-csv");
  expect(long.status()).toBe(200);
  const rows = (await long.text()).split(/\r?\n/).filter((line) => line.startsWith(COUNTRY));
  const cells = (key: string) => rows.filter((row) => row.split(",").includes(key));
  const byRound = (key: string) =>
    cells(key)
      .map((row) => row.split(",").slice(2))
      .sort((a, b) => a[0]!.localeCompare(b[0]!));
  expect(byRound("q2a_eservices_portal")).toEqual([
    ["2020", "1", "q2a_eservices_portal", "https://servicos.gov.st"],
    ["2026", "1", "q2a_eservices_portal", "https://eservicos.gov.st"],
  ]);
  expect(cells("q16_dpi_budget_share").map((row) => row.split(",")[2])).toEqual(["2026"]);
});
