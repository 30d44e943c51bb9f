import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, sessionCookieFor, type TestUser } from "./support/users";

// Who gets what, for every route that exists: a page (200), a redirect to sign-in, 403 (the role
// may not) or 404 (a focal point asking for another country's data).
// Posts to every action, as every role, are in write-guards.test.ts.
const ORIGIN = `http://localhost:${E2E_PORT}`;
type Who = "anonymous" | "focalRwa" | "reviewer" | "admin";
type Expected = 200 | 400 | 401 | 403 | 404 | "sign-in" | `redirect:${string}`;

const contexts = {} as Record<Who, APIRequestContext>;
let someUser: TestUser;
/** The SourceDocument the seed kept for Rwanda's imported response. */
let rwaSource: string;

test.beforeAll(async () => {
  const users: Record<Exclude<Who, "anonymous">, TestUser> = {
    focalRwa: await createUser("FOCAL_POINT", ["RWA"]),
    reviewer: await createUser("REVIEWER"),
    admin: await createUser("ADMIN"),
  };
  someUser = users.focalRwa;
  const source = await prisma.sourceDocument.findFirstOrThrow({
    where: { response: { countryCode: "RWA" } },
    select: { id: true },
  });
  rwaSource = source.id;
  contexts.anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });
  for (const [who, user] of Object.entries(users)) {
    const cookie = await sessionCookieFor(user);
    contexts[who as Who] = await playwrightRequest.newContext({
      baseURL: ORIGIN,
      extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
    });
  }
});

test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context.dispose();
});

async function outcome(response: {
  status(): number;
  headers(): Record<string, string>;
}): Promise<Expected> {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = response.headers()["location"] ?? "";
    return location.startsWith("/sign-in") ? "sign-in" : `redirect:${location}`;
  }
  return status as Expected;
}

