import { execFileSync } from "node:child_process";
import { MAP_STATUS_STYLES } from "~/results/map";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Issue 17: the reviewers' dashboard opens with the world map of the round (every Member State
// a link named with its status, small states as dots, no JavaScript needed) and the response
// rate over time; rounds are compared question by question, and each country's answers side by
// side across rounds.
//
// A second round (tests/fixtures/msq-next-round.json, MSQ 2026) is opened for this file, with
// known answers to q4_has_cio in both rounds. Opening it makes it the current round for the
// whole portal, so afterAll puts back what the other files expect (as past-rounds.test.ts does):
// the 2026 round, its definitions and responses deleted, MSQ 2020 OPEN again, this file's 2020
// responses deleted, and a wait for the servers' few-second cache of the current round.

const NEW_ROUND = "2026";
const DEFINITION_FILE = "tests/fixtures/msq-next-round.json";
/** q4_has_cio in 2020 and 2026 (null: no submission in that round). No other test uses them. */
const CIO = {
  NOR: ["yes", "yes"], // kept
  FIN: ["no", "yes"], // gained
  SWE: ["yes", "no"], // lost
  ISL: ["no", "no"],
  PRY: ["yes", null], // 2020 only: its 2026 response is the draft carried forward
  ARG: [null, "yes"], // 2026 only
} as const;
const CODES = Object.keys(CIO);
/** How much of a laptop screen the dashboard may take; see tests/e2e/dashboard.test.ts. */
const DASHBOARD_HEIGHT = 2800;

let reviewer: TestUser;

async function submitted(roundId: string, countryCode: string, answer: string, day: string) {
  const answers = { q4_has_cio: answer };
  await prisma.response.deleteMany({ where: { roundId, countryCode } });
  await prisma.response.create({
    data: {
      roundId,
      countryCode,
      status: "SUBMITTED",
      questionnaireVersion: 1,
      answers,
      fieldVersions: {},
      submittedAt: new Date(`${day}T09:00:00Z`),
      submissions: {
        create: {
          number: 1,
          questionnaireVersion: 1,
          answers,
          createdAt: new Date(`${day}T09:00:00Z`),
        },
      },
    },
  });
}

async function waitForServerCache() {
  const { CURRENT_ROUND_TTL_MS } = await import("~/models/round.server");
  await new Promise((resolve) => setTimeout(resolve, CURRENT_ROUND_TTL_MS + 1_000));
}

async function restoreRounds() {
  await prisma.event.deleteMany({ where: { response: { roundId: NEW_ROUND } } });
  await prisma.response.deleteMany({
    where: { OR: [{ roundId: NEW_ROUND }, { roundId: "2020", countryCode: { in: CODES } }] },
  });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: NEW_ROUND } });
  await prisma.round.deleteMany({ where: { id: NEW_ROUND } });
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  reviewer = await createUser("REVIEWER");
  await restoreRounds();
  for (const [code, [answer]] of Object.entries(CIO))
    if (answer) await submitted("2020", code, answer, "2020-04-01");
  const today = new Date();
  // As an administrator does from the command line (its database: the e2e one, in the env).
  execFileSync(
    "npx",
    [
      "tsx",
      "scripts/round-create.ts",
      "--definition",
      DEFINITION_FILE,
      "--deadline",
      `${today.getUTCFullYear() + 1}-01-31`,
      "--open",
    ],
    { stdio: "pipe", env: process.env },
  );
  // First submissions on two days: yesterday (Norway, Finland) and today (the others).
  const day = (offset: number) =>
    new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  for (const [i, [code, [, answer]]] of Object.entries(CIO).entries())
    if (answer) await submitted(NEW_ROUND, code, answer, day(i < 2 ? 1 : 0));
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

