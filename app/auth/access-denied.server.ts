import { findMemberState } from "~/countries";
import { prisma } from "~/db.server";
import { logEvent } from "~/models/event.server";
import type { SessionUser } from "./session.server";

// A signed-in person refused by a guard (403 for their role, 404 for another country's response)
// goes to the event log: who, which page, why. Anonymous requests are redirected to sign-in and
// recorded nowhere (nobody to name; failed sign-ins have their own events).
//
// So that a person (or a stolen session) cannot flood the log, the same person and path is
// recorded at most once a minute, and at most MAX_PER_MINUTE refusals of one person a minute:
// the count is read from the log itself (one indexed query on kind and time), so it holds across
// worker processes and servers. Parallel requests may slip a few past the check; the bound stays
// a small multiple of MAX_PER_MINUTE.

export const ACCESS_DENIED = "security.access_denied";
const WINDOW_MS = 60_000;
export const MAX_PER_MINUTE = 10;

export type AccessDenied = {
  request: Request;
  user: SessionUser;
  status: 403 | 404;
  reason: "role" | "country";
  /** The country asked for, when the refusal is about one. */
  countryCode?: string;
};

/** The response a guard throws, after the refusal is recorded (a failure to record is logged). */
export async function denyAccess(denied: AccessDenied): Promise<Response> {
  try {
    await recordAccessDenied(denied);
  } catch (error) {
    console.error("could not record an access refusal:", error);
  }
  return new Response(denied.status === 403 ? "Forbidden" : "Not found", {
    status: denied.status,
  });
}

export async function recordAccessDenied(denied: AccessDenied, now = new Date()): Promise<boolean> {
  // The path only: a query string may carry anything, and is not needed to say where.
  const path = new URL(denied.request.url).pathname.slice(0, 200);
  const mine = await prisma.event.findMany({
    where: {
      kind: ACCESS_DENIED,
      at: { gt: new Date(now.getTime() - WINDOW_MS) },
      actorId: denied.user.id,
    },
    select: { data: true },
    take: MAX_PER_MINUTE,
  });
  if (mine.length >= MAX_PER_MINUTE) return false;
  if (mine.some((e) => (e.data as { path?: string } | null)?.path === path)) return false;
  const country = denied.countryCode ? findMemberState(denied.countryCode)?.code : undefined;
  await logEvent({
    kind: ACCESS_DENIED,
    actorId: denied.user.id,
    countryCode: country ?? null,
    data: {
      method: denied.request.method,
      path,
      status: denied.status,
      reason: denied.reason,
      role: denied.user.role,
    },
  });
  return true;
}
