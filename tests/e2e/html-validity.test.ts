import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import vnu from "vnu-jar";
import { expect, test } from "./fixtures";
import { E2E_PORT, prisma } from "./support/db";
import { createUser, sessionCookieFor } from "./support/users";

// Issue 20: every page type, as each role sees it, is valid HTML for the W3C Nu HTML Checker
// (vnu-jar, on the machine's Java). Errors fail; warnings fail too unless explained here.

const ORIGIN = `http://localhost:${E2E_PORT}`;
const COUNTRY = "RWA"; // a seeded, submitted response: its pages have content
type Who = "anonymous" | "focalPoint" | "reviewer" | "admin";

/** Warnings the checker gives that are the page being right, with the reason (none today). */
const EXPLAINED_WARNINGS: { pattern: RegExp; why: string }[] = [];

const pages: [Who, string][] = [
  ["anonymous", "/"],
  ["anonymous", "/sign-in"],
  ["anonymous", "/forgot-password"],
  ["anonymous", "/published"],
  ["anonymous", "/no-such-page"],
  ["focalPoint", `/countries/${COUNTRY}`],
  ["focalPoint", `/countries/${COUNTRY}/sections/I`],
  ["focalPoint", `/countries/${COUNTRY}/sections/VIII`],
  ["focalPoint", `/countries/${COUNTRY}/review`],
  ["focalPoint", `/print/${COUNTRY}`],
  ["focalPoint", "/account"],
  ["focalPoint", "/account/second-factor"],
  ["reviewer", "/review"],
  ["reviewer", `/review/${COUNTRY}`],
  ["reviewer", `/review/${COUNTRY}/rounds`],
  ["reviewer", "/review/questions"],
  ["reviewer", "/review/results"],
  ["reviewer", "/review/compare"],
  ["reviewer", `/print/${COUNTRY}`],
  ["reviewer", "/account"],
  ["reviewer", "/api-reference"],
  ["admin", "/admin/users"],
  ["admin", "/admin/users/new"],
  ["admin", "/admin/events"],
  ["admin", "/admin/imports"],
  ["admin", "/admin/rounds"],
  ["admin", "/admin/rounds/2020"],
  ["admin", "/admin/invitations"],
  ["admin", "/admin/emails"],
];

type Message = { type: string; subType?: string; url: string; message: string; extract?: string };

test("every page type is valid HTML for the Nu checker, as each role sees it", async () => {
  test.setTimeout(120_000);
  const contexts = {} as Record<Who, APIRequestContext>;
  contexts.anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });
  const users = {
    focalPoint: await createUser("FOCAL_POINT", [COUNTRY]),
    reviewer: await createUser("REVIEWER"),
    admin: await createUser("ADMIN"),
  };
  // A token in the reviewer's list, so that the account page's token table is checked too.
  await prisma.apiToken.create({
    data: {
      userId: users.reviewer.id,
      name: "R on a laptop",
      tokenHash: `html-validity-${users.reviewer.id}`,
      prefix: "msq_pat_Ab12",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  for (const [who, user] of Object.entries(users)) {
    const cookie = await sessionCookieFor(user);
    contexts[who as Who] = await playwrightRequest.newContext({
      baseURL: ORIGIN,
      extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
    });
  }
  const someUser = await prisma.user.findFirstOrThrow({ where: { id: users.focalPoint.id } });
  const all: [Who, string][] = [...pages, ["admin", `/admin/users/${someUser.id}`]];

  const folder = test.info().outputPath("pages");
  mkdirSync(folder, { recursive: true });
  const files = new Map<string, string>();
  for (const [i, [who, pagePath]] of all.entries()) {
    const response = await contexts[who].get(pagePath, { maxRedirects: 0 });
    const expected = pagePath === "/no-such-page" ? 404 : 200;
    expect(response.status(), `${who} ${pagePath}`).toBe(expected);
    expect(response.headers()["content-type"], `${who} ${pagePath}`).toContain("text/html");
    const file = path.join(folder, `${String(i).padStart(2, "0")}.html`);
    writeFileSync(file, await response.body());
    files.set(`file:${file}`, `${who} ${pagePath}`);
  }
  for (const context of Object.values(contexts)) await context.dispose();

  // One Java start for every page; vnu exits 1 when it reports anything, so read its JSON.
  let report = "";
  try {
    execFileSync(
      "java",
      ["-jar", vnu, "--format", "json", ...files.keys()].map((a) => a.replace(/^file:/, "")),
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
  } catch (error) {
    report = String((error as { stderr?: Buffer }).stderr ?? "");
  }
  const messages = report ? (JSON.parse(report) as { messages: Message[] }).messages : [];
  const problems = messages
    .filter((m) => m.type === "error" || (m.type === "info" && m.subType === "warning"))
    .filter((m) => m.type === "error" || !EXPLAINED_WARNINGS.some((w) => w.pattern.test(m.message)))
    .map(
      (m) =>
        `${files.get(m.url) ?? m.url}: ${m.type === "error" ? "error" : "warning"}: ${m.message} [${(m.extract ?? "").slice(0, 80)}]`,
    );
  expect(problems).toEqual([]);
  expect(files.size).toBe(all.length);
});