test("the dashboard opens with the world map of the round, each country a link to its review", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page.context(), reviewer);
  await page.goto("/review");
  const map = page.getByRole("figure", {
    name: "Member States by the status of their response, MSQ 2026",
  });
  await expect(map).toBeVisible();
  // Every Member State is a link: a shape, a dot for the small ones, or both.
  const countries = map.locator("a[data-code]");
  await expect(countries).toHaveCount(193);
  expect(await map.locator("a[data-code]:not(:has(path)):not(:has(circle))").count()).toBe(0);
  expect(await map.locator("a[data-code] circle").count()).toBeGreaterThanOrEqual(25);

  // Named with the name and status, with a <title>, coloured as the status tiles say.
  const finland = page.getByRole("link", { name: "Finland: Submitted", exact: true });
  await expect(finland).toHaveAttribute("href", "/review/FIN");
  await expect(finland.locator("title")).toHaveText("Finland: Submitted");
  await expect(finland.locator("path")).toHaveAttribute("fill", MAP_STATUS_STYLES.SUBMITTED.fill);
  const paraguay = page.getByRole("link", { name: "Paraguay: Draft", exact: true });
  await expect(paraguay.locator("path")).toHaveAttribute("fill", "url(#map-pattern-draft)");
  // Tuvalu has no shape in the map's data: it is its dot.
  const tuvalu = page.getByRole("link", { name: "Tuvalu: Not started", exact: true });
  await expect(tuvalu.locator("circle")).toHaveCount(1);
  await expect(tuvalu.locator("path")).toHaveCount(0);
  // The legend: a swatch and a count per status, the counts those of the map.
  const tiles = page.getByRole("list", { name: "Countries by status" });
  await expect(tiles.locator(".status-swatch")).toHaveCount(5);
  const submittedOnMap = await map.locator('a[data-status="SUBMITTED"]').count();
  await expect(tiles.getByRole("link", { name: `${submittedOnMap} Submitted` })).toBeVisible();
  await expect(page.getByText(/\d+ small states are marked with a dot/)).toBeVisible();

  // The name and status show on hover, and on keyboard focus.
  const tip = (link: typeof finland) => link.locator("text");
  await expect(tip(finland)).toBeHidden();
  await finland.hover();
  await expect(tip(finland)).toBeVisible();
  await expect(tip(finland)).toHaveText("Finland: Submitted");
  await page.mouse.move(0, 0);
  await tuvalu.focus();
  await expect(tip(tuvalu)).toBeVisible();
  // A keyboard user can step over the 193 links.
  await expect(page.getByRole("link", { name: "Skip the map" })).toHaveAttribute(
    "href",
    "#world-map-end",
  );

  // The response rate over time: the chart and its figures, today's row counting all five.
  const chart = page.getByRole("img", { name: "Submissions over time, by region" });
  await expect(chart).toBeVisible();
  await page.getByText("The chart's figures").click();
  const last = page.locator(".response-timeline__data tbody tr").last();
  await expect(last.locator("td").last()).toHaveText("5 of 193 (3%)");
  const rows = page.locator(".response-timeline__data tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator("td").last()).toHaveText("2 of 193 (1%)");

  expect(await accessibilityViolations(page)).toEqual([]);
  // The map and chart come first, the table stays reachable below.
  const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(await top(".world-map")).toBeLessThan(await top(".filters"));
  expect(await top(".status-tiles")).toBeLessThan(await top(".filters"));
  expect(await top(".filters")).toBeLessThan(await top(".dashboard-table"));
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(
    DASHBOARD_HEIGHT,
  );

  await page.getByText("The chart's figures").click();
  await finland.hover();
  const shot = testInfo.outputPath("dashboard-map.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("dashboard-map", { path: shot, contentType: "image/png" });

  // On a phone the map shrinks and the chart scrolls in its own box: the page does not.
  await page.setViewportSize({ width: 320, height: 800 });
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  await page.setViewportSize({ width: 1280, height: 800 });

  await finland.click();
  await expect(page).toHaveURL(/\/review\/FIN$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review: Finland");
});

test("the map works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await signInAs(context, reviewer);
    const page = await context.newPage();
    await page.goto("/review");
    const sweden = page.getByRole("link", { name: "Sweden: Submitted", exact: true });
    await sweden.hover();
    await expect(sweden.locator("text")).toBeVisible();
    await sweden.click();
    await expect(page).toHaveURL(/\/review\/SWE$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review: Sweden");
  } finally {
    await context.close();
  }
});

