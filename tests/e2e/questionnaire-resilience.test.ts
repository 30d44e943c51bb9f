import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

const q14 = /^14\. How does your government use social media/;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("three sections, the authorisation and submit", async ({ page, mailbox, signedIn }) => {
    const focal = await signedIn("FOCAL_POINT", ["KEN"], "Wanjiku");
    await page.goto("/countries/KEN/sections/IV");
    // Follow-ups are shown, saying when they apply.
    await expect(page.getByText("Answer if your answer to question 10 is Yes.")).toBeVisible();
    await page.locator("#q-q10_collects_usage_stats-yes").check();
    await page.getByLabel(/^11\. If yes/).fill("Yes, on the open data portal.");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("V. User satisfaction");
    await page.locator("#q-q12_measures_satisfaction-no").check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(q14).fill("Twitter and Facebook, with guidelines since 2019.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("status").first()).toContainText("Saved at");
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.locator("#q-q12_measures_satisfaction-no")).toBeChecked();
    await page.getByRole("button", { name: "Authorisation and review" }).click();
    await page.getByLabel(msq2020.authorizationText).check();
    await page.getByRole("button", { name: "Submit the questionnaire" }).click();
    await expect(page).toHaveURL(/\/countries\/KEN\?submitted=1$/);
    const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "KEN" } });
    expect(response.status).toBe("SUBMITTED");
    expect(response.authorizePublication).toBe(true);
    expect(response.answers).toMatchObject({
      q10_collects_usage_stats: "yes",
      q11_publishes_usage_stats: "Yes, on the open data portal.",
      q12_measures_satisfaction: "no",
      q14_social_media: "Twitter and Facebook, with guidelines since 2019.",
    });
    await mailbox.waitForEmail(
      (m) => m.to.includes(focal.email) && m.text.includes("Twitter and Facebook"),
    );
  });

  test("a save posted after the session expired loses nothing", async ({ page, signedIn }) => {
    const focal = await signedIn("FOCAL_POINT", ["UGA"]);
    await page.goto("/countries/UGA/sections/VI");
    await page.getByLabel(q14).fill("Typed while the session expired.");
    // The session ends meanwhile (its row stays: input is kept only for a real session's post).
    await prisma.session.updateMany({
      where: { userId: focal.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fcountries%2FUGA%2Fsections%2FVI/);
    await expect(page.getByRole("status")).toContainText("They are kept for a day");
    await page.getByLabel("E-mail address").fill(focal.email);
    await page.getByLabel("Password").fill(focal.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/countries\/UGA\/sections\/VI$/);
    await expect(page.getByLabel(q14)).toHaveValue("Typed while the session expired.");
    await expect(
      page.getByText("Your answers from before you had to sign in again are back in place"),
    ).toBeVisible();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/sections\/VI\?saved=1$/);
    const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "UGA" } });
    expect((response.answers as Record<string, string>).q14_social_media).toBe(
      "Typed while the session expired.",
    );
  });
});

test("two people edit one response: different fields both survive; the same field shows a conflict", async ({
  browser,
}) => {
  const [a, b] = [
    await createUser("FOCAL_POINT", ["GHA"], "Kofi"),
    await createUser("FOCAL_POINT", ["GHA"], "Ama"),
  ];
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  await signInAs(contextA, a);
  await signInAs(contextB, b);
  const [pageA, pageB] = [await contextA.newPage(), await contextB.newPage()];
  await pageA.goto("/countries/GHA/sections/I");
  await pageB.goto("/countries/GHA/sections/I");

  await pageA
    .getByLabel(/^1\. What is the official e-government portal/)
    .fill("https://ghana.gov.gh");
  await pageA.getByRole("button", { name: "Save draft" }).click();
  await expect(pageA.getByRole("status").first()).toContainText("Saved at");
  await pageB.getByLabel(/^3\. Please provide name/).fill("National Information Technology Agency");
  await pageB.getByRole("button", { name: "Save draft" }).click();
  await expect(pageB.getByRole("status").first()).toContainText("Saved at");
  const both = await prisma.response.findFirstOrThrow({ where: { countryCode: "GHA" } });
  expect(both.answers).toMatchObject({
    q1_national_portal: "https://ghana.gov.gh",
    q3_egov_agency: "National Information Technology Agency",
  });

  // Same field: A saves first; B, who opened the page before, is shown both versions.
  // A fresh address, not a reload: a reload keeps ?saved=1 and its notice, which would satisfy
  // the wait below before A's save is done.
  await pageA.goto("/countries/GHA/sections/I");
  await pageB.goto("/countries/GHA/sections/I");
  await expect(pageA.locator(".autosave-status").getByText(/^Saved at/)).toHaveCount(0);
  await pageA.getByLabel("2. d. Public procurement").fill("https://ghaneps.gov.gh");
  await pageA.getByRole("button", { name: "Save draft" }).click();
  await expect(pageA).toHaveURL(/\/sections\/I\?saved=1$/);
  await expect(pageA.getByRole("status").first()).toContainText("Saved at");
  await pageB.getByLabel("2. d. Public procurement").fill("https://ppa.gov.gh");
  await pageB.getByRole("button", { name: "Save draft" }).click();
  await expect(
    pageB.getByText("A colleague changed this answer while you were editing"),
  ).toBeVisible();
  await expect(pageB.locator(".conflict")).toContainText("https://ghaneps.gov.gh");
  await expect(pageB.locator(".conflict")).toContainText("https://ppa.gov.gh");
  expect(await accessibilityViolations(pageB)).toEqual([]);
  expect(
    (
      (await prisma.response.findFirstOrThrow({ where: { countryCode: "GHA" } })).answers as Record<
        string,
        string
      >
    ).q2d_procurement_portal,
  ).toBe("https://ghaneps.gov.gh");
  await pageB.getByRole("button", { name: "Keep my version" }).click();
  await expect(pageB.getByRole("status").first()).toContainText("Saved at");
  expect(
    (
      (await prisma.response.findFirstOrThrow({ where: { countryCode: "GHA" } })).answers as Record<
        string,
        string
      >
    ).q2d_procurement_portal,
  ).toBe("https://ppa.gov.gh");
  await contextA.close();
  await contextB.close();
});

