import type { Page } from "@playwright/test";
import { allQuestions, completeAnswers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// Stored cross-site scripting: the payload is saved in every free-text answer, in a person's
// name and in comments, then every page that shows them is opened. Nothing may run: no dialog,
// no element the payload would have injected.
const PAYLOAD = `<img src=x id=injected onerror="alert('xss')"><script>alert('xss')</script>"'><svg onload=alert(1)>`;
const SQL = `Robert'); DROP TABLE "Response";--`;

async function expectInert(page: Page, path: string) {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("load");
  expect(dialogs, `${path}: a dialog opened`).toBe(0);
  expect(
    await page.locator("#injected, svg[onload], img[onerror]").count(),
    `${path}: injected element`,
  ).toBe(0);
  expect(await page.content()).not.toContain("<img src=x");
}

test("stored script in answers, names and comments never runs on any page or e-mail", async ({
  browser,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const focal = await createUser("FOCAL_POINT", ["MAR"], PAYLOAD);
  const reviewer = await createUser("REVIEWER", [], PAYLOAD);
  const answers: Record<string, string | string[]> = {};
  for (const q of allQuestions(msq2020)) {
    if (q.type === "text" || q.type === "lines" || q.type === "email" || q.type === "longtext")
      answers[q.key] = q.type === "email" ? "a@b.org" : `${PAYLOAD} ${q.key}`;
  }
  answers.q4_has_cio = answers.q10_collects_usage_stats = answers.q12_measures_satisfaction = "yes";
  answers.q15_new_tech_strategy = ["other"];
  const response = await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "MAR",
      questionnaireVersion: 1,
      answers,
      fieldVersions: {},
      revision: 1,
    },
  });
  await prisma.comment.create({
    data: {
      responseId: response.id,
      fieldKey: "q14_social_media",
      authorId: reviewer.id,
      body: PAYLOAD,
    },
  });

  const focalContext = await browser.newContext();
  await signInAs(focalContext, focal);
  const fp = await focalContext.newPage();
  for (const path of [
    "/countries/MAR",
    ...msq2020.sections.map((s) => `/countries/MAR/sections/${s.id}`),
    "/countries/MAR/review",
  ]) {
    await expectInert(fp, path);
  }
  await expect(fp.getByText(`${PAYLOAD} q14_social_media`).first()).toBeVisible();

  // Submitting sends the answers by e-mail: escaped there too.
  await fp.goto("/countries/MAR/review");
  await fp.getByRole("button", { name: "Submit the questionnaire" }).click();
  await fp.getByRole("button", { name: "Submit without authorising publication" }).click();
  await expect(fp).toHaveURL(/submitted=1/);
  const email = await mailbox.waitForEmail((m) => m.to.includes(focal.email));
  expect(email.text).toContain(`${PAYLOAD} q14_social_media`);
  expect(email.html).not.toMatch(/<img src=x|<script>alert|<svg onload/);
  expect(email.html).toContain("&lt;script&gt;");

  const reviewerContext = await browser.newContext();
  await signInAs(reviewerContext, reviewer);
  const rv = await reviewerContext.newPage();
  for (const path of [
    "/review",
    "/review?q=morocco",
    "/review/MAR",
    "/review/questions?key=q14_social_media",
    "/account",
  ]) {
    await expectInert(rv, path);
  }
  const admin = await createUser("ADMIN");
  await signInAs(reviewerContext, admin);
  for (const path of ["/admin/users", `/admin/users/${focal.id}`, "/admin/events?country=MAR"])
    await expectInert(rv, path);
  await focalContext.close();
  await reviewerContext.close();
});

test("SQL-looking input is stored verbatim and harmless", async ({ page, signedIn }) => {
  await signedIn("FOCAL_POINT", ["TUN"]);
  await page.goto("/countries/TUN/sections/I");
  await page.getByLabel(/^3\. Please provide name/).fill(SQL);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").first()).toContainText("Saved at");
  const saved = await prisma.response.findFirstOrThrow({
    where: { countryCode: "TUN" },
    select: { answers: true },
  });
  expect((saved.answers as Record<string, string>).q3_egov_agency).toBe(SQL);
  expect(await prisma.response.count()).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByLabel(/^3\. Please provide name/)).toHaveValue(SQL);
});

test("malformed and duplicated form fields are refused with a clear error, and nothing is written", async ({
  page,
  signedIn,
}) => {
  await signedIn("FOCAL_POINT", ["DZA"]);
  await page.goto("/countries/DZA/sections/I");
  const origin = new URL(page.url()).origin;
  const post = (body: string, path = "/countries/DZA/sections/I/autosave") =>
    page.request.post(path, {
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      data: body,
    });

  const duplicated = await post(
    "base=0&fields=q1_national_portal&q1_national_portal=a&q1_national_portal=b",
  );
  expect(duplicated.status()).toBe(400);
  expect(await duplicated.json()).toEqual({ error: "malformed", fields: ["q1_national_portal"] });
  expect((await post("base=0&fields=q4_has_cio&q4_has_cio=maybe")).status()).toBe(400);
  expect(
    (
      await post(
        "base=0&fields=q8_strategy_features&q8_strategy_features=bogus",
        "/countries/DZA/sections/II/autosave",
      )
    ).status(),
  ).toBe(400);
  expect((await post("base=abc&fields=q1_national_portal&q1_national_portal=x")).status()).toBe(
    400,
  );
  expect((await post("base=0&intent=drop&q1_national_portal=x")).status()).toBe(400);
  const page400 = await post(
    "base=0&q1_national_portal=a&q1_national_portal=b",
    "/countries/DZA/sections/I",
  );
  expect(page400.status()).toBe(400);
  expect(await prisma.response.count({ where: { countryCode: "DZA" } })).toBe(0);
});

test("stored script in a published answer is shown as text on the print and published pages", async ({
  page,
  signedIn,
}) => {
  const answers = completeAnswers(msq2020, { q14_social_media: `${PAYLOAD} print` });
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "MLI" } });
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "MLI",
      status: "ACCEPTED",
      questionnaireVersion: msq2020.version,
      answers,
      fieldVersions: {},
      authorizePublication: true,
      submittedAt: new Date(),
      acceptedAt: new Date(),
      submissions: {
        create: {
          number: 1,
          questionnaireVersion: msq2020.version,
          answers,
          authorizePublication: true,
        },
      },
    },
  });
  // Published pages are public: checked before signing in.
  await expectInert(page, "/published/MLI");
  await expect(page.getByText(`${PAYLOAD} print`)).toBeVisible();
  await signedIn("REVIEWER");
  await expectInert(page, "/print/MLI");
  await expect(page.getByText(`${PAYLOAD} print`)).toBeVisible();
});