test("a reviewer compares a question across 2020 and the next round, then a country's answers", async ({
  page,
}) => {
  await signInAs(page.context(), reviewer);
  await page.goto("/review");
  await page.getByRole("link", { name: "Compare rounds" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare rounds");
  // By default the current round against the one before it; the question is chosen in a form.
  await expect(page.getByLabel("Earlier round")).toHaveValue("2020");
  await expect(page.getByLabel("Later round")).toHaveValue(NEW_ROUND);
  await page.getByLabel("Question").selectOption("q4_has_cio");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/question=q4_has_cio&from=2020&to=2026/);

  const yes = page.locator('.compare__table tr[data-option="yes"]');
  await expect(yes.locator("td")).toHaveText([/^\d+ of \d+$/, "3 of 5", "1", "1", "1"]);
  const no = page.locator('.compare__table tr[data-option="no"]');
  await expect(no.locator("td").nth(1)).toHaveText("2 of 5");
  await expect(no.locator("td").nth(2)).toHaveText("1"); // Sweden gained "No"
  await expect(page.getByText(/the 4 Member States that answered it in both/)).toBeVisible();
  const groups = page.locator(".compare__groups");
  const listed = (label: RegExp) =>
    groups
      .locator("dt", { hasText: label })
      .locator("xpath=following-sibling::dd[1]//li")
      .allTextContents();
  expect(await listed(/^Gained \(1\)$/)).toEqual(["Finland"]);
  expect(await listed(/^Lost \(1\)$/)).toEqual(["Sweden"]);
  expect(await listed(/^In both rounds \(1\)$/)).toEqual(["Norway"]);
  await page.getByText("Changed their answer (2)").click();
  await page.getByText("Same answer in both rounds (2)").click();
  await page.getByText("Submitted to MSQ 2026 only (1)").click();
  await expect(page.locator("details[open] li")).toHaveText([
    "Finland",
    "Sweden",
    "Iceland",
    "Norway",
    "Argentina",
  ]);
  await expect(page.getByText(/^Submitted to MSQ 2020 only \(\d+\)$/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // A question the new round dropped, and one that is not a choice, are said to be so.
  await page.goto("/review/compare?question=q2e_other_portals&from=2020&to=2026");
  await expect(page.getByRole("status")).toContainText(
    "The question q2e_other_portals is not in both rounds: only MSQ 2020 asks it.",
  );
  await page.goto("/review/compare?question=q14_social_media&from=2020&to=2026");
  await expect(page.getByRole("status")).toContainText("Only yes/no and choice questions");
  expect((await page.request.get("/review/compare?from=1999")).status()).toBe(404);

  // A country's answers across rounds, side by side, reached from its review page.
  await page.goto("/review/FIN");
  await page.getByRole("link", { name: "Answers across rounds" }).click();
  await expect(page).toHaveURL(/\/review\/FIN\/rounds$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Finland: answers across rounds",
  );
  const table = page.locator(".country-rounds__table");
  await expect(table.locator("thead th")).toHaveText([
    "Question",
    /^MSQ 2020Submitted/,
    /^MSQ 2026Submitted/,
  ]);
  const cio = table.locator("#row-q4_has_cio td");
  await expect(cio).toHaveText(["No", "ChangedYes"]);
  // A question only the new round asks, and one only 2020 asked.
  await expect(table.locator("#row-q16_dpi_budget_share td").first()).toHaveText(
    "Not asked in this round",
  );
  await expect(table.locator("#row-q2e_other_portals td").last()).toHaveText(
    "Not asked in this round",
  );
  await page.getByRole("link", { name: "Show only the questions whose answer changed" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  expect(await accessibilityViolations(page)).toEqual([]);
});
