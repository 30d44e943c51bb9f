import { firstLink } from "../support/smtp";
import { copyFor } from "./support/copy";
import { locales, type Locale } from "~/i18n/locale";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// The portal in the six UN languages: the language a person chooses (and keeps), the messages
// of the server in it, Arabic right to left, and answers shown as they were written whatever
// the reader's language. Expected texts come from the catalogues and the definition, so these
// tests fail when a page shows another language's text.

const fr = copyFor("fr");
const en = copyFor("en");
const questionnaireIn = (locale: Locale) => localizeDefinition(msq2020Definition, locale);

test("a French focal point chooses French, is told in French what is wrong, and submits", async ({
  page,
  signedIn,
}) => {
  const focal = await signedIn("FOCAL_POINT", ["BEN"], "Awa Koné");
  await page.goto("/countries/BEN");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The switcher is a plain form in the header.
  await page.getByLabel(en.language.label).selectOption("fr");
  await page.getByRole("button", { name: en.language.change }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(/\/countries\/BEN$/);
  // Remembered with the account, so e-mails and the next sign-in follow it.
  expect((await prisma.user.findUniqueOrThrow({ where: { id: focal.id } })).locale).toBe("fr");

  const french = questionnaireIn("fr");
  const cio = french.sections[0]!.questions.find((q) => q.key === "q4_cio_email")!;
  await page.goto("/countries/BEN/sections/I");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(french.sections[0]!.title);
  await page.locator("#q-q4_has_cio-yes").check();
  await page.getByLabel(cio.text).fill("pas-une-adresse");
  await page.getByRole("button", { name: fr.questionnaire.saveDraft }).click();
  await expect(page.getByText(fr.validation.invalidEmail)).toBeVisible();
  await expect(page.getByText(en.validation.invalidEmail)).toHaveCount(0);

  // The check-answers page refuses to submit, saying why in French.
  await page.goto("/countries/BEN/review");
  await expect(page.locator("#error-summary")).toContainText(fr.checkAnswers.errorsTitle);
  await expect(page.getByRole("link", { name: fr.validation.invalidEmail })).toBeVisible();

  await page.goto("/countries/BEN/sections/I");
  await page.getByLabel(cio.text).fill("dsi@gouv.example.bj");
  await page.getByRole("button", { name: fr.questionnaire.saveDraft }).click();
  await expect(page.getByText(fr.validation.invalidEmail)).toHaveCount(0);
  await page.goto("/countries/BEN/review");
  await page.getByLabel(french.authorizationText).check();
  await page.getByRole("button", { name: fr.checkAnswers.submit }).click();
  await expect(page).toHaveURL(/\/countries\/BEN\?submitted=1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "BEN" } });
  expect(response.status).toBe("SUBMITTED");
  expect(response.answers).toMatchObject({ q4_cio_email: "dsi@gouv.example.bj" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switcher works and keeps the choice before signing in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel(en.language.label).selectOption("es");
    await page.getByRole("button", { name: en.language.change }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(copyFor("es").signIn.title);
    // A cookie keeps it on the next visit.
    await page.goto("/forgot-password");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });
});

test("the browser's language is used until the person chooses one", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(copyFor("ru").signIn.title);
  await context.close();
});

