import type { AppLoadContext } from "@remix-run/node";
import { Lucia, TimeSpan } from "lucia";
import { secureCookies } from "~/env.server";
import type { Role } from "~/generated/prisma/enums";
import { prismaSessionAdapter } from "./lucia-adapter.server";

// Every call into lucia lives in this file, so the session layer can change in one place.
// Sessions are database rows; the cookie holds only a random id.
//
// Policy (ASVS 3.3.2, level 2): a session ends 30 minutes after its last request (idle) and
// 12 hours after sign-in (absolute), whichever comes first; `expiresAt` holds that moment.
// Each request moves it on, written at most once a minute. We check expiry ourselves instead
// of lucia's validateSession, which deletes an expired row: expired rows stay (a scheduled
// clean-up removes them a day later) so a post kept after expiry (pending input) can be told
// from one with a forged cookie.

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  /** The language the user chose (a Locale), or null. */
  locale: string | null;
  /** ISO codes of the countries a focal point answers for. */
  countries: string[];
  /** An authenticator app is enrolled: signing in takes its code too. */
  secondFactor: boolean;
};

/**
 * A signed-in session, and whether the person must enrol a second factor before anything else
 * (staff, while administrators require it). A session whose second step is still to come is not
 * signed in (readSession gives null; readSecondStep gives it to the code page).
 */
export type ReadSession = { user: SessionUser; sessionId: string; enrolmentNeeded: boolean };

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A request moves the idle deadline on only when it would move by more than this. */
const REFRESH_STEP_MS = 60 * 1000;

const lucia = new Lucia(prismaSessionAdapter, {
  sessionExpiresIn: new TimeSpan(SESSION_IDLE_MS / 1000, "s"),
  sessionCookie: {
    // Over https the __Host- prefix makes the browser refuse the cookie unless it is Secure,
    // for Path=/ and set by this host itself (no Domain): a sibling subdomain cannot plant one.
    name: secureCookies ? "__Host-msq_session" : "msq_session",
    expires: true,
    attributes: { secure: secureCookies, sameSite: "lax", path: "/" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<SessionUser, "id"> & { staffSecondFactor: boolean };
    DatabaseSessionAttributes: { createdAt: Date; secondFactorAt: Date | null };
  }
}

export const SESSION_COOKIE_NAME = lucia.sessionCookieName;

/** The session id the request's cookie names (valid, expired or unknown), or null. */
export function sessionIdFromCookie(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * Starts a new session (a new id at every sign-in and at its second step) and returns its
 * Set-Cookie value. `secondFactorAt`: when the second step was passed (none yet by default).
 */
export async function startSession(
  userId: string,
  options: { secondFactorAt?: Date } = {},
): Promise<string> {
  const session = await lucia.createSession(userId, {
    createdAt: new Date(),
    secondFactorAt: options.secondFactorAt ?? null,
  });
  return lucia.createSessionCookie(session.id).serialize();
}

/**
 * The signed-in user, or null. An expired, unknown or deactivated user's session is refused.
 * When the session's deadline moved on, the refreshed cookie is handed to the server (context);
 * the response is marked not to be cached.
 */
export async function readSession(
  request: Request,
  context?: AppLoadContext,
): Promise<ReadSession | null> {
  const session = await validateOnce(request, context);
  return session && !session.codeNeeded ? session : null;
}

/** A session that has passed the password and still needs its second step, or null. */
export async function readSecondStep(
  request: Request,
  context?: AppLoadContext,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const session = await validateOnce(request, context);
  return session?.codeNeeded ? session : null;
}

function validateOnce(request: Request, context?: AppLoadContext) {
  // The root loader and the route's own loader both ask: validate once per request (the load
  // context is one object per request; the Request object is not shared between loaders).
  const key = context ?? request;
  let session = sessionsOfRequests.get(key);
  if (!session) {
    session = validate(request, context);
    sessionsOfRequests.set(key, session);
  }
  return session;
}

const sessionsOfRequests = new WeakMap<object, ReturnType<typeof validate>>();

/** When a session that was last used now, and started at `createdAt`, ends. */
export function sessionDeadline(createdAt: Date, now = Date.now()): Date {
  return new Date(Math.min(now + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

async function validate(
  request: Request,
  context?: AppLoadContext,
): Promise<(ReadSession & { codeNeeded: boolean }) | null> {
  const sessionId = sessionIdFromCookie(request);
  if (!sessionId) return null;
  const [session, user] = await prismaSessionAdapter.getSessionAndUser(sessionId);
  if (!session || !user) return null;
  const now = Date.now();
  const createdAt = session.attributes.createdAt;
  const end = Math.min(session.expiresAt.getTime(), createdAt.getTime() + SESSION_ABSOLUTE_MS);
  if (end <= now) return null; // expired: the row stays, see above
  const { staffSecondFactor, ...attributes } = user.attributes;
  if (!attributes.active) {
    await lucia.invalidateUserSessions(user.id);
    return null;
  }
  context?.noStore?.();
  const deadline = sessionDeadline(createdAt, now);
  if (deadline.getTime() - session.expiresAt.getTime() > REFRESH_STEP_MS) {
    await prismaSessionAdapter.updateSessionExpiration(session.id, deadline);
    context?.setCookie?.(lucia.createSessionCookie(session.id).serialize());
  }
  const codeNeeded = attributes.secondFactor && session.attributes.secondFactorAt === null;
  const enrolmentNeeded =
    !attributes.secondFactor && attributes.role !== "FOCAL_POINT" && staffSecondFactor;
  return {
    user: { ...attributes, id: user.id },
    sessionId: session.id,
    codeNeeded,
    enrolmentNeeded,
  };
}

/** Ends the request's session; returns the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = sessionIdFromCookie(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user: "sign out everywhere", deactivation, password change. */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends one session by its id (the half session replaced at the second step). */
export async function endSessionById(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId);
}
