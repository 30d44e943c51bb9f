import type { Page } from "@playwright/test";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// Session policy (ASVS 3.3.2 level 2: 30 minutes idle, 12 hours absolute), what a person typed
// surviving the expiry, the local backup belonging to one person, no-store on signed-in pages,
// and the demo banner (the end-to-end server runs in demo mode).

const q14 = /^14\. How does your government use social media/;

/** The user's sessions as if their last request was 31 minutes ago. */
const idleFor31Minutes = (user: TestUser) =>
  prisma.session.updateMany({
    where: { userId: user.id },
    data: {
      createdAt: new Date(Date.now() - 60 * 60 * 1000),
      expiresAt: new Date(Date.now() - 60 * 1000),
    },
  });

async function signInOnPage(page: Page, user: TestUser) {
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const unsavedKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("msq:unsaved:")));

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a save posted after 30 minutes idle is kept, restored after signing in, and the expired session row stays", async ({
    page,
    signedIn,
  }) => {
    const focal = await signedIn("FOCAL_POINT", ["MWI"]);
    await page.goto("/countries/MWI/sections/VI");
    await page.getByLabel(q14).fill("Typed before a long pause.");
    await idleFor31Minutes(focal);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fcountries%2FMWI%2Fsections%2FVI/);
    // Expired, not deleted: a day's grace lets the server tell it from a forged cookie.
    expect(await prisma.session.count({ where: { userId: focal.id } })).toBe(1);
    await signInOnPage(page, focal);
    await expect(page).toHaveURL(/\/countries\/MWI\/sections\/VI$/);
    await expect(page.getByLabel(q14)).toHaveValue("Typed before a long pause.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/sections\/VI\?saved=1$/);
    const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "MWI" } });
    expect((response.answers as Record<string, string>).q14_social_media).toBe(
      "Typed before a long pause.",
    );
  });

  test("signing out without JavaScript tells the browser to clear the site's storage", async ({
    page,
    signedIn,
  }) => {
    await signedIn("REVIEWER");
    await page.goto("/review");
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/sign-out"),
      page.getByRole("button", { name: "Sign out" }).click(),
    ]);
    expect((await response.allHeaders())["clear-site-data"]).toBe('"storage"');
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

test("a session ends 12 hours after sign-in, however active", async ({ page, signedIn }) => {
  const focal = await signedIn("FOCAL_POINT", ["LSO"]);
  await page.goto("/countries/LSO");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lesotho");
  await prisma.session.updateMany({
    where: { userId: focal.id },
    data: {
      createdAt: new Date(Date.now() - 12 * 60 * 60 * 1000 - 1000),
      expiresAt: new Date(Date.now() + 20 * 60 * 1000), // used a moment ago
    },
  });
  await page.goto("/countries/LSO");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fcountries%2FLSO$/);
});

test("autosave after 30 minutes idle keeps the text on the device and saves it after signing in", async ({
  page,
  signedIn,
}) => {
  const focal = await signedIn("FOCAL_POINT", ["BWA"]);
  await page.goto("/countries/BWA/sections/VI");
  await idleFor31Minutes(focal);
  await page.getByLabel(q14).fill("Typed after a long pause.");
  await expect(
    page.locator(".autosave-status").getByText(/Not saved — your session ended/),
  ).toBeVisible({ timeout: 10_000 });
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await signInOnPage(page, focal);
  await expect(page).toHaveURL(/\/countries\/BWA\/sections\/VI$/);
  await expect(page.getByLabel(q14)).toHaveValue("Typed after a long pause.");
  await expect(page.locator(".autosave-status").getByText(/^Saved at \d\d:\d\d$/)).toBeVisible({
    timeout: 10_000,
  });
  const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "BWA" } });
  expect((response.answers as Record<string, string>).q14_social_media).toBe(
    "Typed after a long pause.",
  );
});

/** The autosave requests this test cut off are logged by Chromium: expected, and only those. */
function expectOnlyCutOffAutosaves(consoleErrors: string[]) {
  expect(consoleErrors.splice(0).filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))).toEqual(
    [],
  );
}