const pages: [string, Record<Who, Expected>][] = [
  ["/", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  [
    "/sign-in",
    {
      anonymous: 200,
      focalRwa: "redirect:/countries",
      reviewer: "redirect:/countries",
      admin: "redirect:/countries",
    },
  ],
  ["/forgot-password", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/invitation/not-a-token", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/reset-password/not-a-token", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/account", { anonymous: "sign-in", focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/account/second-factor", { anonymous: "sign-in", focalRwa: 200, reviewer: 200, admin: 200 }],
  // Only a session waiting for its second step is asked for a code.
  [
    "/sign-in/code",
    { anonymous: "sign-in", focalRwa: "redirect:/", reviewer: "redirect:/", admin: "redirect:/" },
  ],
  [
    "/countries",
    {
      anonymous: "sign-in",
      focalRwa: "redirect:/countries/RWA",
      reviewer: "redirect:/review",
      admin: "redirect:/review",
    },
  ],
  ["/countries/RWA/sections/I", { anonymous: "sign-in", focalRwa: 200, reviewer: 403, admin: 403 }],
  ["/countries/QAT/sections/I", { anonymous: "sign-in", focalRwa: 404, reviewer: 403, admin: 403 }],
  [
    "/countries/RWA/sections/XI",
    { anonymous: "sign-in", focalRwa: 404, reviewer: 403, admin: 403 },
  ],
  ["/countries/RWA/review", { anonymous: "sign-in", focalRwa: 200, reviewer: 403, admin: 403 }],
  ["/countries/QAT/review", { anonymous: "sign-in", focalRwa: 404, reviewer: 403, admin: 403 }],
  ["/review", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  ["/review/RWA", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  ["/review/XXX", { anonymous: "sign-in", focalRwa: 403, reviewer: 404, admin: 404 }],
  ["/review/compare", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  ["/review/RWA/rounds", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  ["/review/XXX/rounds", { anonymous: "sign-in", focalRwa: 403, reviewer: 404, admin: 404 }],
  // The file Rwanda's seeded response was imported from; one that does not exist; Rwanda's file
  // asked for under another country.
  [
    "/review/RWA/source/:rwaSource",
    { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 },
  ],
  ["/review/RWA/source/none", { anonymous: "sign-in", focalRwa: 403, reviewer: 404, admin: 404 }],
  [
    "/review/QAT/source/:rwaSource",
    { anonymous: "sign-in", focalRwa: 403, reviewer: 404, admin: 404 },
  ],
  [
    "/review/questions?key=q8_strategy_features",
    { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 },
  ],
  ["/admin/events", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/emails", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/imports", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/rounds", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/rounds/2020", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/rounds/not-a-round", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 404 }],
  ["/admin/invitations", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  [
    "/admin/invitations/not-a-batch",
    { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 404 },
  ],
  ["/exports?format=csv", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  [
    "/exports?format=json&status=DRAFT",
    { anonymous: "sign-in", focalRwa: 403, reviewer: 400, admin: 400 },
  ],
  ["/print/RWA", { anonymous: "sign-in", focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/print/QAT", { anonymous: "sign-in", focalRwa: 404, reviewer: 200, admin: 200 }],
  ["/published", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/published/RWA", { anonymous: 404, focalRwa: 404, reviewer: 404, admin: 404 }],
  ["/countries/RWA", { anonymous: "sign-in", focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/countries/QAT", { anonymous: "sign-in", focalRwa: 404, reviewer: 200, admin: 200 }],
  ["/countries/rwa", { anonymous: "sign-in", focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/countries/XXX", { anonymous: "sign-in", focalRwa: 404, reviewer: 404, admin: 404 }],
  ["/admin/users", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/users/new", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/admin/users/:someUser", { anonymous: "sign-in", focalRwa: 403, reviewer: 403, admin: 200 }],
  ["/api-reference", { anonymous: "sign-in", focalRwa: 403, reviewer: 200, admin: 200 }],
  // The read API takes a bearer token only: a session cookie, whoever's, gets 401 (no redirect).
  ["/api/v1/rounds", { anonymous: 401, focalRwa: 401, reviewer: 401, admin: 401 }],
  ["/api/v1/responses?round=2020", { anonymous: 401, focalRwa: 401, reviewer: 401, admin: 401 }],
  ["/api/v1/responses/RWA", { anonymous: 401, focalRwa: 401, reviewer: 401, admin: 401 }],
  ["/api/v1/rounds/2020", { anonymous: 401, focalRwa: 401, reviewer: 401, admin: 401 }],
  ["/api/v1/long", { anonymous: 401, focalRwa: 401, reviewer: 401, admin: 401 }],
  ["/api/v1/openapi.json", { anonymous: 200, focalRwa: 200, reviewer: 200, admin: 200 }],
  ["/api/v1/no-such-path", { anonymous: 404, focalRwa: 404, reviewer: 404, admin: 404 }],
];

for (const [path, expected] of pages) {
  test(`GET ${path}`, async () => {
    const url = path.replace(":someUser", someUser.id).replace(":rwaSource", rwaSource);
    for (const who of Object.keys(expected) as Who[]) {
      const response = await contexts[who].get(url, { maxRedirects: 0 });
      expect(await outcome(response), `${who} GET ${url}`).toBe(expected[who]);
    }
  });
}

const sameOrigin = { Origin: ORIGIN };

test("forged form posts to admin actions are refused and change nothing", async () => {
  const email = `forged.${Date.now()}@example.org`;
  const invite = { email, role: "ADMIN", countries: "RWA" };
  for (const who of ["focalRwa", "reviewer"] as const) {
    const response = await contexts[who].post("/admin/users/new", {
      form: invite,
      headers: sameOrigin,
      maxRedirects: 0,
    });
    expect(response.status(), who).toBe(403);
    const deactivate = await contexts[who].post(`/admin/users/${someUser.id}`, {
      form: { intent: "deactivate" },
      headers: sameOrigin,
      maxRedirects: 0,
    });
    expect(deactivate.status(), who).toBe(403);
  }
  const anonymous = await contexts.anonymous.post("/admin/users/new", {
    form: invite,
    headers: sameOrigin,
    maxRedirects: 0,
  });
  expect(await outcome(anonymous)).toBe("sign-in");
  expect(await prisma.user.count({ where: { email } })).toBe(0);
  expect(
    (await prisma.user.findUnique({ where: { id: someUser.id }, select: { active: true } }))
      ?.active,
  ).toBe(true);
});

test("a focal point cannot reach another country by a forged post either", async () => {
  const save = { intent: "save", base: "0", q1_national_portal: "forged" };
  for (const path of [
    "/countries/QAT/sections/I",
    "/countries/QAT/sections/I/autosave",
    "/countries/QAT/review",
  ]) {
    const response = await contexts.focalRwa.post(path, {
      form: save,
      headers: sameOrigin,
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(404);
  }
  const qatar = await prisma.response.findFirst({
    where: { countryCode: "QAT" },
    select: { answers: true },
  });
  expect((qatar?.answers as Record<string, unknown> | undefined)?.q1_national_portal).not.toBe(
    "forged",
  );
});

test("a focal point cannot reach any reviewer page or action", async () => {
  for (const [path, form] of [
    ["/review/RWA", { intent: "accept" }],
    ["/review/RWA", { intent: "comment", body: "x" }],
    ["/review", { intent: "remind-shown", shown: "RWA" }],
    ["/review", { intent: "deadline", deadline: "2030-01-01" }],
  ] as const) {
    const response = await contexts.focalRwa.post(path, {
      form,
      headers: sameOrigin,
      maxRedirects: 0,
    });
    expect(response.status(), `${path} ${form.intent}`).toBe(403);
  }
});

test("cross-origin and origin-less posts are refused", async () => {
  const form = { email: someUser.email, password: someUser.password };
  const crossSite = await contexts.anonymous.post("/sign-in", {
    form,
    headers: { Origin: "https://evil.example.org" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toBe("Cross-site request refused.");
  const nullOrigin = await contexts.anonymous.post("/sign-in", {
    form,
    headers: { Origin: "null" },
    maxRedirects: 0,
  });
  expect(nullOrigin.status()).toBe(403);
  const noOrigin = await contexts.anonymous.post("/sign-in", { form, maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);
  const refererOnly = await contexts.anonymous.post("/sign-in", {
    form,
    headers: { Referer: `${ORIGIN}/sign-in` },
    maxRedirects: 0,
  });
  expect(refererOnly.status()).toBe(302);
});

test("an oversized body is refused with 413", async () => {
  const response = await contexts.admin.post("/admin/users/new", {
    headers: { ...sameOrigin, "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(4 * 1024 * 1024)}`,
  });
  expect(response.status()).toBe(413);
});

test("a deactivated user's session cookie is refused", async () => {
  const user = await createUser("REVIEWER");
  const cookie = await sessionCookieFor(user);
  await prisma.user.update({ where: { id: user.id }, data: { active: false } });
  const context = await playwrightRequest.newContext({
    baseURL: ORIGIN,
    extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
  });
  const response = await context.get("/countries", { maxRedirects: 0 });
  expect(await outcome(response)).toBe("sign-in");
  await context.dispose();
});
