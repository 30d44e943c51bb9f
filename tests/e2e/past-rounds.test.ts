import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { accessibilityViolations, expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Past rounds: a second round (MSQ 2022) is opened, MSQ 2020 closes; reviewers switch the
// dashboard, the question view and the exports back to 2020, and a focal point reads the
// country's 2020 response from its page.
//
// IMPORTANT: the end-to-end files share one database and run one after another in file order.
// Opening MSQ 2022 makes it the current round for the whole portal, so afterAll puts everything
// back as the other files expect it: the 2022 round's responses, definitions and round deleted,
// MSQ 2020 OPEN again with closedAt null, this file's Eritrean response deleted. The server keeps
// the current round for a few seconds per process, so both changes wait that long.

const ORIGIN = `http://localhost:${E2E_PORT}`;
// Its own round id: results-map.test.ts opens a 2026 round from another definition, and a
// server keeps a round's stored definition per id and version for the life of its process.
const NEW_ROUND = "2022";
const COUNTRY = "ERI"; // Eritrea: no other test uses it
const SEEDED = ["Rwanda", "Tajikistan", "Qatar", "Iran (Islamic Republic of)"];

/** A small 2022 questionnaire: two of 2020's questions. */
const DEFINITION: QuestionnaireDefinition = {
  round: NEW_ROUND,
  version: 1,
  title: "Member States Questionnaire (MSQ) 2022",
  authorizationText:
    "I/We hereby authorize UNDESA to publish my/our responses as deemed necessary.",
  sections: [
    {
      id: "A",
      title: "Institutional framework",
      questions: [
        { key: "q4_has_cio", type: "yesno", text: "4. Does your country have a CIO?" },
        {
          key: "q14_social_media",
          type: "longtext",
          text: "14. How does your government use social media?",
          maxWords: 250,
        },
      ],
    },
  ],
};

let reviewer: TestUser;
let focal: TestUser;

/** Lets every server process forget the current round it has kept (round.server.ts). */
async function waitForServerCache() {
  const { CURRENT_ROUND_TTL_MS } = await import("~/models/round.server");
  await new Promise((resolve) => setTimeout(resolve, CURRENT_ROUND_TTL_MS + 1_000));
}

async function submittedResponse(roundId: string, answers: Record<string, string>) {
  const data = {
    status: "SUBMITTED" as const,
    questionnaireVersion: 1,
    answers,
    fieldVersions: {},
    submittedAt: new Date("2026-03-30T09:00:00Z"),
    submissions: { create: { number: 1, questionnaireVersion: 1, answers } },
  };
  // Opening 2022 carried a draft for Eritrea forward: replaced by a submitted response.
  await prisma.response.deleteMany({ where: { roundId, countryCode: COUNTRY } });
  await prisma.response.create({ data: { roundId, countryCode: COUNTRY, ...data } });
}

async function restoreRounds() {
  await prisma.response.deleteMany({
    where: { OR: [{ roundId: NEW_ROUND }, { roundId: "2020", countryCode: COUNTRY }] },
  });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: NEW_ROUND } });
  await prisma.round.deleteMany({ where: { id: NEW_ROUND } });
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
}

test.beforeAll(async () => {
  test.setTimeout(60_000);
  reviewer = await createUser("REVIEWER");
  focal = await createUser("FOCAL_POINT", [COUNTRY]);
  await restoreRounds();
  await submittedResponse("2020", { q4_has_cio: "yes", q14_social_media: "Eritrea in 2020" });
  // Created and opened as an administrator does from the command line, in the e2e database.
  const file = test.info().outputPath("msq-2022.json");
  writeFileSync(file, JSON.stringify(DEFINITION));
  execFileSync(
    "npx",
    ["tsx", "scripts/round-create.ts", "--definition", file, "--deadline", "2026-12-31", "--open"],
    { stdio: "pipe", env: process.env },
  );
  await submittedResponse(NEW_ROUND, { q4_has_cio: "no", q14_social_media: "Eritrea in 2022" });
  await waitForServerCache();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  try {
    await restoreRounds();
  } finally {
    await waitForServerCache();
  }
});

