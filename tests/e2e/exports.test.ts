import { request as playwrightRequest } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { parseJsonExport } from "~/export/json";
import { readWorkbook } from "~/export/xlsx.test-helper";
import { completeAnswers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { Answers } from "~/questionnaire/types";
import { accessibilityViolations, expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Exports, the printable view and the published pages, as reviewers, focal points and
// anonymous visitors meet them. Responses and their submissions are created in the database.

const ORIGIN = `http://localhost:${E2E_PORT}`;
const ARABIC = "الاستراتيجية الوطنية للحكومة الإلكترونية";

const PORTUGAL = completeAnswers(msq2020, {
  q1_national_portal: "https://eportugal.gov.pt\nhttps://dados.gov.pt",
  q4_has_cio: "yes",
  q4_cio_name: "=SUM(1,2)",
  q7_egov_strategy: ARABIC,
  q8_strategy_features: ["implementation_plan", "once_only"],
});
const POLAND = completeAnswers(msq2020, { q14_social_media: "Poland, not authorised" });
const LITHUANIA = completeAnswers(msq2020, { q14_social_media: "Lithuania, submitted" });

// Accepted and authorised (published); accepted without authorisation; submitted and authorised.
const FIXTURES = [
  { code: "PRT", status: "ACCEPTED", answers: PORTUGAL, authorise: true },
  { code: "POL", status: "ACCEPTED", answers: POLAND, authorise: false },
  { code: "LTU", status: "SUBMITTED", answers: LITHUANIA, authorise: true },
] as const;
const OURS: string[] = FIXTURES.map((f) => f.code);

let reviewer: TestUser;
let focalLtu: TestUser;

test.beforeAll(async () => {
  reviewer = await createUser("REVIEWER");
  focalLtu = await createUser("FOCAL_POINT", ["LTU"]);
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: { in: OURS } } });
  for (const f of FIXTURES) {
    await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode: f.code,
        status: f.status,
        questionnaireVersion: msq2020.version,
        // A later draft in the working copy: never exported, printed as submitted or published.
        answers: { ...f.answers, q14_social_media: "LATER DRAFT" },
        fieldVersions: {},
        authorizePublication: true,
        submittedAt: new Date("2026-03-30T09:00:00Z"),
        acceptedAt: f.status === "ACCEPTED" ? new Date("2026-04-02T10:00:00Z") : null,
        submissions: {
          create: {
            number: 1,
            questionnaireVersion: msq2020.version,
            answers: f.answers,
            authorizePublication: f.authorise,
          },
        },
      },
    });
  }
});

const ours = <T>(rows: T[], code: (row: T) => unknown) =>
  rows.filter((row) => OURS.includes(String(code(row))));

test.describe("printable view", () => {
  test("a reviewer prints any country's submitted answers, never the later draft", async ({
    page,
    context,
  }) => {
    await signInAs(context, reviewer);
    const response = await page.goto("/print/PRT");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portugal");
    const main = page.getByRole("main");
    await expect(main).toContainText("Accepted");
    await expect(main).toContainText("30 March 2026");
    await expect(main).toContainText(ARABIC);
    await expect(main).toContainText("=SUM(1,2)");
    await expect(main).toContainText("Publication authorised.");
    await expect(main).not.toContainText("LATER DRAFT");
    // On paper: no site header, no buttons, only the response.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".printable__tools")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a focal point prints only their own country", async ({ page, context }) => {
    await signInAs(context, focalLtu);
    await page.goto("/print/LTU");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lithuania");
    await expect(page.getByRole("main")).toContainText("Lithuania, submitted");
    expect((await page.request.get("/print/PRT")).status()).toBe(404);
  });
});

