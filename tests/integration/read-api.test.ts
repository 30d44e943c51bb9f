import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_RATE_LIMIT } from "~/api/access.server";
import {
  authenticateToken,
  createApiToken,
  LAST_USE_STEP_MS,
  revokeApiToken,
  TokenError,
} from "~/api/tokens.server";
import { hashToken } from "~/auth/tokens.server";
import { startSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { forgetCurrentRound } from "~/models/round.server";
import type { QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { fixtureQuestionnaire } from "~/results/fixture.test-helper";
import { action as accountAction } from "~/routes/account";
import { loader as unknownPath } from "~/routes/api.v1.$";
import { loader as longLoader } from "~/routes/api.v1.long";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as countryLoader } from "~/routes/api.v1.responses.$country";
import { loader as responsesLoader } from "~/routes/api.v1.responses._index";
import { loader as roundLoader } from "~/routes/api.v1.rounds.$round";
import { loader as roundsLoader } from "~/routes/api.v1.rounds._index";
import { storeDefinition } from "~/rounds/rounds.server";
import { openApiProblems } from "../support/openapi-check";

// The read API against the real database: personal access tokens (made, used, expired,
// revoked, refused to focal points), cookies that authenticate nothing, paging that gives every
// response once while responses change between pages, ETags, the per-token rate limit, and every
// answer checked against the OpenAPI document the API serves. A closed round of its own holds
// the responses; everything is deleted at the end.

const ROUND = "2012-api";
const DOMAIN = "@read-api.test.example.org";
const COUNTRIES = ["ALB", "AND", "ARM", "AUT", "BEL", "BGR", "CAN", "DNK", "EST"];
const LATE = "FIN"; // a response submitted while a listing is being paged

type Loader = (args: LoaderFunctionArgs) => unknown;
type Answer = { status: number; headers: Headers; body: unknown };

async function cleanUp() {
  await prisma.response.deleteMany({ where: { roundId: ROUND } });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: ROUND } });
  await prisma.round.deleteMany({ where: { id: ROUND } });
  await prisma.user.deleteMany({ where: { email: { endsWith: DOMAIN } } });
  await prisma.rateLimitHit.deleteMany({ where: { key: { startsWith: "api:token:" } } });
  forgetCurrentRound();
}

async function newUser(role: "REVIEWER" | "ADMIN" | "FOCAL_POINT", countries: string[] = []) {
  return prisma.user.create({
    data: {
      email: `${role.toLowerCase()}.${Math.random().toString(36).slice(2, 10)}${DOMAIN}`,
      role,
      countries: { create: countries.map((countryCode) => ({ countryCode })) },
    },
    select: { id: true, role: true, email: true },
  });
}

async function respond(code: string, status = "SUBMITTED", answers: object = { has_cio: "yes" }) {
  return prisma.response.create({
    data: {
      roundId: ROUND,
      countryCode: code,
      status: status as "SUBMITTED",
      questionnaireVersion: 1,
      // The working copy differs from the submission: the API must never give it.
      answers: { ...answers, cio_name: "A DRAFT NEVER SUBMITTED" },
      fieldVersions: {},
      authorizePublication: true,
      submittedAt: new Date(),
      acceptedAt: status === "ACCEPTED" ? new Date() : null,
      submissions: {
        create: { number: 1, questionnaireVersion: 1, answers, authorizePublication: true },
      },
    },
    select: { id: true },
  });
}

