import { readdirSync, readFileSync } from "node:fs";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, sessionCookieFor, type TestUser } from "./support/users";

// Every route that exports an action, found in app/routes at test time, posted to as every role
// and anonymously. A refused post must leave the database as it was; an allowed one must not be
// refused. A new route with an action fails here until the matrix says who may post to it.
const ORIGIN = `http://localhost:${E2E_PORT}`;
const OWN = "TUV"; // a country no other end-to-end test touches
const OTHER = "NRU";
type Who = "anonymous" | "focalPoint" | "otherFocalPoint" | "reviewer" | "admin";
const EVERYONE: Who[] = ["anonymous", "focalPoint", "otherFocalPoint", "reviewer", "admin"];
/** How a refusal looks: the sign-in page, 401 (autosave's JSON), 403, or 404 (another country). */
type Refusal = "sign-in" | 401 | 403 | 404;
type Post = {
  path: string;
  form?: Record<string, string>;
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
  /** Everyone not listed is refused. */
  allowed: Who[];
  refusal: Partial<Record<Who, Refusal>>;
};

type Refusals = Post["refusal"];
const focalRefusals: Refusals = {
  anonymous: "sign-in",
  otherFocalPoint: 404,
  reviewer: 403,
  admin: 403,
};
const reviewerRefusals: Refusals = { anonymous: "sign-in", focalPoint: 403, otherFocalPoint: 403 };
const adminRefusals: Refusals = { ...reviewerRefusals, reviewer: 403 };
const signedIn: Who[] = ["focalPoint", "otherFocalPoint", "reviewer", "admin"];
const ACCESS_DENIED = "security.access_denied"; // app/auth/access-denied.server.ts
const save = { intent: "save", base: "0", q1_national_portal: "https://forged.example.org" };

let target: TestUser; // the user the administrator actions change
let threadId: string; // a reviewer's comment the focal points may reply to

