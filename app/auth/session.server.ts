import type { AppLoadContext } from "@remix-run/node";
import { Lucia, TimeSpan } from "lucia";
import { env } from "~/env.server";
import type { Role } from "~/generated/prisma/enums";
import { prismaSessionAdapter } from "./lucia-adapter.server";

// Every call into lucia lives in this file, so the session layer can change in one place.
// Sessions are database rows; the cookie holds only a random id. Expiry slides: lucia extends
// a session used in the second half of its 30 days, and we then re-send the cookie.

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  /** ISO codes of the countries a focal point answers for. */
  countries: string[];
};

const lucia = new Lucia(prismaSessionAdapter, {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "msq_session",
    expires: true,
    attributes: { secure: env.PUBLIC_URL.startsWith("https://"), sameSite: "lax", path: "/" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<SessionUser, "id">;
  }
}

export const SESSION_COOKIE_NAME = lucia.sessionCookieName;

/** Starts a new session (a new id at every sign-in) and returns its Set-Cookie value. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/**
 * The signed-in user, or null. An expired, unknown or deactivated user's session is refused.
 * When lucia extended the session, the refreshed cookie is handed to the server (context).
 */
export function readSession(
  request: Request,
  context?: AppLoadContext,
): Promise<{ user: SessionUser; sessionId: string } | null> {
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

async function validate(
  request: Request,
  context?: AppLoadContext,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  if (!user.active) {
    await lucia.invalidateUserSessions(user.id);
    return null;
  }
  if (session.fresh) context?.setCookie?.(lucia.createSessionCookie(session.id).serialize());
  return { user, sessionId: session.id };
}

/** Ends the request's session; returns the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
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
