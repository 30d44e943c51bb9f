import { accessibilityViolations, expect, test } from "./fixtures";
import { E2E_PORT } from "./support/db";
import { createUser, sessionCookieFor } from "./support/users";

// Refusals and role changes reach the event log that administrators read, in words.

const ORIGIN = `http://localhost:${E2E_PORT}`;

test("access refusals and a role change are in the event log, readable", async ({
  page,
  playwright,
  signedIn,
}) => {
  const reviewer = await createUser("REVIEWER", [], "Rex Reviewer");
  const focal = await createUser("FOCAL_POINT", ["SEN"], "Fatou");
  await signedIn("ADMIN", [], "Ada Admin");
  const as = async (user: typeof reviewer) => {
    const cookie = await sessionCookieFor(user);
    return playwright.request.newContext({
      baseURL: ORIGIN,
      extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
    });
  };
  const rv = await as(reviewer);
  for (let i = 0; i < 3; i++) {
    // Three times the same: one event.
    expect((await rv.get("/admin/users", { maxRedirects: 0 })).status()).toBe(403);
  }
  const fp = await as(focal);
  expect((await fp.get("/countries/KEN", { maxRedirects: 0 })).status()).toBe(404);
  await Promise.all([rv.dispose(), fp.dispose()]);

  await page.goto(`/admin/users/${focal.id}`);
  await page.getByLabel("DESA reviewer").check();
  await page.getByRole("button", { name: "Save role and countries" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.goto(`/admin/events?person=${reviewer.id}&kind=security.access_denied`);
  const refusals = page.getByRole("row").filter({ hasText: "Access refused" });
  await expect(refusals).toHaveCount(1);
  await expect(refusals).toContainText("Rex Reviewer");
  await expect(refusals).toContainText("GET /admin/users refused (403): not allowed for this role");

  await page.goto(`/admin/events?person=${focal.id}`);
  await expect(page.getByRole("row").filter({ hasText: "Access refused" })).toContainText(
    "GET /countries/KEN refused (404): another country's response",
  );
  const change = page.getByRole("row").filter({ hasText: "Role changed" });
  await expect(change).toContainText("Ada Admin");
  await expect(change).toContainText("From Country focal point to DESA reviewer");
  expect(await accessibilityViolations(page)).toEqual([]);
});