test("a colleague signing in on the same browser never gets the previous person's unsaved text", async ({
  page,
  consoleErrors,
}) => {
  const [first, second] = [
    await createUser("FOCAL_POINT", ["NAM"], "Ndapewa"),
    await createUser("FOCAL_POINT", ["NAM"], "Tjiuai"),
  ];
  const context = page.context();
  // The first person's text stays only in this browser: the autosave never reaches the server.
  await context.route("**/autosave", (route) => route.abort("internetdisconnected"));
  await signInAs(context, first);
  await page.goto("/countries/NAM/sections/VI");
  await page.getByLabel(q14).fill("Ndapewa's unsaved draft.");
  await expect(
    page.locator(".autosave-status").getByText("Not saved — offline, kept on this device"),
  ).toBeVisible({
    timeout: 10_000,
  });
  expect(await unsavedKeys(page)).toHaveLength(1);

  // They walk away without signing out; the colleague signs in on the same browser.
  await context.unroute("**/autosave");
  await signInAs(context, second);
  await page.goto("/countries/NAM/sections/VI");
  await expect(page.getByLabel(q14)).toHaveValue("");
  await expect(page.getByText(/Your unsaved changes from .* were restored/)).toHaveCount(0);
  await page.getByLabel(q14).fill("Tjiuai's own answer.");
  await expect(page.locator(".autosave-status").getByText(/^Saved at \d\d:\d\d$/)).toBeVisible({
    timeout: 10_000,
  });
  const response = await prisma.response.findFirstOrThrow({ where: { countryCode: "NAM" } });
  expect((response.answers as Record<string, string>).q14_social_media).toBe(
    "Tjiuai's own answer.",
  );
  expect(response.updatedById).toBe(second.id);
  expectOnlyCutOffAutosaves(consoleErrors);
});

test("signing out clears the unsaved text kept in this browser, with or without the page's script", async ({
  page,
  consoleErrors,
}) => {
  const focal = await createUser("FOCAL_POINT", ["GMB"]);
  const context = page.context();
  await context.route("**/autosave", (route) => route.abort("internetdisconnected"));
  const typeUnsaved = async () => {
    await signInAs(context, focal);
    await page.goto("/countries/GMB/sections/VI");
    await page.getByLabel(q14).fill("Not saved anywhere but here.");
    await expect(
      page.locator(".autosave-status").getByText("Not saved — offline, kept on this device"),
    ).toBeVisible({
      timeout: 10_000,
    });
    expect(await unsavedKeys(page)).toHaveLength(1);
  };

  // The sign-out button (the page's script clears the storage, the response's header too).
  await typeUnsaved();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await unsavedKeys(page)).toEqual([]);

  // A plain form post, as without JavaScript: only the Clear-Site-Data header can clear it.
  await typeUnsaved();
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/sign-out";
    document.body.append(form);
    HTMLFormElement.prototype.submit.call(form);
  });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await unsavedKeys(page)).toEqual([]);
  expectOnlyCutOffAutosaves(consoleErrors);
});

test("signed-in pages and data are never cached; static files keep their caching", async ({
  page,
  signedIn,
}) => {
  const anonymous = await page.goto("/");
  expect(anonymous?.headers()["cache-control"]).toBeUndefined();
  await signedIn("FOCAL_POINT", ["ZWE"]);
  const [data] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(".data")),
    (async () => {
      const document = await page.goto("/countries/ZWE");
      expect(document?.headers()["cache-control"]).toBe("no-store");
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Countries" })
        .click();
    })(),
  ]);
  expect(data.headers()["cache-control"]).toBe("no-store");
  const stylesheet = await page.request.get(
    (await page.locator("link[rel=stylesheet][href^='/build/']").first().getAttribute("href"))!,
  );
  expect(stylesheet.headers()["cache-control"]).toMatch(/immutable/);
});

test("every page says it is a demo, readable at 375 px", async ({
  page,
  consoleErrors,
  signedIn,
}) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await signedIn("FOCAL_POINT", ["CPV"]);
  for (const path of ["/", "/countries/CPV", "/countries/CPV/sections/I", "/no-such-page"]) {
    await page.goto(path);
    const banner = page.getByRole("note").filter({ hasText: "Demo:" });
    await expect(banner, path).toBeVisible();
    await expect(banner).toContainText("not for real answers");
    const box = (await banner.boundingBox())!;
    expect(box.x, path).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, path).toBeLessThanOrEqual(375);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      path,
    ).toBeLessThanOrEqual(375);
  }
  // The 404 page's own status, logged by Chromium: expected.
  expect(consoleErrors.splice(0)).toEqual([
    "Failed to load resource: the server responded with a status of 404 (Not Found)",
  ]);
  await page.goto("/");
  expect(await accessibilityViolations(page)).toEqual([]);
});
