import { firstLink } from "../support/smtp";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs, TEST_PASSWORD } from "./support/users";

test("an admin invites a focal point for Rwanda, who sets a password and sees only Rwanda", async ({
  page,
  browser,
  mailbox,
  signedIn,
}) => {
  await signedIn("ADMIN", [], "Ada Admin");
  await page.goto("/admin/users/new");
  expect(await accessibilityViolations(page)).toEqual([]);
  const invitee = `focal.${Date.now()}@gov.rw.example.org`;
  await page.getByLabel("E-mail address").fill(invitee);
  await page.getByLabel("Country focal point").check();
  await page.getByLabel("Countries").selectOption("RWA");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);

  const email = await mailbox.waitForEmail((m) => m.to.includes(invitee));
  expect(email.text).toContain("Rwanda");
  const link = firstLink(email, "/invitation/");

  // The invitee, in their own browser.
  const context = await browser.newContext();
  const invitedPage = await context.newPage();
  await invitedPage.goto(link);
  await expect(invitedPage.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
  expect(await accessibilityViolations(invitedPage)).toEqual([]);
  await invitedPage.getByLabel("Your name").fill("Jean Uwimana");
  await invitedPage.getByLabel("New password", { exact: true }).fill("a long enough passphrase");
  await invitedPage.getByLabel("Repeat the password").fill("a long enough passphrase");
  await invitedPage.getByRole("button", { name: "Save and sign in" }).click();
  await expect(invitedPage).toHaveURL(/\/countries\/RWA$/);
  await expect(invitedPage.getByRole("heading", { level: 1 })).toHaveText("Rwanda");

  // Another country, by URL: nothing to see.
  const other = await invitedPage.goto("/countries/QAT");
  expect(other?.status()).toBe(404);
  await invitedPage.goto("/countries");
  await expect(invitedPage).toHaveURL(/\/countries\/RWA$/);

  // The link works once.
  await invitedPage.getByRole("button", { name: "Sign out" }).click();
  await expect(invitedPage.getByRole("link", { name: "Sign in" })).toBeVisible();
  await invitedPage.goto(link);
  await expect(invitedPage.getByRole("heading", { level: 1 })).toHaveText(
    "This link does not work",
  );

  // Signing in again with the new password.
  await invitedPage.goto("/sign-in");
  await invitedPage.getByLabel("E-mail address").fill(invitee);
  await invitedPage.getByLabel("Password").fill("a long enough passphrase");
  await invitedPage.getByRole("button", { name: "Sign in" }).click();
  await expect(invitedPage).toHaveURL(/\/countries\/RWA$/);
  await context.close();
});

