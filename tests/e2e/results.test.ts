import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// The Results page (issue 17) as a DESA reviewer uses it: from the site navigation, filtered by
// region, a chart's CSV holding the numbers of its table, a long-text search, the breakdown by
// region, without JavaScript too, in Arabic right to left; and the public page's charts, which
// count published responses only. The 4 seeded 2020 responses (RWA in Africa; TJK, QAT, IRN in
// Asia) are counted, with responses this test creates in countries no other test uses.

const MARKER = "results-e2e-marker";

type Made = {
  code: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
  authorised: boolean;
  cio: "yes" | "no";
};
/** Africa: counted CMR (submitted), GAB (accepted, authorised), LBR (accepted, not authorised); not
 * SLE (a draft) or TCD (returned). FJI (Oceania) is accepted and authorised. */
const MADE: Made[] = [
  { code: "CMR", status: "SUBMITTED", authorised: true, cio: "no" },
  { code: "GAB", status: "ACCEPTED", authorised: true, cio: "yes" },
  { code: "LBR", status: "ACCEPTED", authorised: false, cio: "no" },
  { code: "SLE", status: "DRAFT", authorised: true, cio: "no" },
  { code: "TCD", status: "RETURNED", authorised: true, cio: "no" },
  { code: "FJI", status: "ACCEPTED", authorised: true, cio: "yes" },
];
const LATER = ["MRT", "NER", "COG", "GIN"]; // made by the public test, one at a time

async function make({ code, status, authorised, cio }: Made) {
  const answers = {
    q4_has_cio: cio,
    ...(cio === "yes" ? { q4_cio_name: `CIO of ${code}` } : {}),
    q8_strategy_features: ["implementation_plan"],
    q14_social_media: `Our ministries post daily. ${MARKER} ${code}.`,
  };
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: code,
      status,
      questionnaireVersion: 1,
      answers,
      fieldVersions: {},
      authorizePublication: authorised,
      revision: 1,
      submittedAt: status === "DRAFT" ? null : new Date(),
      acceptedAt: status === "ACCEPTED" ? new Date() : null,
      ...(status === "DRAFT"
        ? {}
        : {
            submissions: {
              create: {
                number: 1,
                questionnaireVersion: 1,
                answers,
                authorizePublication: authorised,
              },
            },
          }),
    },
  });
}

test.beforeAll(async () => {
  const codes = [...MADE.map((m) => m.code), ...LATER];
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: { in: codes } } });
  for (const made of MADE) await make(made);
});

/** A chart's article on the page, by its question's key. */
const result = (page: Page, key: string) => page.locator(`#result-${key}`);

/** The rows of a chart's table as the page shows them: each row's cells' texts. */
async function tableRows(article: Locator): Promise<string[][]> {
  const table = article
    .getByRole("table")
    .filter({ has: article.page().locator("caption") })
    .first();
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll("th, td")].map((cell) => cell.textContent!.trim()),
      ),
    );
}

/** What the seeded and the made responses give, counted directly: Africa, submitted or accepted. */
async function africaCounted() {
  return prisma.response.count({
    where: {
      roundId: "2020",
      status: { in: ["SUBMITTED", "ACCEPTED"] },
      submissions: { some: {} },
      country: { region: "Africa" },
    },
  });
}

