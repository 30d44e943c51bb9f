import { type AppLoadContext, redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import { authenticateApiRequest, type ApiAccess } from "~/api/access.server";
import { denyAccess } from "./access-denied.server";
import { heldSession, signInAfterExpiry, signInNotice, stashInput } from "./pending-input.server";
import { readSecondStep, readSession, type ReadSession } from "./session.server";

// Every loader and action calls its own guard (a parent layout's guard does not protect its
// children: nested loaders run in parallel and resource routes skip layouts). Guards throw:
// a redirect to sign-in when nobody is signed in, 403 when the role may not, and 404 when a
// focal point asks for another country (they learn nothing, not even that it exists). Each
// refusal of a signed-in person is recorded in the event log (access-denied.server.ts).

export type Guarded = ReadSession;

export async function getOptionalUser(request: Request, context?: AppLoadContext) {
  return (await readSession(request, context))?.user ?? null;
}

/** Where the request was going, to come back to after signing in or enrolling. */
function returnPath(request: Request): string {
  const url = new URL(request.url);
  return request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
}

/**
 * Anyone signed in. A session still waiting for its second step goes to the code page; staff
 * without a second factor, while administrators require one, go to enrol it before anything
 * else (`enrolling`: only the enrolment page itself and signing out let them through).
 */
export async function requireUser(
  request: Request,
  context?: AppLoadContext,
  options: { enrolling?: boolean } = {},
): Promise<Guarded> {
  const session = await readSession(request, context);
  const redirectTo = returnPath(request);
  if (!session) {
    if (await readSecondStep(request, context))
      throw redirect(`/sign-in/code?${new URLSearchParams({ redirectTo })}`);
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo })}`);
  }
  if (session.enrolmentNeeded && !options.enrolling)
    throw redirect(`/account/second-factor?${new URLSearchParams({ redirectTo })}`);
  return session;
}

/** The code page: a session that has passed the password and waits for its second step. */
export async function requireSecondStep(request: Request, context?: AppLoadContext) {
  const session = await readSecondStep(request, context);
  if (session) return session;
  // Signed in already (or never): the code page has nothing to ask.
  throw redirect((await readSession(request, context)) ? "/" : "/sign-in");
}

/**
 * requireUser for a form post that must not lose what the person typed: when the session has
 * expired, the post's fields are kept (pending-input.server.ts) and the redirect to sign-in
 * says so; after signing in, the same page shows them in place.
 */
export async function requireUserKeepingInput(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
): Promise<Guarded> {
  const held = await heldSession(request); // before readSession (see pending-input.server.ts)
  const session = await readSession(request, context);
  if (session) return session;
  const stash = await stashInput(request, context, formData, held);
  const path = new URL(request.url).pathname;
  throw redirect(signInAfterExpiry(path, signInNotice(stash, request)), {
    headers: stash.kept ? { "Set-Cookie": stash.cookie } : undefined,
  });
}

export async function requireRole(
  request: Request,
  context: AppLoadContext | undefined,
  roles: readonly Role[],
): Promise<Guarded> {
  const session = await requireUser(request, context);
  if (!roles.includes(session.user.role))
    throw await denyAccess({ request, user: session.user, status: 403, reason: "role" });
  return session;
}

export const requireAdmin = (request: Request, context?: AppLoadContext) =>
  requireRole(request, context, ["ADMIN"]);

/** Reviewers and administrators: read and review every response. */
export const requireReviewer = (request: Request, context?: AppLoadContext) =>
  requireRole(request, context, ["REVIEWER", "ADMIN"]);

/** May see the country's response: its focal points, reviewers and administrators. */
export async function requireCountryReader(
  request: Request,
  context: AppLoadContext | undefined,
  countryCode: string | undefined,
): Promise<Guarded & { countryCode: string }> {
  const session = await requireUser(request, context);
  const code = (countryCode ?? "").toUpperCase();
  if (session.user.role !== "FOCAL_POINT") {
    const exists = await prisma.country.findUnique({ where: { code }, select: { code: true } });
    if (!exists) throw new Response("Not found", { status: 404 });
    return { ...session, countryCode: code };
  }
  return requireFocalPointFor(request, context, code, session);
}

/** May edit the country's response: only that country's own focal points. */
export async function requireFocalPointFor(
  request: Request,
  context: AppLoadContext | undefined,
  countryCode: string | undefined,
  known?: Guarded,
): Promise<Guarded & { countryCode: string }> {
  const session = known ?? (await requireUser(request, context));
  const code = (countryCode ?? "").toUpperCase();
  if (session.user.role !== "FOCAL_POINT")
    throw await denyAccess({ request, user: session.user, status: 403, reason: "role" });
  if (!session.user.countries.includes(code)) {
    const denied = { request, user: session.user, status: 404, reason: "country" } as const;
    throw await denyAccess({ ...denied, countryCode: code });
  }
  return { ...session, countryCode: code };
}

/**
 * The read API (/api/v1): a personal access token in `Authorization: Bearer …`, never a
 * session cookie; counted against the token's rate limit. Throws an RFC 9457 problem (401
 * without a valid token, 403 when its owner may not use it, 429 over the limit).
 */
export const requireApiToken = (request: Request): Promise<ApiAccess> =>
  authenticateApiRequest(request);
