import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { prisma } from "~/db.server";
import { secureCookies } from "~/env.server";
import { SESSION_COOKIE_NAME } from "./session.server";

// When a session has expired, a form post is not thrown away: its fields are kept for a day
// under a random id that only this browser holds (an HttpOnly cookie). After signing in again
// the same page takes them back and shows them in place. The page's own guard decides whether
// the signed-in person may see them.
//
// Storage is not open to anyone: input is kept only for a post that carried the cookie of a real
// session (a row in Session, expired or not), up to MAX_BYTES, and a few rows per person and per
// client address. Rows older than a day are deleted by the housekeeping (models/housekeeping).

const COOKIE = secureCookies ? "__Host-msq_pending" : "msq_pending"; // as the session cookie
export const PENDING_INPUT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * The most text kept for one post. An honest section is far below it: the largest has five long
 * answers of 250 words (about 2,000 characters each, 6 KB in a 3-byte script).
 */
export const MAX_BYTES = 256 * 1024;
/** Live rows per person: each post replaces the browser's cookie, so older ones are superseded. */
export const MAX_PER_USER = 5;
/** Live rows per client address: an office behind one address holds several people. */
export const MAX_PER_ADDRESS = 20;

/** The session the post's cookie names, if it is a real one (expired or not). */
export type HeldSession = { userId: string };

/** What happened to the input, for the sign-in page to tell the person. */
export type StashResult =
  | { kept: true; cookie: string }
  | { kept: false; reason: "too-large" | "too-many" | "no-session" };

/**
 * Whose session the post's cookie names. Read it before readSession: lucia deletes an expired
 * session's row as it refuses it, and the expired ones are those whose input is worth keeping.
 */
export async function heldSession(request: Request): Promise<HeldSession | null> {
  const id = cookie(request, SESSION_COOKIE_NAME);
  if (!id) return null;
  return prisma.session.findUnique({ where: { id }, select: { userId: true } });
}

/** Keeps the post's text fields when the limits allow; the Set-Cookie that remembers them. */
export async function stashInput(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
  held: HeldSession | null,
): Promise<StashResult> {
  if (!held) return { kept: false, reason: "no-session" };
  const entries = [...formData.entries()].filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  if (Buffer.byteLength(JSON.stringify(entries)) > MAX_BYTES)
    return { kept: false, reason: "too-large" };
  const clientAddress = context.clientAddress ?? "unknown";
  const since = new Date(Date.now() - PENDING_INPUT_MAX_AGE_MS);
  // Check-then-act: parallel posts from one address may pass the count together; the overshoot
  // is bounded by how many requests one client has in flight, each within MAX_BYTES.
  const fromAddress = await prisma.pendingInput.count({
    where: { clientAddress, createdAt: { gt: since } },
  });
  if (fromAddress >= MAX_PER_ADDRESS) return { kept: false, reason: "too-many" };
  const id = randomBytes(24).toString("base64url");
  await prisma.pendingInput.create({
    data: {
      id,
      path: new URL(request.url).pathname,
      formData: entries,
      userId: held.userId,
      clientAddress,
    },
  });
  // The person's older input is superseded (this browser's cookie now names the new one).
  const superseded = await prisma.pendingInput.findMany({
    where: { userId: held.userId, id: { not: id } },
    select: { id: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: MAX_PER_USER - 1,
  });
  if (superseded.length > 0)
    await prisma.pendingInput.deleteMany({ where: { id: { in: superseded.map((r) => r.id) } } });
  return { kept: true, cookie: setCookie(id, PENDING_INPUT_MAX_AGE_MS / 1000) };
}

/** The sign-in page's notice: `input=kept` or `input=lost` (nothing for an anonymous post). */
export function signInNotice(result: StashResult, request: Request): "kept" | "lost" | null {
  if (result.kept) return "kept";
  if (result.reason === "no-session" && !cookie(request, SESSION_COOKIE_NAME)) return null;
  return "lost";
}

/** The sign-in page to send the person to, telling it whether their input was kept. */
export function signInAfterExpiry(path: string, notice: "kept" | "lost" | null): string {
  const params = new URLSearchParams({ redirectTo: path });
  if (notice) params.set("input", notice);
  return `/sign-in?${params}`;
}

/** The input kept for this page, once (it is deleted as it is read), and the cookie to clear. */
export async function takePendingInput(
  request: Request,
): Promise<{ formData: FormData; clearCookie: string } | null> {
  const id = cookie(request, COOKIE);
  if (!id) return null;
  const path = new URL(request.url).pathname;
  const row = await prisma.pendingInput.findUnique({
    where: { id },
    select: { path: true, formData: true, createdAt: true },
  });
  if (!row || row.path !== path) return null;
  await prisma.pendingInput.deleteMany({ where: { id } });
  if (row.createdAt.getTime() < Date.now() - PENDING_INPUT_MAX_AGE_MS) return null;
  const formData = new FormData();
  for (const [key, value] of row.formData as [string, string][]) formData.append(key, value);
  return { formData, clearCookie: setCookie("", 0) };
}

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return /^[A-Za-z0-9_-]+$/.test(value.join("=")) ? value.join("=") : null;
  }
  return null;
}

const setCookie = (value: string, maxAge: number) =>
  `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies ? "; Secure" : ""}`;
