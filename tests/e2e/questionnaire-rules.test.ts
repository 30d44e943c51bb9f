import { expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

async function focalPointOf(country: string) {
  return createUser("FOCAL_POINT", [country]);
}

test.describe("word limits", () => {
  for (const [language, word] of [
    ["English", "word"],
    ["Arabic", "كلمة"],
  ] as const) {
    test(`250 words are accepted on submit and 251 refused, in ${language}`, async ({
      page,
      signedIn,
    }) => {
      const country = language === "English" ? "CHL" : "JOR";
      await signedIn("FOCAL_POINT", [country]);
      await page.goto(`/countries/${country}/sections/VI`);
      const answer = page.getByLabel(/^14\. How does your government use social media/);
      await answer.fill(words(251, word));
      await expect(page.getByText("251 of 250 words: 1 over the limit")).toBeVisible();
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByText(/This answer has 251 words; the limit is 250/)).toBeVisible();

      await page.goto(`/countries/${country}/review`);
      // The error summary is focused on arrival; the button says why it cannot submit, beside it.
      await expect(page.locator("#error-summary")).toBeFocused();
      await expect(page.getByRole("link", { name: /This answer has 251 words/ })).toBeVisible();
      const submit = page.getByRole("button", { name: "Submit the questionnaire" });
      await expect(submit).toBeEnabled();
      await expect(submit).toHaveAccessibleDescription(
        /You cannot submit yet: 1 answer needs fixing first/,
      );
      await submit.click();
      await expect(
        page.getByRole("alert").filter({ hasText: "You cannot submit yet" }),
      ).toBeInViewport();

      // A forged submit is refused by the server too.
      const forged = await page.request.post(`/countries/${country}/review`, {
        form: { intent: "confirm-submit", base: "0" },
        headers: { Origin: new URL(page.url()).origin },
      });
      expect(forged.status()).toBe(409);
      expect(
        (await prisma.response.findFirstOrThrow({ where: { countryCode: country } })).status,
      ).toBe("DRAFT");

      await page.goto(`/countries/${country}/sections/VI`);
      await answer.fill(words(250, word));
      await expect(page.getByText("250 of 250 words")).toBeVisible();
      // Wait for the save's redirect: a goto now would cancel the form's submission.
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page).toHaveURL(new RegExp(`/countries/${country}/sections/VII$`));
      await page.goto(`/countries/${country}/review`);
      await page.getByRole("button", { name: "Submit the questionnaire" }).click();
      await expect(
        page.getByRole("heading", { name: "Submit without authorising publication?" }),
      ).toBeVisible();
      await page.getByRole("button", { name: "Submit without authorising publication" }).click();
      await expect(page).toHaveURL(new RegExp(`/countries/${country}\\?submitted=1$`));
      const response = await prisma.response.findFirstOrThrow({
        where: { countryCode: country },
        select: { status: true, authorizePublication: true },
      });
      expect(response).toEqual({ status: "SUBMITTED", authorizePublication: false });
    });
  }

  test("a draft with 300 words is saved, with a warning", async ({ page, signedIn }) => {
    await signedIn("FOCAL_POINT", ["PER"]);
    await page.goto("/countries/PER/sections/II");
    await page.getByLabel(/^6\. Is there a national development strategy/).fill(words(300));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(
      page.getByText(/This answer has 300 words; the limit is 250. Shorten it by 50 words/),
    ).toBeVisible();
    const saved = await prisma.response.findFirstOrThrow({
      where: { countryCode: "PER" },
      select: { answers: true },
    });
    expect((saved.answers as Record<string, string>).q6_development_strategy).toBe(words(300));
  });
});

test("follow-ups appear with their question and stray answers are flagged", async ({
  page,
  signedIn,
}) => {
  await signedIn("FOCAL_POINT", ["ECU"]);
  await page.goto("/countries/ECU/sections/I");
  const cioName = page.getByLabel("4. Name");
  await expect(cioName).toBeHidden();
  await page.locator("#q-q4_has_cio-yes").check();
  await expect(cioName).toBeVisible();
  await cioName.fill("Ana Pérez");
  await page.locator("#q-q4_has_cio-no").check();
  // An answer is never dropped: it stays visible, flagged, until cleared.
  await expect(cioName).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/This follow-up applies only to a different answer/)).toBeVisible();
});

test("without JavaScript, a submit with problems is refused saying why, and the authorisation question comes back in view", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, await focalPointOf("URY"));
  const page = await context.newPage();
  await page.goto("/countries/URY/sections/VI");
  await page.getByLabel(/^14\. How does your government use social media/).fill(words(251));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await page.goto("/countries/URY/review");
  // The declaration and the button sit together at the end, after every answer.
  const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(await top(".answer-list")).toBeLessThan(await top("#authorize_publication"));
  expect(await top("#authorize_publication")).toBeLessThan(await top('button[value="submit"]'));
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(page.locator("#error-summary")).toContainText("This answer has 251 words");
  await expect(page.locator("#submit-blocked")).toContainText("You cannot submit yet");
  expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "URY" } })).status).toBe(
    "DRAFT",
  );

  // Fixed, then submitted without the tick: the question is linked from the top of the page.
  await page.goto("/countries/URY/sections/VI");
  await page.getByLabel(/^14\. How does your government use social media/).fill(words(20));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await page.goto("/countries/URY/review");
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await page.getByRole("link", { name: "Submit without authorising publication?" }).click();
  await expect(
    page.getByRole("button", { name: "Submit without authorising publication" }),
  ).toBeInViewport();
  await page.getByRole("button", { name: "Submit without authorising publication" }).click();
  await expect(page).toHaveURL(/\/countries\/URY\?submitted=1$/);
  await context.close();
});