test("a reviewer charts the round, filters by region, downloads a chart's CSV and searches", async ({
  page,
  signedIn,
}, testInfo) => {
  test.setTimeout(90_000);
  await signedIn("REVIEWER");
  await page.goto("/review");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Results" })
    .click();
  await expect(page).toHaveURL(/\/review\/results$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results · MSQ 2020");
  await expect(page.getByRole("navigation", { name: "Contents" })).toContainText(
    "I. Institutional Framework",
  );

  // Filter by region: a GET form, so the view is its address.
  const filters = page.getByRole("form", { name: "Filter the results" });
  await filters.getByLabel("Region").selectOption("Africa");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/review\/results\?region=Africa$/);
  const counted = await africaCounted();
  await expect(page.locator("#results-counting")).toHaveText(
    `${counted} responses counted: submitted and accepted, Africa.`,
  );

  // Question 4: its table, and the CSV of its chart with the same numbers.
  const cio = result(page, "q4_has_cio");
  await expect(cio.locator("svg[role=img] title")).toHaveText(
    /^4\. Does your country have a Chief Information Officer/,
  );
  const shown = await tableRows(cio);
  expect(shown.map((row) => row[0])).toEqual([
    "Yes",
    "No",
    "No answer",
    "Respondents (asked this question)",
  ]);
  expect(shown.at(-1)![1]).toBe(String(counted));
  // RWA (seeded) and GAB say yes; CMR and LBR no; others' tests may add more African responses.
  expect(Number(shown[0]![1])).toBeGreaterThanOrEqual(2);
  expect(Number(shown[1]![1])).toBeGreaterThanOrEqual(2);
  const download = page.waitForEvent("download");
  await cio.getByRole("link", { name: "CSV of the chart" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("msq-2020-results-q4_has_cio.csv");
  const csv = parse(readFileSync(await file.path()), { bom: true }) as string[][];
  expect(csv[0]).toEqual(["Answer", "Countries", "% of respondents"]);
  // Cell for cell the page's table: the same counts, the same whole percents ("57%" is 57).
  expect(csv.slice(1)).toEqual(shown.map((row) => row.map((cell) => cell.replace(/%$/, ""))));

  // A follow-up counts those asked only: the CIO's name is asked after "yes".
  const names = await tableRows(result(page, "q4_cio_name"));
  expect(names.map((row) => row[0])).toContain("Gabon");
  expect(names.map((row) => row[0])).not.toContain("Cameroon");

  // A long-text search: the African countries counted whose answer contains the marker.
  const social = result(page, "q14_social_media");
  await social.getByLabel("Search the answers").fill(MARKER.toUpperCase());
  await social.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(
    new RegExp(
      `region=Africa&key=q14_social_media&q=${MARKER.toUpperCase()}#result-q14_social_media$`,
    ),
  );
  await expect(social).toContainText(`3 answers contain “${MARKER.toUpperCase()}”.`);
  const found = await tableRows(social);
  expect(found.map((row) => row[0])).toEqual(["Cameroon", "Gabon", "Liberia"]);
  await expect(social.locator("mark").first()).toHaveText(MARKER);

  // Accepted only, and authorised only, keep the search.
  await filters.getByLabel("Accepted responses only").check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=ACCEPTED/);
  await page.goto(
    `/review/results?status=ACCEPTED&region=Africa&authorised=1&key=q14_social_media&q=${MARKER}`,
  );
  expect((await tableRows(result(page, "q14_social_media"))).map((row) => row[0])).toEqual([
    "Gabon",
  ]);

  // By region: a link that toggles it; every chart's table then has a region column.
  await page.goto("/review/results?region=Africa");
  await page.getByRole("link", { name: "Break the charts down by region" }).click();
  await expect(page).toHaveURL(/\/review\/results\?region=Africa&by=region$/);
  await expect(
    result(page, "q4_has_cio").getByRole("columnheader", { name: "Respondents", exact: true }),
  ).toBeVisible();
  const byRegion = await tableRows(result(page, "q4_has_cio"));
  expect(byRegion.slice(0, 2).map((row) => row.slice(-4, -3))).toEqual([
    ["All counted"],
    ["Africa"],
  ]);

  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto("/review/results?region=Africa");
  const shot = testInfo.outputPath("results.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("results", { path: shot, contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await cio.scrollIntoViewIfNeeded();
  const chart = testInfo.outputPath("results-chart.png");
  await cio.screenshot({ path: chart });
  await testInfo.attach("results-chart", { path: chart, contentType: "image/png" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters, the search and the downloads work", async ({ page, signedIn, request }) => {
    await signedIn("REVIEWER");
    await page.goto("/review/results");
    await page.getByLabel("Region", { exact: true }).selectOption("Africa");
    await page.getByLabel("Only those authorised for publication").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/review\/results\?region=Africa&authorised=1$/);
    const social = result(page, "q14_social_media");
    await social.getByLabel("Search the answers").fill(MARKER);
    await social.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/authorised=1&key=q14_social_media&q=results-e2e-marker#/);
    await expect(social).toContainText(`2 answers contain “${MARKER}”.`);
    expect((await tableRows(social)).map((row) => row[0])).toEqual(["Cameroon", "Gabon"]);
    // The PNG of a chart, with the page's filters.
    const png = result(page, "q8_strategy_features").getByRole("link", {
      name: "PNG of the chart",
    });
    const href = await png.getAttribute("href");
    expect(href).toBe(
      "/review/results/chart.png?region=Africa&authorised=1&key=q8_strategy_features",
    );
    const cookies = await page.context().cookies();
    const response = await request.get(href!, {
      headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    expect(response.headers()["content-type"]).toBe("image/png");
    expect([...(await response.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

test("in Arabic the page and its bars read right to left", async ({ browser }) => {
  const reviewer = await createUser("REVIEWER", [], "مراجع", "ar");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInAs(context, reviewer);
  const page = await context.newPage();
  await page.goto("/review/results");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const svg = result(page, "q4_has_cio").locator("svg[role=img]");
  const box = (await svg.boundingBox())!;
  // The first bar ("Yes") starts at the picture's right edge and grows to the left.
  const bar = (await svg.locator("rect[fill='#005a9c']").first().boundingBox())!;
  expect(Math.abs(bar.x + bar.width - (box.x + box.width))).toBeLessThan(1.5);
  expect(bar.x).toBeGreaterThan(box.x);
  await context.close();
});

test("the public page charts the published responses only, and says so", async ({ page }) => {
  const publicCount = async () => {
    await page.goto("/published");
    const intro = await page.locator("#public-results-counting").textContent();
    const listed = await page.locator(".published-list tbody tr").count();
    const rows = await tableRows(result(page, "q4_has_cio"));
    return { intro, listed, yes: Number(rows[0]![1]), respondents: Number(rows.at(-1)![1]) };
  };
  const before = await publicCount();
  // The charts count exactly the responses the page lists as published.
  expect(before.intro).toBe(
    `Computed over the ${before.listed} published ${before.listed === 1 ? "response" : "responses"} only: those UN DESA accepted and the Member State authorised for publication. Drafts, responses not yet accepted and responses not authorised for publication are not counted.`,
  );
  expect(before.respondents).toBe(before.listed);
  expect(before.listed).toBeGreaterThanOrEqual(2); // GAB and FJI
  await expect(result(page, "q1_national_portal")).toHaveCount(0); // no text a country wrote
  // A draft, a submitted response and an accepted one not authorised do not move them.
  await make({ code: "MRT", status: "DRAFT", authorised: true, cio: "yes" });
  await make({ code: "NER", status: "SUBMITTED", authorised: true, cio: "yes" });
  await make({ code: "COG", status: "ACCEPTED", authorised: false, cio: "yes" });
  await make({ code: "GIN", status: "RETURNED", authorised: true, cio: "yes" });
  expect(await publicCount()).toEqual(before);
  expect(await accessibilityViolations(page)).toEqual([]);
  // A response published: counted at once.
  await prisma.response.update({
    where: { roundId_countryCode: { roundId: "2020", countryCode: "NER" } },
    data: { status: "ACCEPTED", acceptedAt: new Date() },
  });
  const after = await publicCount();
  expect(after).toMatchObject({ listed: before.listed + 1, yes: before.yes + 1 });
});
