import { expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, sessionCookieFor } from "./support/users";

// Input typed when a session had expired is kept for a day, but storage is not open to anyone:
// an anonymous post keeps nothing, and an oversized one keeps nothing and says so.

const ORIGIN = `http://localhost:${E2E_PORT}`;
const SECTION = "/countries/BWA/sections/VI";

test("an anonymous post keeps nothing; a real expired session's post is kept; too much is refused and said", async ({
  page,
  playwright,
}) => {
  const before = await prisma.pendingInput.count();
  const http = await playwright.request.newContext({ baseURL: ORIGIN });
  const anonymous = await http.post(SECTION, {
    form: { base: "0", q14_social_media: "x".repeat(1024 * 1024) },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toBe(`/sign-in?redirectTo=${encodeURIComponent(SECTION)}`);
  expect(anonymous.headers()["set-cookie"] ?? "").not.toContain("msq_pending");
  // A cookie naming no session is no better.
  const forged = await http.post(SECTION, {
    form: { base: "0", q14_social_media: "forged" },
    headers: { Origin: ORIGIN, Cookie: "msq_session=nosuchsession" },
    maxRedirects: 0,
  });
  expect(forged.headers()["set-cookie"] ?? "").not.toContain("msq_pending");
  expect(await prisma.pendingInput.count()).toBe(before);

  const focal = await createUser("FOCAL_POINT", ["BWA"]);
  // A session of the focal point that has just expired (its row is still there).
  const expiredSessionCookie = async () => {
    const session = await sessionCookieFor(focal);
    await prisma.session.update({
      where: { id: session.value },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    return `${session.name}=${session.value}`;
  };
  let cookie = await expiredSessionCookie();
  const tooMuch = await http.post(SECTION, {
    form: { base: "0", q14_social_media: "x".repeat(300 * 1024) },
    headers: { Origin: ORIGIN, Cookie: cookie },
    maxRedirects: 0,
  });
  expect(tooMuch.status()).toBe(302);
  expect(tooMuch.headers()["set-cookie"] ?? "").not.toContain("msq_pending");
  expect(await prisma.pendingInput.count({ where: { userId: focal.id } })).toBe(0);
  await page.goto(tooMuch.headers().location!);
  await expect(page.getByRole("alert")).toContainText("your last changes could not be kept");

  cookie = await expiredSessionCookie();
  const kept = await http.post(SECTION, {
    form: { base: "0", q14_social_media: "Kept." },
    headers: { Origin: ORIGIN, Cookie: cookie },
    maxRedirects: 0,
  });
  expect(kept.headers().location).toContain("input=kept");
  expect(kept.headers()["set-cookie"]).toContain("msq_pending=");
  expect(await prisma.pendingInput.count({ where: { userId: focal.id } })).toBe(1);
  await prisma.pendingInput.deleteMany({ where: { userId: focal.id } });
  await http.dispose();
});