/** A GET to a loader as the server would make it; a thrown Response is the answer too. */
async function get(
  loader: Loader,
  path: string,
  headers: Record<string, string> = {},
  params: Record<string, string> = {},
): Promise<Answer> {
  const request = new Request(`http://localhost${path}`, { headers });
  let response: Response;
  try {
    response = (await loader({ request, params, context: {} as AppLoadContext })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

/** The answer, checked against the OpenAPI document for its operation. */
async function api(
  template: string,
  loader: Loader,
  path: string,
  headers: Record<string, string> = {},
  params: Record<string, string> = {},
): Promise<Answer> {
  const answer = await get(loader, path, headers, params);
  expect(
    openApiProblems(template, answer.status, answer.headers.get("Content-Type"), answer.body),
    `${path} ${answer.status}`,
  ).toEqual([]);
  return answer;
}

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
let reviewer: { id: string; role: "REVIEWER" | "ADMIN" | "FOCAL_POINT"; email: string };
let secret = "";

beforeAll(async () => {
  await cleanUp();
  const definition = { ...fixtureQuestionnaire, round: ROUND };
  await storeDefinition(definition as unknown as QuestionnaireDefinition, null);
  await prisma.round.update({
    where: { id: ROUND },
    data: { status: "CLOSED", openedAt: new Date("2012-01-01"), closedAt: new Date("2012-12-31") },
  });
  for (const code of COUNTRIES) await respond(code);
  await respond("GRC", "DRAFT"); // a draft with a submission's row would still not be given
  reviewer = await newUser("REVIEWER");
  secret = (await createApiToken(reviewer, { name: "tests", lifetimeDays: 30 })).secret;
});

afterAll(async () => {
  await cleanUp();
  await prisma.$disconnect();
});

describe("a personal access token", () => {
  it("is shown once, kept only as its SHA-256, and its creation is in the event log", async () => {
    const user = await newUser("REVIEWER");
    const { secret: mine, token } = await createApiToken(user, { name: "R", lifetimeDays: 365 });
    expect(mine).toMatch(/^msq_pat_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashToken(mine));
    expect(JSON.stringify(row)).not.toContain(mine.slice(12));
    expect(row.prefix).toBe(mine.slice(0, 12));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(365 * 24 * 3600 * 1000);
    const event = await prisma.event.findFirst({
      where: { kind: "user.api_token_created", subjectId: user.id },
    });
    expect(event?.data).toMatchObject({ tokenId: token.id, name: "R" });
    expect(JSON.stringify(event)).not.toContain(mine.slice(12));
  });

  it("lives at most a year, and focal points get none (the server refuses)", async () => {
    const user = await newUser("REVIEWER");
    await expect(createApiToken(user, { name: "x", lifetimeDays: 366 })).rejects.toThrow(
      TokenError,
    );
    const focal = await newUser("FOCAL_POINT", ["ALB"]);
    await expect(createApiToken(focal, { name: "x", lifetimeDays: 30 })).rejects.toThrow(
      TokenError,
    );
    // Through the account page's action too, whatever the form says.
    const cookie = (await startSession(focal.id)).split(";")[0]!;
    const form = new URLSearchParams({ intent: "create-token", name: "x", lifetimeDays: "30" });
    const request = new Request("http://localhost/account", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    const refused = await accountAction({ request, params: {}, context: {} as AppLoadContext })
      .then(() => null)
      .catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await prisma.apiToken.count({ where: { userId: focal.id } })).toBe(0);
  });

  it("is made on the account page by a reviewer, shown in the action's answer once", async () => {
    const user = await newUser("REVIEWER");
    const cookie = (await startSession(user.id)).split(";")[0]!;
    const form = new URLSearchParams({
      intent: "create-token",
      name: "Laptop",
      lifetimeDays: "90",
    });
    const request = new Request("http://localhost/account", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    const result = (await accountAction({
      request,
      params: {},
      context: {} as AppLoadContext,
    })) as {
      data: { kind: string; secret?: string };
    };
    expect(result.data.kind).toBe("created");
    const made = result.data.secret!;
    expect((await get(roundsLoader, "/api/v1/rounds", bearer(made))).status).toBe(200);
  });

  it("works, records its last use at most once a minute, then stops when expired", async () => {
    const user = await newUser("REVIEWER");
    const { secret: mine, token } = await createApiToken(user, { name: "e", lifetimeDays: 7 });
    const first = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    expect(first.status).toBe(200);
    const used = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(used.lastUsedAt).not.toBeNull();
    await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    const again = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(again.lastUsedAt).toEqual(used.lastUsedAt); // not written twice within the minute
    const later = new Date(used.lastUsedAt!.getTime() + LAST_USE_STEP_MS + 1);
    await authenticateToken(mine, later);
    const moved = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(moved.lastUsedAt).toEqual(later);

    await prisma.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date() } });
    const expired = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: "token-expired", status: 401 });
    expect(expired.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(JSON.stringify(expired.body)).not.toContain(ROUND);
  });

  it("is refused at once once revoked, and the revocation is in the event log", async () => {
    const user = await newUser("REVIEWER");
    const { secret: mine, token } = await createApiToken(user, { name: "r", lifetimeDays: 7 });
    const path = `/api/v1/responses?round=${ROUND}`;
    expect((await api("/api/v1/responses", responsesLoader, path, bearer(mine))).status).toBe(200);
    const admin = await newUser("ADMIN");
    expect(await revokeApiToken(admin.id, user.id, token.id)).toEqual({ name: "r" });
    const refused = await api("/api/v1/responses", responsesLoader, path, bearer(mine));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "token-revoked" });
    expect(JSON.stringify(refused.body)).not.toContain("ALB");
    const event = await prisma.event.findFirstOrThrow({
      where: { kind: "user.api_token_revoked", subjectId: user.id },
    });
    expect(event.actorId).toBe(admin.id);
    // Another person's token cannot be revoked through one's own id.
    const other = await createApiToken(admin, { name: "mine", lifetimeDays: 7 });
    expect(await revokeApiToken(user.id, user.id, other.token.id)).toBeNull();
  });

  it("stops working when its owner becomes a focal point (403) or is deactivated (401)", async () => {
    const user = await newUser("REVIEWER");
    const { secret: mine } = await createApiToken(user, { name: "x", lifetimeDays: 7 });
    await prisma.user.update({ where: { id: user.id }, data: { role: "FOCAL_POINT" } });
    const forbidden = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    expect(forbidden.status).toBe(403);
    await prisma.user.update({ where: { id: user.id }, data: { role: "REVIEWER", active: false } });
    expect((await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine))).status).toBe(
      401,
    );
  });
});

