import { request as playwrightRequest } from "@playwright/test";
import { accessibilityViolations, expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// A reviewer makes a personal access token on the account page (without JavaScript: plain form
// posts), sees it once, uses it against the real server, and revokes it: the next request is
// refused. The page's own session cookie authenticates nothing on the API, and a bearer request
// needs no Origin (cross-site request forgery does not apply to it).

const ORIGIN = `http://localhost:${E2E_PORT}`;
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reviewer creates a token, sees it once, uses it, revokes it", async ({
    page,
    signedIn,
  }) => {
    const reviewer = await signedIn("REVIEWER");
    await page.goto("/account");
    const tokens = page.getByRole("region", { name: "Personal access tokens" });
    await expect(tokens.getByText("No tokens.")).toBeVisible();
    await tokens.getByLabel("Name").fill("R on my laptop");
    await tokens.getByLabel("Expires after").selectOption("30");
    await tokens.getByRole("button", { name: "Create the token" }).click();

    const shown = page.getByTestId("new-token");
    await expect(shown).toBeVisible();
    const secret = (await shown.textContent())!.trim();
    expect(secret).toMatch(/^msq_pat_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole("row", { name: /R on my laptop/ })).toContainText("Never");
    const stored = await prisma.apiToken.findFirstOrThrow({ where: { userId: reviewer.id } });
    expect(stored.tokenHash).not.toContain(secret.slice(8));

    // Shown once: the page read again has the token in its list, not its secret.
    await page.goto("/account");
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
    const auth = { Authorization: `Bearer ${secret}` };
    const rounds = await api.get("/api/v1/rounds", { headers: auth });
    expect(rounds.status()).toBe(200);
    expect(rounds.headers()["content-type"]).toContain("application/json");
    expect(rounds.headers()["ratelimit-limit"]).toBeTruthy();
    expect((await rounds.json()).rounds.map((r: { id: string }) => r.id)).toContain("2020");
    const responses = await api.get("/api/v1/responses?round=2020&limit=5", { headers: auth });
    expect(responses.status()).toBe(200);
    const etag = responses.headers()["etag"]!;
    const unchanged = await api.get("/api/v1/responses?round=2020&limit=5", {
      headers: { ...auth, "If-None-Match": etag },
    });
    expect(unchanged.status()).toBe(304);

    // No Origin, no Referer: a bearer request is not a form post to forge. A write is refused by
    // the API itself (it only reads), not by the cross-site check.
    const post = await api.post("/api/v1/rounds", { headers: auth, data: {} });
    expect(post.status()).not.toBe(403);
    expect(await post.text()).not.toContain("Cross-site request refused.");

    // The browser's session cookie, signed in as the same reviewer, gets nothing from the API.
    const withCookie = await page.request.get("/api/v1/responses?round=2020");
    expect(withCookie.status()).toBe(401);
    expect(withCookie.headers()["content-type"]).toContain("application/problem+json");

    await page.goto("/account");
    await expect(page.getByRole("row", { name: /R on my laptop/ })).not.toContainText("Never");
    await page.getByRole("button", { name: "Revoke the token “R on my laptop”" }).click();
    await expect(page.getByRole("status")).toContainText("is revoked");
    await expect(page.getByRole("row", { name: /R on my laptop/ })).toContainText("Revoked");

    const refused = await api.get("/api/v1/rounds", { headers: auth });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "token-revoked", status: 401 });
    await api.dispose();
  });
});

test("a focal point's account page offers no tokens", async ({ page, signedIn }) => {
  await signedIn("FOCAL_POINT", ["RWA"]);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Personal access tokens")).toHaveCount(0);
});

test("the API reference page is server-rendered from the OpenAPI document", async ({
  page,
  signedIn,
}) => {
  await signedIn("REVIEWER");
  const response = await page.goto("/api-reference");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  await expect(page.getByRole("heading", { name: "Read API reference" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "GET /api/v1/responses", exact: true }),
  ).toBeVisible();
  await expect(page.locator("#schema-ResponsePage")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const document = await page.request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
});

test("an administrator sees and revokes someone else's token", async ({ page, browser }) => {
  const reviewer = await createUser("REVIEWER", [], "Token Owner");
  const reviewerContext = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(reviewerContext, reviewer);
  const own = await reviewerContext.newPage();
  await own.goto("/account");
  await own.getByLabel("Name").fill("Python job");
  await own.getByRole("button", { name: "Create the token" }).click();
  const secret = (await own.getByTestId("new-token").textContent())!.trim();
  await reviewerContext.close();

  const admin = await createUser("ADMIN");
  await signInAs(page.context(), admin);
  await page.goto(`/admin/users/${reviewer.id}`);
  const row = page.getByRole("row", { name: /Python job/ });
  await expect(row).toContainText("Active");
  await page.getByRole("button", { name: "Revoke the token “Python job”" }).click();
  await expect(page.getByRole("status")).toContainText("is revoked");
  await expect(page.getByRole("row", { name: /Python job/ })).toContainText("Revoked");
  const event = await prisma.event.findFirstOrThrow({
    where: { kind: "user.api_token_revoked", subjectId: reviewer.id },
  });
  expect(event.actorId).toBe(admin.id);

  const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
  const refused = await api.get("/api/v1/rounds", {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(401);
  await api.dispose();
});

test("the token list and form are accessible", async ({ page, signedIn }) => {
  const reviewer = await signedIn("REVIEWER");
  await prisma.apiToken.create({
    data: {
      userId: reviewer.id,
      name: "R on a laptop",
      tokenHash: `axe-${reviewer.id}`,
      prefix: "msq_pat_Ab12",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await page.goto("/account");
  await expect(page.getByRole("row", { name: /R on a laptop/ })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
