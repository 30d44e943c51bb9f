import { allQuestions } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { expectQuestionValue, fillQuestion, sampleAnswers } from "./support/questionnaire";
import { createUser } from "./support/users";

test("a focal point fills every section, comes back, authorises, reviews and submits", async ({
  page,
  mailbox,
  signedIn,
}) => {
  test.setTimeout(120_000);
  const focal = await signedIn("FOCAL_POINT", ["BFA"], "Awa Ouédraogo");
  const colleague = await createUser("FOCAL_POINT", ["BFA"], "Colleague");
  const answers = sampleAnswers("Burkina");
  await page.goto("/countries/BFA");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Start the questionnaire" }).click();

  for (const [index, section] of msq2020.sections.entries()) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      `${section.id}. ${section.title}`,
    );
    if (index < 2) expect(await accessibilityViolations(page), `section ${section.id}`).toEqual([]);
    for (const question of section.questions)
      await fillQuestion(page, question, answers[question.key]!);
    await page.getByRole("button", { name: index === 0 ? "Save draft" : "Next" }).click();
    if (index === 0) {
      await expect(page.getByRole("status").first()).toContainText("Saved at");
      await page.getByRole("button", { name: "Next" }).click();
    }
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Authorisation and review");

  // Sign out, sign in again: everything is in place.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(focal.email);
  await page.getByLabel("Password").fill(focal.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/countries\/BFA$/);
  for (const section of msq2020.sections) {
    await page.goto(`/countries/BFA/sections/${section.id}`);
    for (const question of section.questions) {
      expect(await expectQuestionValue(page, question, answers[question.key]!), question.key).toBe(
        true,
      );
    }
  }

  await page.goto("/countries/BFA/review");
  expect(await accessibilityViolations(page)).toEqual([]);
  const authorisation = page.getByLabel(msq2020.authorizationText);
  await expect(authorisation).not.toBeChecked();
  await authorisation.check();
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(page).toHaveURL(/\/countries\/BFA\?submitted=1$/);
  await expect(page.getByRole("status")).toContainText("has been submitted");

  const confirmation = await mailbox.waitForEmail((m) => m.to.includes(focal.email));
  expect(confirmation.text).toContain("Burkina answer to q14_social_media");
  expect(confirmation.text).toContain("https://q1-national-portal.gov.example.org");
  await mailbox.waitForEmail((m) => m.to.includes(colleague.email));

  // What was submitted is frozen, exactly.
  const response = await prisma.response.findFirstOrThrow({
    where: { countryCode: "BFA" },
    select: {
      status: true,
      submissions: { select: { answers: true, authorizePublication: true } },
    },
  });
  expect(response.status).toBe("SUBMITTED");
  expect(response.submissions).toHaveLength(1);
  expect(response.submissions[0]!.authorizePublication).toBe(true);
  const frozen = response.submissions[0]!.answers as Record<string, unknown>;
  for (const q of allQuestions(msq2020)) expect(frozen[q.key], q.key).toEqual(answers[q.key]);

  // Read-only for focal points now.
  await page.goto("/countries/BFA/sections/II");
  await expect(page.getByText("This response has been submitted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
});