describe("cookies", () => {
  it("authenticate nothing: a focal point's and a reviewer's session get 401 and no data", async () => {
    const focal = await newUser("FOCAL_POINT", ["ALB"]);
    for (const user of [focal, reviewer]) {
      const cookie = (await startSession(user.id)).split(";")[0]!;
      for (const [template, loader, path, params] of [
        ["/api/v1/responses", responsesLoader, `/api/v1/responses?round=${ROUND}`, {}],
        [
          "/api/v1/responses/{country}",
          countryLoader,
          `/api/v1/responses/ALB?round=${ROUND}`,
          { country: "ALB" },
        ],
        ["/api/v1/long", longLoader, `/api/v1/long?round=${ROUND}`, {}],
      ] as const) {
        const answer = await api(template, loader, path, { Cookie: cookie }, params);
        expect(answer.status, `${user.role} ${path}`).toBe(401);
        expect(JSON.stringify(answer.body)).not.toContain("ALB");
      }
      // A cookie beside a token adds nothing, and a malformed header is no token.
      const both = await get(roundsLoader, "/api/v1/rounds", {
        Cookie: cookie,
        Authorization: "Basic abc",
      });
      expect(both.status).toBe(401);
    }
  });
});

describe("reading", () => {
  it("lists the readable rounds and gives a round's definition", async () => {
    const rounds = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(secret));
    const ids = (rounds.body as { rounds: { id: string }[] }).rounds.map((r) => r.id);
    expect(ids).toContain(ROUND);
    const round = await api(
      "/api/v1/rounds/{round}",
      roundLoader,
      `/api/v1/rounds/${ROUND}`,
      bearer(secret),
      { round: ROUND },
    );
    expect(round.body).toMatchObject({ id: ROUND, status: "CLOSED", definition: { round: ROUND } });
    const missing = await api(
      "/api/v1/rounds/{round}",
      roundLoader,
      "/api/v1/rounds/1900",
      bearer(secret),
      { round: "1900" },
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toContain("application/problem+json");
  });

  it("gives one country's submissions, never its working copy", async () => {
    const answer = await api(
      "/api/v1/responses/{country}",
      countryLoader,
      `/api/v1/responses/alb?round=${ROUND}`,
      bearer(secret),
      { country: "alb" },
    );
    expect(answer.status).toBe(200);
    const body = answer.body as { country: string; submissions: { answers: object }[] };
    expect(body.country).toBe("ALB");
    expect(body.submissions).toHaveLength(1);
    expect(body.submissions[0]!.answers).toMatchObject({ has_cio: "yes", cio_name: null });
    expect(JSON.stringify(body)).not.toContain("A DRAFT NEVER SUBMITTED");
    const draft = await api(
      "/api/v1/responses/{country}",
      countryLoader,
      `/api/v1/responses/GRC?round=${ROUND}`,
      bearer(secret),
      { country: "GRC" },
    );
    expect(draft.status).toBe(404);
  });

  it("gives the long format: one row per answered field", async () => {
    const answer = await api(
      "/api/v1/long",
      longLoader,
      `/api/v1/long?round=${ROUND}&limit=200`,
      bearer(secret),
    );
    const rows = (answer.body as { data: { country: string; key: string; value: unknown }[] }).data;
    expect(rows.filter((r) => r.key === "has_cio")).toHaveLength(COUNTRIES.length);
    expect(rows.every((r) => r.value !== "A DRAFT NEVER SUBMITTED")).toBe(true);
  });

  it("refuses unknown parameters, statuses and regions with a problem document", async () => {
    for (const query of [
      "statu=SUBMITTED",
      "status=DRAFT",
      "region=Atlantis",
      "limit=0",
      "round=2012-api&round=2020",
    ]) {
      const answer = await api(
        "/api/v1/responses",
        responsesLoader,
        `/api/v1/responses?${query}`,
        bearer(secret),
      );
      expect(answer.status, query).toBe(400);
    }
    const unknown = await get(unknownPath, "/api/v1/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "not-found" });
  });

  it("answers 304 to If-None-Match with the answer's own ETag", async () => {
    const path = `/api/v1/responses?round=${ROUND}`;
    const first = await api("/api/v1/responses", responsesLoader, path, bearer(secret));
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await api("/api/v1/responses", responsesLoader, path, {
      ...bearer(secret),
      "If-None-Match": `W/"other", ${etag}`,
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("ETag")).toBe(etag);
    const changed = await api("/api/v1/responses", responsesLoader, path, {
      ...bearer(secret),
      "If-None-Match": `"not-it"`,
    });
    expect(changed.status).toBe(200);
    const openapi = await get(openApiLoader, "/api/v1/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.body).toMatchObject({ openapi: "3.1.0" });
    const cached = await get(openApiLoader, "/api/v1/openapi.json", {
      "If-None-Match": openapi.headers.get("ETag")!,
    });
    expect(cached.status).toBe(304);
  });
});

describe("paging", () => {
  it("gives every response exactly once while responses change between pages", async () => {
    const seen: string[] = [];
    let path: string | null = `/api/v1/responses?round=${ROUND}&limit=2`;
    let pages = 0;
    while (path) {
      const answer = await api("/api/v1/responses", responsesLoader, path, bearer(secret));
      expect(answer.status, path).toBe(200);
      const page = answer.body as { data: { country: string }[]; next: string | null };
      seen.push(...page.data.map((r) => r.country));
      pages++;
      // Between pages: a response resubmitted, one accepted, a working copy edited, a new
      // response submitted. None may appear twice, and none that matched all along be missed.
      if (pages === 1) {
        const alb = await prisma.response.findFirstOrThrow({
          where: { roundId: ROUND, countryCode: seen[0]! },
          select: { id: true },
        });
        await prisma.submission.create({
          data: {
            responseId: alb.id,
            number: 2,
            questionnaireVersion: 1,
            answers: { has_cio: "no" },
          },
        });
        await prisma.response.updateMany({
          where: { roundId: ROUND, countryCode: { notIn: seen } },
          data: { answers: { has_cio: "edited" }, updatedAt: new Date() },
        });
      }
      if (pages === 2) {
        await prisma.response.updateMany({
          where: {
            roundId: ROUND,
            countryCode: { in: COUNTRIES.filter((c) => !seen.includes(c)) },
          },
          data: { status: "ACCEPTED", acceptedAt: new Date() },
        });
        await respond(LATE);
      }
      path = page.next;
      expect(pages).toBeLessThan(20);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((c) => c !== LATE).sort()).toEqual([...COUNTRIES].sort());
  });

  it("refuses a cursor under other filters, and one it did not make", async () => {
    const first = await get(
      responsesLoader,
      `/api/v1/responses?round=${ROUND}&limit=2`,
      bearer(secret),
    );
    const cursor = (first.body as { next_cursor: string }).next_cursor;
    const other = await api(
      "/api/v1/responses",
      responsesLoader,
      `/api/v1/responses?round=${ROUND}&limit=2&region=Europe&cursor=${cursor}`,
      bearer(secret),
    );
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ code: "cursor-mismatch" });
    const forged = await api(
      "/api/v1/responses",
      responsesLoader,
      `/api/v1/responses?round=${ROUND}&cursor=not-a-cursor`,
      bearer(secret),
    );
    expect(forged.body).toMatchObject({ code: "bad-request" });
  });
});

describe("the rate limit", () => {
  it("is per token, says what is left, and answers 429 with Retry-After when spent", async () => {
    const user = await newUser("REVIEWER");
    const { secret: mine, token } = await createApiToken(user, { name: "busy", lifetimeDays: 7 });
    const first = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    expect(first.headers.get("RateLimit-Limit")).toBe(String(API_RATE_LIMIT.max));
    expect(first.headers.get("RateLimit-Remaining")).toBe(String(API_RATE_LIMIT.max - 1));
    expect(first.headers.get("RateLimit-Policy")).toBe(`${API_RATE_LIMIT.max};w=60`);
    expect(Number(first.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
    // The rest of the minute's requests, as other server processes would have counted them.
    await prisma.rateLimitHit.createMany({
      data: Array.from({ length: API_RATE_LIMIT.max - 1 }, () => ({
        key: `api:token:${token.id}`,
        at: new Date(),
      })),
    });
    const refused = await api("/api/v1/rounds", roundsLoader, "/api/v1/rounds", bearer(mine));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: "rate-limited" });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    // Another token of the same person is not affected.
    const { secret: other } = await createApiToken(user, { name: "calm", lifetimeDays: 7 });
    expect((await get(roundsLoader, "/api/v1/rounds", bearer(other))).status).toBe(200);
  });
});