test.describe("published responses", () => {
  test("the list shows exactly the accepted and authorised responses, accessibly", async ({
    page,
  }) => {
    await page.goto("/published");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Published responses");
    // The list of countries (the charts below have tables of their own).
    const table = page.locator("table.published-list");
    await expect(table.getByRole("link", { name: "Portugal" })).toBeVisible();
    await expect(table).not.toContainText("Poland");
    await expect(table).not.toContainText("Lithuania");
    expect(await accessibilityViolations(page)).toEqual([]);

    await table.getByRole("link", { name: "Portugal" }).click();
    await expect(page).toHaveURL(/\/published\/PRT$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portugal");
    await expect(page.getByRole("main")).toContainText(ARABIC);
    await expect(page.getByRole("main")).not.toContainText("LATER DRAFT");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test("anything not published is the same plain 404", async ({ page }) => {
    for (const code of ["POL", "LTU", "XXX", "DEU"]) {
      const response = await page.request.get(`/published/${code}`);
      expect(response.status(), code).toBe(404);
      const html = await response.text();
      expect(html, code).toContain("Page not found");
      for (const hint of ["Poland", "Lithuania", "not authorised", "Submitted"])
        expect(html, `${code}: ${hint}`).not.toContain(hint);
    }
  });
});

test.describe("exports", () => {
  test("a reviewer downloads CSV, XLSX and JSON with filters applied", async ({
    page,
    context,
  }) => {
    await signInAs(context, reviewer);

    const csv = await page.request.get("/exports?format=csv&status=SUBMITTED");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(
      /^attachment; filename="msq-2020-responses-\d{8}\.csv"$/,
    );
    const records = parse(await csv.body(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records.every((r) => r.status === "SUBMITTED")).toBe(true);
    expect(ours(records, (r) => r.country_code).map((r) => r.country_code)).toEqual(["LTU"]);
    expect(records.find((r) => r.country_code === "LTU")!.q14_social_media).toBe(
      "Lithuania, submitted",
    );

    const xlsx = await page.request.get(
      "/exports?format=xlsx&status=ACCEPTED&region=Europe&authorised=1",
    );
    expect(xlsx.status()).toBe(200);
    const workbook = await readWorkbook(await xlsx.body());
    const sheet = workbook.getWorksheet("Answers")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = ours(sheet.getRows(2, sheet.rowCount - 1) ?? [], (r) => r.getCell(1).value);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(["PRT"]);
    expect(rows[0]!.getCell(column("q4_cio_name")).value).toBe("=SUM(1,2)");
    expect(rows[0]!.getCell(column("q7_egov_strategy")).value).toBe(ARABIC);
    expect(rows[0]!.getCell(column("q1_national_portal")).value).toBe(PORTUGAL.q1_national_portal);
    expect(rows[0]!.getCell(column("q8_strategy_features.once_only")).value).toBe(1);

    const json = await page.request.get("/exports?format=json&status=SUBMITTED,ACCEPTED");
    expect(json.status()).toBe(200);
    const parsed = parseJsonExport(await json.text(), msq2020);
    const answers: Record<string, Answers> = Object.fromEntries(
      ours(parsed.responses, (r) => r.country).map((r) => [r.country, r.answers]),
    );
    expect(answers).toEqual({ PRT: PORTUGAL, POL: POLAND, LTU: LITHUANIA });
  });

  test("a bad filter is refused with the reason", async ({ page, context }) => {
    await signInAs(context, reviewer);
    const response = await page.request.get("/exports?format=csv&status=DRAFT");
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("unknown status DRAFT");
  });

  test("anonymous visitors and focal points get no data", async ({ page, context }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });
    try {
      const response = await anonymous.get("/exports?format=csv", { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers()["location"]).toBe(
        `/sign-in?${new URLSearchParams({ redirectTo: "/exports?format=csv" })}`,
      );
      expect(await response.text()).not.toContain("country_code");
    } finally {
      await anonymous.dispose();
    }
    await signInAs(context, focalLtu);
    const forbidden = await page.request.get("/exports?format=json");
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.text()).not.toContain("msq-export");
  });
});

test("a reviewer downloads each format from the dashboard with a filter applied", async ({
  page,
}) => {
  await signInAs(page.context(), reviewer);
  await page.goto("/review?status=ACCEPTED&region=Europe");
  // Each file's contents, not only its name: only accepted responses from Europe, that is
  // Portugal and Poland, not Lithuania (submitted) or Rwanda (Africa).
  const expectFiltered = (countries: unknown[]) => {
    expect(countries).toEqual(expect.arrayContaining(["PRT", "POL"]));
    expect(countries).not.toContain("LTU");
    expect(countries).not.toContain("RWA");
  };
  for (const [format, extension] of [
    ["CSV", "csv"],
    ["Excel (XLSX)", "xlsx"],
    ["JSON", "json"],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: `Download as ${format}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^msq-2020-responses-\\d{8}\\.${extension}$`),
    );
    const bytes = readFileSync(await file.path());
    if (extension === "csv") {
      const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
      expectFiltered(records.map((r) => r.country_code));
      expect(records.find((r) => r.country_code === "PRT")!.q7_egov_strategy).toBe(ARABIC);
    } else if (extension === "xlsx") {
      const sheet = (await readWorkbook(bytes)).getWorksheet("Answers")!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      expect(header[0]).toBe("country_code");
      const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
      expectFiltered(rows.map((r) => r.getCell(1).value));
      const portugal = rows.find((r) => r.getCell(1).value === "PRT")!;
      expect(portugal.getCell(header.indexOf("q7_egov_strategy") + 1).value).toBe(ARABIC);
    } else {
      expectFiltered(
        parseJsonExport(bytes.toString("utf8"), msq2020).responses.map((r) => r.country),
      );
    }
  }
});