test("an Arabic focal point's section and check-answers pages read right to left", async ({
  browser,
}, testInfo) => {
  const focal = await createUser("FOCAL_POINT", ["OMN"], "ليلى", "ar");
  const arabic = questionnaireIn("ar");
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await signInAs(context, focal);
    const page = await context.newPage();
    for (const [name, path] of [
      ["section", "/countries/OMN/sections/I"],
      ["check-answers", "/countries/OMN/review"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", "ar");
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const shot = testInfo.outputPath(`arabic-${name}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach(`arabic-${name}-${width}`, { path: shot, contentType: "image/png" });
    }
    if (width === 1280) {
      // The section list is on the right of the questions, and the text starts at the right.
      await page.goto("/countries/OMN/sections/I");
      const nav = await page.locator(".section-nav").first().boundingBox();
      const form = await page.locator("form.questionnaire-form").boundingBox();
      expect(nav!.x).toBeGreaterThan(form!.x);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(
        arabic.sections[0]!.title,
      );
      // A web address typed in an Arabic page stays left to right.
      await expect(page.locator("#q-q4_cio_email")).toHaveAttribute("dir", "ltr");
    }
    await context.close();
  }
});

test("a reviewer working in Spanish reads an Arabic answer as it was written", async ({
  page,
  signedIn,
}) => {
  const focal = await createUser("FOCAL_POINT", ["EGY"], "منى");
  await signedIn("REVIEWER", [], "Lucía Reviewer");
  await prisma.user.updateMany({ where: { name: "Lucía Reviewer" }, data: { locale: "es" } });
  const answer = "نستخدم منصات التواصل الاجتماعي للتواصل مع المواطنين منذ عام 2019.";
  const round = await prisma.round.findFirstOrThrow({ select: { id: true } });
  await prisma.response.create({
    data: {
      roundId: round.id,
      countryCode: "EGY",
      status: "SUBMITTED",
      questionnaireVersion: 1,
      answers: { q14_social_media: answer },
      fieldVersions: {},
      authorizePublication: true,
      revision: 1,
      submittedAt: new Date(),
      submissions: {
        create: {
          number: 1,
          questionnaireVersion: 1,
          answers: { q14_social_media: answer },
          authorizePublication: true,
          submittedById: focal.id,
        },
      },
    },
  });
  const spanish = questionnaireIn("es");
  const q14 = spanish.sections
    .flatMap((s) => s.questions)
    .find((q) => q.key === "q14_social_media")!;
  await page.goto("/review/EGY");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const block = page.locator("#answer-q14_social_media");
  await expect(block.getByRole("heading")).toHaveText(q14.text);
  const shown = block.getByText(answer, { exact: true });
  await expect(shown).toBeVisible();
  // Its own direction, whatever the page's.
  await expect(shown).toHaveAttribute("dir", "auto");
});

test("the main pages have no accessibility violations in any of the six languages", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  for (const locale of locales) {
    const focal = await createUser("FOCAL_POINT", ["RWA"], undefined, locale);
    const reviewer = await createUser("REVIEWER", [], undefined, locale);
    for (const [user, paths] of [
      [null, ["/sign-in"]],
      [focal, ["/countries/RWA", "/countries/RWA/sections/I", "/countries/RWA/review"]],
      [reviewer, ["/review", "/review/RWA"]],
    ] as const) {
      const context = await browser.newContext();
      if (user) await signInAs(context, user);
      else
        await context.addCookies([
          {
            name: "msq_lang",
            value: locale,
            url: new URL(test.info().project.use.baseURL!).origin,
          },
        ]);
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute(
          "lang",
          locale === "zh" ? "zh-Hans" : locale,
        );
        expect(await accessibilityViolations(page), `${locale} ${path}`).toEqual([]);
      }
      await context.close();
    }
  }
});

test("an administrator working in English invites a focal point in Russian: the e-mail and its page are Russian", async ({
  page,
  browser,
  mailbox,
  signedIn,
}) => {
  const ru = copyFor("ru");
  await signedIn("ADMIN");
  await page.goto("/admin/users/new");
  const invitee = `focal.${Date.now()}@gov.kg.example.org`;
  await page.getByLabel(en.admin.email).fill(invitee);
  await page.getByLabel(en.roles.FOCAL_POINT).check();
  await page.getByLabel("Countries").selectOption("KAZ");
  await page.getByLabel(en.admin.language).selectOption("ru");
  await page.getByRole("button", { name: en.admin.sendInvitation }).click();
  await expect(page.getByRole("status")).toContainText(invitee);

  const email = await mailbox.waitForEmail((m) => m.to.includes(invitee));
  expect(email.subject).toBe(ru.email.invitation.subject);
  expect(email.html).toMatch(/<html[^>]* lang="ru"/);
  expect(email.text).not.toContain(en.email.invitation.subject);
  // Its link opens the page in Russian, in a browser that asks for English.
  const context = await browser.newContext({ locale: "en-US" });
  const invited = await context.newPage();
  await invited.goto(firstLink(email, "/invitation/"));
  await expect(invited.locator("html")).toHaveAttribute("lang", "ru");
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText(ru.invitation.title);
  await context.close();
});
