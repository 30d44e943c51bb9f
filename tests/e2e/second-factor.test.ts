import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Page } from "@playwright/test";
import { accessibilityViolations, expect, test } from "./fixtures";
import { copyFor } from "./support/copy";
import { prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Issue 18: the second factor as a person uses it. The codes are computed here from the key the
// page shows, as an authenticator app would. Staff are required to have one only inside the
// test that says so (the portal runs in demo mode, where it is off by default); it is put back.

const copy = copyFor("en").secondFactor;
const STAFF_SECOND_FACTOR = "staff_second_factor"; // app/models/settings.server.ts

/** The code an app shows for the key `steps` periods from now. */
function codeFor(secretText: string, steps = 0): string {
  const key = decodeBase32IgnorePadding(secretText.replace(/\s/g, ""));
  return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + steps), 6);
}

/** Signs out and waits for the signed-out page: a navigation begun before it would cancel the post. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function signInWithPassword(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function enrol(page: Page): Promise<{ secretText: string; recoveryCodes: string[] }> {
  await page.goto("/account");
  await page.getByRole("link", { name: copy.accountLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(copy.title);
  await expect(page.getByRole("img", { name: copy.qrLabel })).toBeVisible();
  const secretText = (await page.locator(".secret-key").textContent())!;
  await page.getByRole("textbox", { name: copy.code }).fill(codeFor(secretText));
  await page.getByRole("button", { name: copy.confirm }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(copy.codesTitle);
  const recoveryCodes = await page.locator(".recovery-codes code").allTextContents();
  return { secretText, recoveryCodes };
}

test("a focal point enrols an app, then signs in with its code, a recovery code, never a reused code", async ({
  page,
  signedIn,
}) => {
  const user = await signedIn("FOCAL_POINT", ["SLB"]);
  const { secretText, recoveryCodes } = await enrol(page);
  expect(recoveryCodes).toHaveLength(10);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: copy.codesDone }).click();
  await expect(page.getByText(`${copy.accountLink}: ${copy.on}`)).toBeVisible();
  await signOut(page);

  // The password alone leads to the code page, and no further.
  await signInWithPassword(page, user);
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(copy.codeTitle);
  await page.goto("/countries/SLB");
  await expect(page).toHaveURL(/\/sign-in\/code\?redirectTo=%2Fcountries%2FSLB/);
  expect(await accessibilityViolations(page)).toEqual([]);
  // The enrolment used this period's code: the app's next one signs in.
  const code = codeFor(secretText, 1);
  await page.getByRole("textbox", { name: copy.code }).fill(code);
  await page.getByRole("button", { name: copy.verify }).click();
  await expect(page).toHaveURL(/\/countries\/SLB$/);
  await signOut(page);

  // The same code a second time is refused, and the page says why.
  await signInWithPassword(page, user);
  await page.getByRole("textbox", { name: copy.code }).fill(code);
  await page.getByRole("button", { name: copy.verify }).click();
  await expect(page.getByText(copy.codeInvalid)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/code/);

  // A recovery code signs in once, and says how many are left.
  await page.getByRole("textbox", { name: copy.code }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: copy.verify }).click();
  await expect(page.getByText(copy.recoveryUsed({ left: 9 }))).toBeVisible();
  await signOut(page);
  await signInWithPassword(page, user);
  await page.getByRole("textbox", { name: copy.code }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: copy.verify }).click();
  await expect(page.getByText(copy.codeInvalid)).toBeVisible();

  const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored.totpSecret).not.toContain(secretText.replace(/\s/g, ""));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the QR code, the key and the first code work at 375 px", async ({
    page,
    signedIn,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signedIn("FOCAL_POINT", ["VUT"]);
    await page.goto("/account/second-factor");
    await expect(page.getByRole("img", { name: copy.qrLabel })).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath("second-factor-375.png"),
      fullPage: true,
    });
    const noScroll = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(noScroll).toBe(true);
    // A wrong first code keeps the same key on the page (no new scan).
    const secretText = (await page.locator(".secret-key").textContent())!;
    await page.getByRole("textbox", { name: copy.code }).fill("000000");
    await page.getByRole("button", { name: copy.confirm }).click();
    await expect(page.getByText(copy.codeInvalid)).toBeVisible();
    await expect(page.locator(".secret-key")).toHaveText(secretText);
    // Without JavaScript the refused form is the document itself, answered 400 on purpose.
    expect(consoleErrors).toEqual([expect.stringMatching(/status of 400/)]);
    consoleErrors.splice(0);
    await page.getByRole("textbox", { name: copy.code }).fill(codeFor(secretText));
    await page.getByRole("button", { name: copy.confirm }).click();
    await expect(page.locator(".recovery-codes code")).toHaveCount(10);
  });
});

test("staff are sent to enrol first while administrators require it", async ({
  page,
  browser,
  signedIn,
}) => {
  await signedIn("ADMIN");
  const reviewer = await createUser("REVIEWER");
  // An administrator with a second factor of their own (without one, requiring it sends them
  // to set it up first, as any staff member).
  await enrol(page);
  try {
    await page.goto("/admin/users");
    await expect(page.getByText(copy.adminOptional)).toBeVisible();
    await page.getByRole("button", { name: copy.adminRequire }).click();
    await expect(page.getByText(copy.adminRequired)).toBeVisible();

    const context = await browser.newContext();
    const reviewerPage = await context.newPage();
    await signInAs(context, reviewer);
    await reviewerPage.goto("/review");
    await expect(reviewerPage).toHaveURL(/\/account\/second-factor\?redirectTo=%2Freview/);
    await expect(reviewerPage.getByText(copy.requiredNotice)).toBeVisible();
    // Turning it off is not offered, and refused if posted: staff must keep it.
    const { secretText } = await (async () => {
      const text = (await reviewerPage.locator(".secret-key").textContent())!;
      await reviewerPage.getByRole("textbox", { name: copy.code }).fill(codeFor(text));
      await reviewerPage.getByRole("button", { name: copy.confirm }).click();
      return { secretText: text };
    })();
    await reviewerPage.getByRole("link", { name: copy.codesDone }).click();
    await expect(reviewerPage).toHaveURL(/\/review$/);
    expect(secretText.length).toBeGreaterThan(0);
    await reviewerPage.goto("/account/second-factor");
    await expect(reviewerPage.getByRole("button", { name: copy.remove })).toHaveCount(0);
    await context.close();
  } finally {
    await prisma.portalSetting.deleteMany({ where: { key: STAFF_SECOND_FACTOR } });
  }
});

test("an administrator resets a lost second factor: the person is signed out and told by e-mail", async ({
  page,
  browser,
  signedIn,
  mailbox,
}) => {
  await signedIn("ADMIN");
  const focalPoint = await createUser("FOCAL_POINT", ["WSM"]);
  const context = await browser.newContext();
  const focalPage = await context.newPage();
  await signInAs(context, focalPoint);
  await enrol(focalPage);

  await page.goto(`/admin/users/${focalPoint.id}`);
  await expect(page.getByText(`${copy.adminUserStatus}: ${copy.on}`)).toBeVisible();
  await page.getByRole("button", { name: copy.adminReset }).click();
  await expect(page.getByText(copy.adminResetDone({ email: focalPoint.email }))).toBeVisible();
  await expect(page.getByText(`${copy.adminUserStatus}: ${copy.off}`)).toBeVisible();

  const email = await mailbox.waitForEmail((m) => m.to.includes(focalPoint.email));
  expect(email.subject).toBe(copyFor("en").email.secondFactorReset.subject);
  await focalPage.goto("/countries/WSM");
  await expect(focalPage).toHaveURL(/\/sign-in/);
  const events = await prisma.event.count({
    where: { kind: "user.second_factor_reset", subjectId: focalPoint.id },
  });
  expect(events).toBe(1);
  await context.close();
});