/** Who may post what, by route file. Routes anyone may post to say why instead. */
const matrix: Record<string, Post[] | { open: string }> = {
  "sign-in.tsx": { open: "signing in is for the signed out; rate-limited (attacks.test.ts)" },
  "sign-out.tsx": { open: "ends the poster's own session only" },
  "sign-in_.code.tsx": {
    open: "only a session that passed the password reaches it; codes rate-limited (second-factor.test.ts)",
  },
  "forgot-password.tsx": { open: "answers the same for every address (accounts.test.ts)" },
  "invitation.$token.tsx": { open: "the random token is the credential" },
  "reset-password.$token.tsx": { open: "the random token is the credential" },
  "language.tsx": {
    open: "changes only the poster's own language (cookie, and their own account's preference)",
  },
  "account.tsx": [
    {
      path: "/account",
      form: { intent: "sign-out-everywhere" },
      allowed: signedIn,
      refusal: { anonymous: "sign-in" },
    },
    // Personal access tokens: UN DESA staff only; the server refuses focal points.
    {
      path: "/account",
      form: { intent: "create-token", name: "A forged token", lifetimeDays: "30" },
      allowed: ["reviewer", "admin"],
      refusal: reviewerRefusals,
    },
    {
      path: "/account",
      form: { intent: "revoke-token", tokenId: "not-a-token" },
      allowed: ["reviewer", "admin"],
      refusal: reviewerRefusals,
    },
  ],
  "countries.$code.sections.$section/route.tsx": [
    {
      path: `/countries/${OWN}/sections/I`,
      form: save,
      allowed: ["focalPoint"],
      refusal: focalRefusals,
    },
  ],
  "countries.$code.sections.$section.autosave.ts": [
    {
      path: `/countries/${OWN}/sections/I/autosave`,
      form: { ...save, intent: "autosave", fields: "q1_national_portal" },
      allowed: ["focalPoint"],
      refusal: { ...focalRefusals, anonymous: 401 },
    },
  ],
  "countries.$code._index/route.tsx": [
    {
      path: `/countries/${OWN}`,
      form: { intent: "reply", threadId: ":thread", body: "A forged reply" },
      allowed: ["focalPoint"],
      refusal: focalRefusals,
    },
  ],
  "countries.$code.review.tsx": [
    {
      path: `/countries/${OWN}/review`,
      form: { intent: "confirm-submit", base: "0", authorize_publication: "yes" },
      allowed: ["focalPoint"],
      refusal: focalRefusals,
    },
  ],
  "review.$code/route.tsx": ["comment", "accept", "return", "reopen"].map(
    (intent): Post => ({
      path: `/review/${OWN}`,
      form: { intent, body: "A forged comment", message: "A forged message", submission: "1" },
      allowed: intent === "reopen" ? ["admin"] : ["reviewer", "admin"],
      refusal: intent === "reopen" ? adminRefusals : reviewerRefusals,
    }),
  ),
  "review._index.tsx": [
    {
      path: "/review",
      form: { intent: "remind-shown", shown: OWN, message: "A forged reminder" },
      allowed: ["reviewer", "admin"],
      refusal: reviewerRefusals,
    },
    {
      path: "/review",
      form: { intent: "deadline", deadline: "2031-01-31" },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  "admin.users.new.tsx": [
    {
      path: "/admin/users/new",
      form: { email: "forged.invitee@test.example.org", role: "ADMIN", countries: OWN },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  "account_.second-factor.tsx": [
    {
      path: "/account/second-factor",
      form: { intent: "enrol", code: "000000", sealed: "v1.forged" },
      allowed: signedIn,
      refusal: { anonymous: "sign-in" },
    },
  ],
  "admin.users._index.tsx": [
    {
      path: "/admin/users",
      form: { staffSecondFactor: "off" },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  "admin.users.$userId.tsx": [
    "resend",
    "access",
    "deactivate",
    "reset_second_factor",
    "revoke-token",
  ].map(
    (intent): Post => ({
      path: "/admin/users/:target",
      form: { intent, role: "ADMIN", countries: OWN, tokenId: "not-a-token" },
      allowed: ["admin"],
      refusal: adminRefusals,
    }),
  ),
  "admin.imports/route.tsx": [
    { path: "/admin/imports", form: { upload: "0".repeat(64) } },
    {
      path: "/admin/imports",
      multipart: {
        file: { name: "forged.json", mimeType: "application/json", buffer: Buffer.from("{}") },
      },
    },
  ].map((post): Post => ({ ...post, allowed: ["admin"], refusal: adminRefusals })),
  "admin.invitations._index/route.tsx": [
    {
      path: "/admin/invitations",
      multipart: {
        file: {
          name: "forged.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(`country,email,name\n${OWN},forged.focal@test.example.org,F\n`),
        },
      },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  // A file that is not a definition: the administrator's post stores nothing, and is not refused.
  "admin.rounds._index/route.tsx": [
    {
      path: "/admin/rounds",
      multipart: {
        file: { name: "forged.json", mimeType: "application/json", buffer: Buffer.from("{}") },
      },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  // A round that does not exist: opening or closing it changes nothing, and is not refused.
  "admin.rounds.$roundId/route.tsx": (
    [{ intent: "open", deadline: "2030-06-30" }, { intent: "close" }] as Record<string, string>[]
  ).map(
    (form): Post => ({
      path: "/admin/rounds/not-a-round",
      form,
      allowed: ["admin"],
      refusal: adminRefusals,
    }),
  ),
  // A message that does not exist: nothing to retry (409), not refused.
  "admin.emails.tsx": [
    {
      path: "/admin/emails",
      form: { id: "not-a-message" },
      allowed: ["admin"],
      refusal: adminRefusals,
    },
  ],
  // A batch that does not exist: the administrator's post changes nothing, and is not refused.
  "admin.invitations.$batchId/route.tsx": ["confirm", "retry"].map(
    (intent): Post => ({
      path: "/admin/invitations/not-a-batch",
      form: { intent },
      allowed: ["admin"],
      refusal: adminRefusals,
    }),
  ),
};

/** The routes that export an action, by file name, read from the source now. */
/** Route modules with an action: flat files, and folders' `route.tsx` ("<folder>/route.tsx"). */
function routesWithAnAction(): string[] {
  return readdirSync("app/routes", { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? readdirSync(`app/routes/${entry.name}`)
            .filter((file) => /^route\.tsx?$/.test(file))
            .map((file) => `${entry.name}/${file}`)
        : /\.tsx?$/.test(entry.name)
          ? [entry.name]
          : [],
    )
    .filter((file) =>
      /export\s+(async\s+function|function|const)\s+action\b/.test(
        readFileSync(`app/routes/${file}`, "utf8"),
      ),
    );
}

/** The URL paths a route module answers (`$code` any segment, `_index` the parent). */
function routePattern(file: string): RegExp {
  const segments = file
    .replace(/\/route\.tsx?$|\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    // A trailing "_" (account_.second-factor) only leaves the parent's layout: not in the URL.
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? "[^/]+" : s.replace(/[^a-z0-9-]/gi, "\\$&")));
  return new RegExp(`^/${segments.join("/")}$`);
}

const users = {} as Record<Exclude<Who, "anonymous">, TestUser>;

test.beforeAll(async () => {
  users.focalPoint = await createUser("FOCAL_POINT", [OWN]);
  users.otherFocalPoint = await createUser("FOCAL_POINT", [OTHER]);
  users.reviewer = await createUser("REVIEWER");
  users.admin = await createUser("ADMIN");
  // Someone invited who has not yet chosen a password: the invitation can be sent again.
  target = await createUser("REVIEWER");
  await prisma.user.update({ where: { id: target.id }, data: { passwordHash: null } });
  // A submitted response, so the reviewers' actions have something to act on, with a comment.
  // (beforeAll runs again in a new worker after a failed test: create it once.)
  const existing = await prisma.response.findFirst({
    where: { countryCode: OWN },
    select: { comments: { where: { parentId: null }, select: { id: true }, take: 1 } },
  });
  if (existing) {
    threadId = existing.comments[0]!.id;
    return;
  }
  const response = await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: OWN,
      questionnaireVersion: 1,
      status: "SUBMITTED",
      answers: { q1_national_portal: "https://www.gov.tv" },
      fieldVersions: {},
      submittedAt: new Date(),
      submissions: {
        create: { number: 1, questionnaireVersion: 1, answers: {}, authorizePublication: false },
      },
    },
    select: { id: true },
  });
  const comment = await prisma.comment.create({
    data: {
      responseId: response.id,
      fieldKey: "q1_national_portal",
      authorId: users.reviewer.id,
      body: "Which portal?",
    },
    select: { id: true },
  });
  threadId = comment.id;
});

/** A fresh session per post: an allowed post may end the poster's sessions (account). */
async function contextFor(who: Who): Promise<APIRequestContext> {
  if (who === "anonymous") return playwrightRequest.newContext({ baseURL: ORIGIN });
  const cookie = await sessionCookieFor(users[who]);
  return playwrightRequest.newContext({
    baseURL: ORIGIN,
    extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
  });
}

// Sessions (refreshed on use), rate-limit hits and pending input (what a signed-out post keeps
// for its author, decision 008) may change on a refusal, and the event log gains the refusal
// itself (security.access_denied); nothing else may.
const WATCHED = [
  "User",
  "UserCountry",
  "OneTimeToken",
  "Round",
  "QuestionnaireDefinition",
  "Response",
  "Submission",
  "Comment",
  "Event",
  "InvitationBatch",
  "InvitationBatchRow",
  "PortalSetting",
  "RecoveryCode",
  "ApiToken",
];
/** Every watched table's rows, as JSON, by table. */
async function snapshot(): Promise<Record<string, string>> {
  const tables: Record<string, string> = {};
  for (const table of WATCHED) {
    const rows = await prisma.$queryRawUnsafe(
      table === "Event"
        ? `SELECT * FROM "Event" WHERE kind <> '${ACCESS_DENIED}' ORDER BY 1`
        : `SELECT * FROM "${table}" ORDER BY 1`,
    );
    tables[table] = JSON.stringify(rows, (_key, value: unknown) =>
      typeof value === "bigint" ? String(value) : value,
    );
  }
  return tables;
}
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  WATCHED.filter((table) => before[table] !== after[table]);

function outcomeOf(status: number, location: string | undefined): Refusal | number {
  if (status >= 300 && status < 400 && location?.startsWith("/sign-in")) return "sign-in";
  return status;
}

test("every route with an action is in the write matrix, and every entry is its route's", () => {
  const routes = routesWithAnAction();
  expect(routes.length).toBeGreaterThan(10);
  expect(
    routes.filter((file) => !(file in matrix)),
    "routes not in the matrix",
  ).toEqual([]);
  expect(
    Object.keys(matrix).filter((file) => !routes.includes(file)),
    "stale",
  ).toEqual([]);
  for (const [file, posts] of Object.entries(matrix))
    if (Array.isArray(posts))
      for (const post of posts) expect(post.path, file).toMatch(routePattern(file));
});

for (const [file, posts] of Object.entries(matrix)) {
  if (!Array.isArray(posts)) continue;
  test(`posts to ${file}: refused ones change nothing`, async () => {
    for (const post of posts) {
      const path = post.path.replace(":target", target.id);
      const form = post.form && {
        ...post.form,
        ...(post.form.threadId ? { threadId: threadId } : {}),
      };
      const label = `${path} ${post.form?.intent ?? (post.multipart ? "upload" : "")}`;
      for (const who of EVERYONE) {
        const context = await contextFor(who);
        const before = await snapshot();
        const response = await context.post(path, {
          ...(post.multipart ? { multipart: post.multipart } : { form }),
          headers: { Origin: ORIGIN },
          maxRedirects: 0,
        });
        const outcome = outcomeOf(response.status(), response.headers()["location"]);
        if (post.allowed.includes(who)) {
          // Signing out everywhere ends at the sign-in page too, having written its event.
          const refusedLooking = [401, 403, 404, "sign-in"].includes(outcome);
          if (refusedLooking)
            expect(changedTables(before, await snapshot()), `${who} ${label}: allowed`).not.toEqual(
              [],
            );
          expect(response.status(), `${who} ${label}: allowed`).toBeLessThan(500);
        } else {
          expect(outcome, `${who} ${label}: refused`).toBe(post.refusal[who]);
          expect(
            changedTables(before, await snapshot()),
            `${who} ${label}: tables changed`,
          ).toEqual([]);
        }
        await context.dispose();
      }
    }
  });
}