test("autosave: saved a moment after typing, kept on the device when offline, restored after a crash", async ({
  browser,
}) => {
  const focal = await createUser("FOCAL_POINT", ["SEN"]);
  const context = await browser.newContext();
  await signInAs(context, focal);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto("/countries/SEN/sections/VI");
  const field = page.getByLabel(q14);
  await field.fill("Autosaved answer.");
  await expect(page.locator(".autosave-status").getByText(/^Saved at \d\d:\d\d$/)).toBeVisible({
    timeout: 10_000,
  });
  const saved = await prisma.response.findFirstOrThrow({ where: { countryCode: "SEN" } });
  expect((saved.answers as Record<string, string>).q14_social_media).toBe("Autosaved answer.");
  // The status is announced politely, stays in view at the bottom of a long section, and is
  // repeated beside the buttons (hidden from screen readers, which hear it once).
  const status = page.locator(".autosave-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveAttribute("aria-live", "polite");
  const repeat = page.locator(".actions .actions__status");
  await expect(repeat).toHaveText(/^Saved at \d\d:\d\d$/);
  await expect(repeat).toHaveAttribute("aria-hidden", "true");
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.getByRole("button", { name: "Next" }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(status).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });

  // Chromium's emulated offline mode can report a request failed and still deliver it (the
  // answer is then saved after all: right, but not this test's case), so the autosave requests
  // are also cut off before they leave the browser.
  await context.route("**/autosave", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await field.fill("Typed while offline.");
  await expect(
    page.locator(".autosave-status").getByText("Not saved — offline, kept on this device"),
  ).toBeVisible({
    timeout: 10_000,
  });
  // The browser crashes while offline: all that survives is what it had stored. A new browser
  // context starts from that storage. (The old one stays offline until the end: closing a page
  // is not a crash, as it can still hear "online" and save, and closing an offline context can
  // let Chromium send a request it had reported failed.)
  const storage = await context.storageState();
  const before = await prisma.response.findFirstOrThrow({ where: { countryCode: "SEN" } });
  expect((before.answers as Record<string, string>).q14_social_media).toBe("Autosaved answer.");

  const restarted = await browser.newContext({ storageState: storage });
  const again = await restarted.newPage();
  again.on("pageerror", (error) => pageErrors.push(error.message));
  await again.goto("/countries/SEN/sections/VI");
  await expect(again.getByLabel(q14)).toHaveValue("Typed while offline.");
  await expect(again.getByText(/Your unsaved changes from .* were restored/)).toBeVisible();
  await expect(again.locator(".autosave-status").getByText(/^Saved at \d\d:\d\d$/)).toBeVisible({
    timeout: 10_000,
  });
  const after = await prisma.response.findFirstOrThrow({ where: { countryCode: "SEN" } });
  expect((after.answers as Record<string, string>).q14_social_media).toBe("Typed while offline.");
  expect(pageErrors).toEqual([]);
  await restarted.close();
  await context.close();
});

test("every step, the review and the country page have no accessibility violations", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(90_000);
  await signedIn("FOCAL_POINT", ["NPL"]);
  for (const path of [
    "/countries/NPL",
    ...msq2020.sections.map((s) => `/countries/NPL/sections/${s.id}`),
    "/countries/NPL/review",
  ]) {
    await page.goto(path);
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
});

test("a returned response is editable again, with the reviewer's comments beside the questions", async ({
  page,
  signedIn,
}) => {
  await signedIn("FOCAL_POINT", ["MNG"]);
  const reviewer = await createUser("REVIEWER");
  await page.goto("/countries/MNG/sections/VI");
  await page.getByLabel(q14).fill("First version.");
  await page.getByRole("button", { name: "Save draft" }).click();
  // Wait for the save's redirect: a goto now would cancel the form's submission.
  await expect(page).toHaveURL(/\/sections\/VI\?saved=1$/);
  await page.goto("/countries/MNG/review");
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await page.getByRole("button", { name: "Submit without authorising publication" }).click();
  await expect(page).toHaveURL(/submitted=1/);

  // The reviewer's side (a later issue) returns it with a comment: the same status and tables.
  const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "MNG" } });
  await prisma.response.update({ where: { id: response.id }, data: { status: "RETURNED" } });
  await prisma.comment.create({
    data: {
      responseId: response.id,
      fieldKey: "q14_social_media",
      authorId: reviewer.id,
      body: "Please name the platforms\nand the guidelines.",
    },
  });
  await page.goto("/countries/MNG");
  await expect(page.getByRole("region", { name: "Returned for revision" })).toBeVisible();
  await page.goto("/countries/MNG/sections/VI");
  await expect(page.getByRole("complementary", { name: "Comment from UN DESA" })).toContainText(
    "Please name the platforms",
  );
  await page.getByLabel(q14).fill("Second version: Facebook and X.");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/sections\/VII$/);
  await page.goto("/countries/MNG/review");
  await page.getByRole("button", { name: "Submit the questionnaire" }).click();
  await page.getByRole("button", { name: "Submit without authorising publication" }).click();
  await expect(page).toHaveURL(/submitted=1/);
  const submissions = await prisma.submission.findMany({
    where: { responseId: response.id },
    orderBy: { number: "asc" },
    select: { answers: true },
  });
  expect(submissions.map((s) => (s.answers as Record<string, string>).q14_social_media)).toEqual([
    "First version.",
    "Second version: Facebook and X.",
  ]);
  await expect(
    page.getByRole("listitem").filter({ hasText: "submitted the response" }),
  ).toHaveCount(2);
});