test("a reviewer switches the dashboard to 2020 and downloads the long CSV of both rounds", async ({
  page,
}) => {
  await signInAs(page.context(), reviewer);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Round dashboard · MSQ 2022");
  const switcher = page.getByRole("navigation", { name: "Rounds" });
  await expect(switcher.getByRole("link", { name: "MSQ 2022 (open)" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await switcher.getByRole("link", { name: "MSQ 2020 (closed)" }).click();

  await expect(page).toHaveURL(/\/review\?round=2020$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Round dashboard · MSQ 2020");
  await expect(switcher.getByRole("link", { name: "MSQ 2020 (closed)" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText("MSQ 2020 is an earlier round")).toBeVisible();
  // Reminders and the deadline are the current round's: not offered here.
  await expect(page.getByText("Send a reminder", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  // The filters keep the round: the four seeded 2020 responses are submitted.
  await page.getByLabel("Status", { exact: true }).selectOption("SUBMITTED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/round=2020/);
  const table = page.locator(".dashboard-table");
  for (const name of [...SEEDED, "Eritrea"]) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row).toContainText("Submitted");
  }
  // Each country opens its 2020 response, read only.
  await expect(table.getByRole("link", { name: "Rwanda" })).toHaveAttribute(
    "href",
    "/print/RWA?round=2020",
  );

  const download = page.waitForEvent("download");
  await page
    .getByRole("button", { name: "Download as long CSV: one row per answer, every round" })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^msq-2022-2020-long-\d{8}\.csv$/);
  const records = parse(readFileSync(await file.path()), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  const eritrea = records.filter((r) => r.country_code === COUNTRY);
  expect(eritrea).toContainEqual({
    country_code: COUNTRY,
    country_name: "Eritrea",
    round: NEW_ROUND,
    definition_version: "1",
    key: "q14_social_media",
    value: "Eritrea in 2022",
  });
  expect(eritrea).toContainEqual(
    expect.objectContaining({ round: "2020", key: "q14_social_media", value: "Eritrea in 2020" }),
  );
  const rounds2020 = new Set(records.filter((r) => r.round === "2020").map((r) => r.country_code));
  for (const code of ["RWA", "TJK", "QAT", "IRN"]) expect(rounds2020).toContain(code);
});

test("the question view and the one-round exports follow the round chosen", async ({ page }) => {
  await signInAs(page.context(), reviewer);
  await page.goto("/review/questions?key=q14_social_media&round=2020");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Question across countries · MSQ 2020",
  );
  await expect(page.getByRole("row", { name: /Eritrea/ })).toContainText("Eritrea in 2020");
  await page
    .getByRole("navigation", { name: "Rounds" })
    .getByRole("link", { name: "MSQ 2022 (open)" })
    .click();
  await expect(page).toHaveURL(/\/review\/questions\?key=q14_social_media$/);
  await expect(page.getByRole("row", { name: /Eritrea/ })).toContainText("Eritrea in 2022");

  const csv = await page.request.get("/exports?format=csv&round=2020");
  expect(csv.headers()["content-disposition"]).toMatch(/filename="msq-2020-responses-\d{8}\.csv"/);
  const columns = Object.keys(
    (parse(await csv.body(), { bom: true, columns: true }) as object[])[0]!,
  );
  expect(columns).toContain("q1_national_portal");
  const current = await page.request.get("/exports?format=csv");
  expect(current.headers()["content-disposition"]).toMatch(/msq-2022-responses-/);
  expect((await page.request.get("/exports?format=csv&round=1999")).status()).toBe(404);
  expect((await page.request.get("/review?round=1999")).status()).toBe(404);

  // An earlier round takes no reminder, even posted by hand.
  const refused = await page.request.post("/review?round=2020", {
    form: { intent: "remind-shown", shown: COUNTRY },
    headers: { Origin: ORIGIN },
  });
  expect(refused.status()).toBe(409);
});

test("a focal point opens the country's 2020 response from its page, read only", async ({
  page,
}) => {
  await signInAs(page.context(), focal);
  await page.goto(`/countries/${COUNTRY}`);
  const earlier = page.getByRole("region", { name: "Earlier rounds" });
  await earlier.getByRole("link", { name: "Read the MSQ 2020 response" }).click();

  await expect(page).toHaveURL(new RegExp(`/print/${COUNTRY}\\?round=2020$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eritrea");
  const main = page.getByRole("main");
  await expect(main).toContainText("This is the response to MSQ 2020, an earlier round.");
  await expect(main).toContainText("Eritrea in 2020");
  await expect(main).not.toContainText("Eritrea in 2022");
  expect(await accessibilityViolations(page)).toEqual([]);
  // Only their own country, in any round.
  expect((await page.request.get("/print/RWA?round=2020")).status()).toBe(404);
});
