import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import { updateUserAccess } from "~/models/user.server";
import { ACCESS_DENIED, MAX_PER_MINUTE, recordAccessDenied } from "./access-denied.server";
import { requireAdmin, requireFocalPointFor } from "./guards.server";
import { hashPassword } from "./password.server";
import { readSession, startSession } from "./session.server";

afterAll(() => prisma.$disconnect());

async function signedIn(role: Role, countries: string[] = []) {
  const user = await prisma.user.create({
    data: {
      email: `sec.${randomBytes(4).toString("hex")}@test.example.org`,
      role,
      passwordHash: await hashPassword("a secret passphrase"),
      countries: { create: countries.map((countryCode) => ({ countryCode })) },
    },
    select: { id: true },
  });
  const cookie = (await startSession(user.id)).split(";")[0]!;
  const request = (path: string, method = "GET") =>
    new Request(`http://localhost${path}`, { method, headers: { Cookie: cookie } });
  return { id: user.id, request };
}

const deniedEvents = (actorId: string) =>
  prisma.event.findMany({
    where: { kind: ACCESS_DENIED, actorId },
    select: { countryCode: true, data: true },
    orderBy: { at: "asc" },
  });

async function refusal(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("the guard let the request through");
}

describe("access denied", () => {
  it("is recorded when a guard refuses: who, what, where, without the query string", async () => {
    const reviewer = await signedIn("REVIEWER");
    const refused = await refusal(
      requireAdmin(reviewer.request("/admin/users?token=secret-in-query", "POST")),
    );
    expect(refused.status).toBe(403);
    const focal = await signedIn("FOCAL_POINT", ["RWA"]);
    const request = focal.request("/countries/KEN/sections/I");
    const session = (await readSession(request))!;
    expect((await refusal(requireFocalPointFor(request, undefined, "KEN", session))).status).toBe(
      404,
    );

    expect(await deniedEvents(reviewer.id)).toEqual([
      {
        countryCode: null,
        data: {
          method: "POST",
          path: "/admin/users",
          status: 403,
          reason: "role",
          role: "REVIEWER",
        },
      },
    ]);
    expect(await deniedEvents(focal.id)).toEqual([
      {
        countryCode: "KEN",
        data: {
          method: "GET",
          path: "/countries/KEN/sections/I",
          status: 404,
          reason: "country",
          role: "FOCAL_POINT",
        },
      },
    ]);
    expect(JSON.stringify(await deniedEvents(reviewer.id))).not.toContain("secret");
  });

  it("is recorded once per person and path a minute, and at most a few a minute per person", async () => {
    const reviewer = await signedIn("REVIEWER");
    const user = (await readSession(reviewer.request("/")))!.user;
    const deny = (path: string, now?: Date) =>
      recordAccessDenied(
        { request: reviewer.request(path), user, status: 403, reason: "role" },
        now,
      );
    expect(await deny("/admin/users")).toBe(true);
    expect(await deny("/admin/users")).toBe(false);
    for (let i = 1; i < MAX_PER_MINUTE; i++) expect(await deny(`/admin/users/${i}`)).toBe(true);
    expect(await deny("/admin/users/flood")).toBe(false);
    expect(await deniedEvents(reviewer.id)).toHaveLength(MAX_PER_MINUTE);
    // A minute later the same refusal is recorded again.
    expect(await deny("/admin/users", new Date(Date.now() + 61_000))).toBe(true);
  });
});

describe("role change", () => {
  it("is its own event, with the role before and after; other access changes stay as they were", async () => {
    const admin = await signedIn("ADMIN");
    const person = await signedIn("FOCAL_POINT", ["RWA"]);
    await updateUserAccess(person.id, { role: "FOCAL_POINT", countries: ["RWA", "KEN"] }, admin.id);
    await updateUserAccess(person.id, { role: "REVIEWER", countries: [] }, admin.id);
    const events = await prisma.event.findMany({
      where: { subjectId: person.id, kind: { in: ["user.role_changed", "user.access_changed"] } },
      select: { kind: true, actorId: true, data: true },
      orderBy: { at: "asc" },
    });
    expect(events).toEqual([
      {
        kind: "user.access_changed",
        actorId: admin.id,
        data: {
          role: "FOCAL_POINT",
          countries: ["RWA", "KEN"],
          previousRole: "FOCAL_POINT",
          previousCountries: ["RWA"],
        },
      },
      {
        kind: "user.role_changed",
        actorId: admin.id,
        data: {
          role: "REVIEWER",
          countries: [],
          previousRole: "FOCAL_POINT",
          previousCountries: expect.arrayContaining(["RWA", "KEN"]),
        },
      },
    ]);
    // Never a password (or its hash) in an event.
    expect(JSON.stringify(events)).not.toMatch(/argon2|passphrase|password/i);
  });
});