test("autosave after the session expired keeps the text on the device and saves it after signing in", async ({
  page,
  signedIn,
}) => {
  const focal = await signedIn("FOCAL_POINT", ["ZMB"]);
  await page.goto("/countries/ZMB/sections/VI");
  await prisma.session.deleteMany({ where: { userId: focal.id } });
  await page.getByLabel(q14).fill("Typed after the session ended.");
  await expect(
    page.locator(".autosave-status").getByText(/Not saved — your session ended/),
  ).toBeVisible({ timeout: 10_000 });
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await page.getByLabel("E-mail address").fill(focal.email);
  await page.getByLabel("Password").fill(focal.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/countries\/ZMB\/sections\/VI$/);
  await expect(page.getByLabel(q14)).toHaveValue("Typed after the session ended.");
  await expect(page.locator(".autosave-status").getByText(/^Saved at \d\d:\d\d$/)).toBeVisible({
    timeout: 10_000,
  });
  const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "ZMB" } });
  expect((response.answers as Record<string, string>).q14_social_media).toBe(
    "Typed after the session ended.",
  );
});

test("leaving a page with unsaved changes warns", async ({ page, signedIn }) => {
  await signedIn("FOCAL_POINT", ["TGO"]);
  await page.goto("/countries/TGO/sections/VI");
  await page.getByLabel(q14).fill("Not yet saved");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe("beforeunload");
  // Leaving anyway closes the page (dismissing would keep it open past the test).
  await (await dialog).accept();
});

test("progress is live: the section list and the country's task list count an autosaved answer", async ({
  page,
  signedIn,
}) => {
  await signedIn("FOCAL_POINT", ["MOZ"]);
  await page.goto("/countries/MOZ/sections/VI");
  const inList = page
    .locator(".section-nav li")
    .filter({ hasText: "VI. Social Media" })
    .locator(".section-nav__progress");
  await expect(inList).toHaveText(/^0 of \d+ answered$/);
  const total = Number((await inList.textContent())!.match(/of (\d+)/)![1]);
  await page.getByLabel(q14).fill("Ministries publish on their own pages.");
  await expect(page.locator(".autosave-status")).toContainText("Saved at", { timeout: 10_000 });
  // No reload: the section list counts the saved answer.
  await expect(inList).toHaveText(`1 of ${total} answered`);
  // The country page's task list says the same, with the section's state.
  await page.getByRole("link", { name: "Mozambique" }).click();
  const task = page.locator(".task-list__item").filter({ hasText: "VI. Social Media" });
  await expect(task.locator(".task-list__hint")).toHaveText(`1 of ${total} answered`);
  await expect(task.locator(".task-list__state")).toHaveText(
    total === 1 ? "Completed" : "In progress",
  );
  await expect(
    page.locator(".task-list__item").filter({ hasText: "I. Institutional Framework" }),
  ).toContainText("Not started");
  expect(await accessibilityViolations(page)).toEqual([]);
});
