import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  heldSession,
  MAX_BYTES,
  MAX_PER_ADDRESS,
  MAX_PER_USER,
  signInNotice,
  stashInput,
  takePendingInput,
} from "./pending-input.server";
import { SESSION_COOKIE_NAME } from "./session.server";

afterAll(() => prisma.$disconnect());

const PATH = "/countries/KEN/sections/VI";

/** A session row that expired an hour ago: the case pending input is for. */
async function expiredSession() {
  const user = await prisma.user.create({
    data: { email: `fp.${randomBytes(4).toString("hex")}@test.example.org`, role: "FOCAL_POINT" },
    select: { id: true },
  });
  const id = randomBytes(20).toString("hex");
  await prisma.session.create({
    data: { id, userId: user.id, expiresAt: new Date(Date.now() - 3_600_000) },
  });
  return { userId: user.id, cookie: `${SESSION_COOKIE_NAME}=${id}` };
}

const address = () => `192.0.2.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

function post(cookie: string | null, fields: Record<string, string> = { q14: "Typed." }) {
  const request = new Request(`http://localhost${PATH}`, {
    method: "POST",
    headers: cookie ? { Cookie: cookie } : {},
  });
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  return { request, formData };
}

async function stash(
  cookie: string | null,
  clientAddress: string,
  fields?: Record<string, string>,
) {
  const { request, formData } = post(cookie, fields);
  const context = { clientAddress } as AppLoadContext;
  const result = await stashInput(request, context, formData, await heldSession(request));
  return { result, notice: signInNotice(result, request) };
}

const rowsOf = (where: { userId?: string; clientAddress?: string }) =>
  prisma.pendingInput.count({ where });

describe("pending input", () => {
  it("is kept for a post with a real (expired) session's cookie, and given back once", async () => {
    const session = await expiredSession();
    const clientAddress = address();
    const { result, notice } = await stash(session.cookie, clientAddress);
    expect(result.kept).toBe(true);
    expect(notice).toBe("kept");
    const row = await prisma.pendingInput.findFirstOrThrow({
      where: { userId: session.userId },
      select: { path: true, clientAddress: true },
    });
    expect(row).toEqual({ path: PATH, clientAddress });

    const cookie = result.kept ? result.cookie.split(";")[0]! : "";
    const again = new Request(`http://localhost${PATH}`, { headers: { Cookie: cookie } });
    expect((await takePendingInput(again))?.formData.get("q14")).toBe("Typed.");
    expect(await takePendingInput(again)).toBeNull();
  });

  it("is not kept without a session cookie, nor for an unknown session", async () => {
    const clientAddress = address();
    expect(await stash(null, clientAddress)).toEqual({
      result: { kept: false, reason: "no-session" },
      notice: null,
    });
    // A cookie naming no session: the person is told their input was not kept.
    expect(await stash(`${SESSION_COOKIE_NAME}=nosuchsession`, clientAddress)).toEqual({
      result: { kept: false, reason: "no-session" },
      notice: "lost",
    });
    expect(await rowsOf({ clientAddress })).toBe(0);
  });

  it("is not kept over the size cap, and the person is told", async () => {
    const session = await expiredSession();
    const big = { q14: "a".repeat(MAX_BYTES) };
    expect(await stash(session.cookie, address(), big)).toEqual({
      result: { kept: false, reason: "too-large" },
      notice: "lost",
    });
    // Multi-byte text counts by its bytes: a third of the cap in characters of 3 bytes is over.
    const wide = { q14: "税".repeat(Math.ceil(MAX_BYTES / 3) + 1) };
    expect((await stash(session.cookie, address(), wide)).result.kept).toBe(false);
    expect(await rowsOf({ userId: session.userId })).toBe(0);
    // Just under the cap is kept.
    const under = { q14: "a".repeat(MAX_BYTES - 100) };
    expect((await stash(session.cookie, address(), under)).result.kept).toBe(true);
  });

  it("keeps at most a few rows per person: the newest", async () => {
    const session = await expiredSession();
    for (let i = 0; i < MAX_PER_USER + 3; i++) {
      expect((await stash(session.cookie, address(), { q14: `post ${i}` })).result.kept).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2)); // each its own createdAt
    }
    const rows = await prisma.pendingInput.findMany({
      where: { userId: session.userId },
      select: { formData: true },
    });
    expect(rows.map((r) => (r.formData as [string, string][])[0]![1]).sort()).toEqual(
      Array.from({ length: MAX_PER_USER }, (_, i) => `post ${i + 3}`),
    );
  });

  it("keeps at most a few rows per client address, then refuses", async () => {
    const clientAddress = address();
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      const session = await expiredSession();
      expect((await stash(session.cookie, clientAddress)).result.kept).toBe(true);
    }
    const session = await expiredSession();
    expect(await stash(session.cookie, clientAddress)).toEqual({
      result: { kept: false, reason: "too-many" },
      notice: "lost",
    });
    expect(await rowsOf({ clientAddress })).toBe(MAX_PER_ADDRESS);
    // Another address is not affected.
    expect((await stash(session.cookie, address())).result.kept).toBe(true);
  });
});