test("password reset by e-mail, with the same answer for unknown addresses", async ({
  page,
  mailbox,
}) => {
  const user = await createUser("REVIEWER");
  await page.goto("/forgot-password");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel("E-mail address").fill("nobody@nowhere.example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  const unknownAnswer = await page.getByRole("status").textContent();
  expect(unknownAnswer).toContain("If that address belongs to an account");

  // A fresh page, so the answer checked next can only be the known address's, not the one above.
  await page.goto("/forgot-password");
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByLabel("E-mail address").fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(unknownAnswer!);

  const email = await mailbox.waitForEmail((m) => m.to.includes(user.email));
  await page.goto(firstLink(email, "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("an entirely new passphrase");
  await page.getByLabel("Repeat the password").fill("an entirely new passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/review$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The e-mail address or the password is not right.",
  );
  await page.getByLabel("Password").fill("an entirely new passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/review$/);
});

test("the 6th wrong password in a minute is refused even when right, with a clear message", async ({
  page,
}) => {
  const user = await createUser("FOCAL_POINT", ["TJK"]);
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("not right");
  }
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(/try again in 1[45] minutes/);
  await expect(page).toHaveURL(/\/sign-in/);
  // The lock is per account: the same person's colleague still signs in.
  const colleague = await createUser("FOCAL_POINT", ["TJK"]);
  await page.getByLabel("E-mail address").fill(colleague.email);
  await page.getByLabel("Password").fill(colleague.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/countries\/TJK$/);
});

test("sign-in returns to the page asked for, and never to another site", async ({ page }) => {
  const reviewer = await createUser("REVIEWER");
  await page.goto("/countries/QAT");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fcountries%2FQAT/);
  await page.getByLabel("E-mail address").fill(reviewer.email);
  await page.getByLabel("Password").fill(reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/countries\/QAT$/);

  await page.context().clearCookies();
  await page.goto("/sign-in?redirectTo=//evil.example.org/steal");
  await page.getByLabel("E-mail address").fill(reviewer.email);
  await page.getByLabel("Password").fill(reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/review$/);
});

test("deactivating a user ends their sessions at once; sign out everywhere ends all", async ({
  browser,
  page,
  signedIn,
}) => {
  await signedIn("ADMIN");
  const focal = await createUser("FOCAL_POINT", ["IRN"], "Reza Focal");
  const focalContext = await browser.newContext();
  await signInAs(focalContext, focal);
  const focalPage = await focalContext.newPage();
  await focalPage.goto("/countries/IRN");
  await expect(focalPage.getByRole("heading", { level: 1 })).toHaveText(
    "Iran (Islamic Republic of)",
  );

  await page.goto(`/admin/users/${focal.id}`);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  expect(await prisma.session.count({ where: { userId: focal.id } })).toBe(0);
  await focalPage.reload();
  await expect(focalPage).toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await signInAs(focalContext, focal);
  const second = await browser.newContext();
  await signInAs(second, focal);
  await focalPage.goto("/account");
  await focalPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(focalPage).toHaveURL(/\/sign-in/);
  const secondPage = await second.newPage();
  await secondPage.goto("/countries/IRN");
  await expect(secondPage).toHaveURL(/\/sign-in/);
  const events = await prisma.event.findMany({
    where: { subjectId: focal.id },
    select: { kind: true },
  });
  expect(events.map((e) => e.kind)).toEqual(
    expect.arrayContaining(["user.deactivated", "user.reactivated", "user.signed_out_everywhere"]),
  );
  await focalContext.close();
  await second.close();
});

test("the users list filters by role, country and state", async ({ page, signedIn }) => {
  const admin = await signedIn("ADMIN");
  const focal = await createUser("FOCAL_POINT", ["QAT"], "Qatar Focal");
  await page.goto("/admin/users?role=FOCAL_POINT&country=QAT&state=active");
  await expect(page.getByRole("link", { name: "Qatar Focal" })).toBeVisible();
  await expect(page.getByRole("cell", { name: admin.email })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto("/admin/users?role=FOCAL_POINT&country=QAT&state=inactive");
  await expect(page.getByRole("link", { name: "Qatar Focal" })).toHaveCount(0);
  expect(focal.countries).toEqual(["QAT"]);
});

test("resending an invitation to someone who has since set a password says so (409), no 500", async ({
  page,
  signedIn,
}) => {
  const invited = await createUser("REVIEWER");
  const { passwordHash } = await prisma.user.findUniqueOrThrow({
    where: { id: invited.id },
    select: { passwordHash: true },
  });
  await prisma.user.update({ where: { id: invited.id }, data: { passwordHash: null } });
  await signedIn("ADMIN");
  await page.goto(`/admin/users/${invited.id}`);
  // The person sets a password while the admin's page still offers to resend.
  await prisma.user.update({ where: { id: invited.id }, data: { passwordHash } });
  const reply = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().includes(`/admin/users/${invited.id}`),
  );
  await page.getByRole("button", { name: "Send a new invitation" }).click();
  expect((await reply).status()).toBe(409);
  await expect(page.getByRole("status")).toHaveText(
    "This person already has an account: change it from the users list.",
  );
});
