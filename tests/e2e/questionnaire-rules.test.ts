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
    test(`250 words are accepted on submit and 251 refused, in ${language}`, async ({ page }) => {
      const country = language === "English" ? "CHL" : "JOR";
      await signInAs(page.context(), await focalPointOf(country));
      await page.goto(`/countries/${country}/sections/VI`);
      const answer = page.getByLabel(/^14\. How does your government use social media/);
      await answer.fill(words(251, word));
      await expect(page.getByText("251 of 250 words: 1 over the limit")).toBeVisible();
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByText(/This answer has 251 words; the limit is 250/)).toBeVisible();

      await page.goto(`/countries/${country}/review`);
      await expect(page.getByRole("button", { name: "Submit the questionnaire" })).toBeDisabled();
      await expect(page.getByRole("link", { name: /This answer has 251 words/ })).toBeVisible();

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

  test("a draft with 300 words is saved, with a warning", async ({ page }) => {
    await signInAs(page.context(), await focalPointOf("PER"));
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

test("follow-ups appear with their question and stray answers are flagged", async ({ page }) => {
  await signInAs(page.context(), await focalPointOf("ECU"));
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
