import { randomBytes } from "node:crypto";
import { hashToken } from "~/auth/tokens.server";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import { logEvent } from "~/models/event.server";
import type { TokenState } from "./token-form";

// Personal access tokens for the read API (docs/decisions/025-read-api.md). A token is
// `msq_pat_` and 32 random bytes (base64url): 256 bits, so a fast hash is enough to keep it.
// The database keeps its SHA-256 only, and the token is shown once, when it is made. Reviewers
// and administrators may have tokens; focal points may not (the server refuses, whatever a form
// says), and a token whose owner has since become a focal point or been deactivated stops
// working. Creating and revoking are in the event log.

export const TOKEN_PREFIX = "msq_pat_";
/** Characters of the token shown in lists to tell tokens apart (the prefix and 4 more). */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 4;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_TOKEN_LIFETIME_DAYS = 365;
/** Active tokens per person: enough for a few machines and scripts, not an unbounded pile. */
export const MAX_ACTIVE_TOKENS = 10;
/** How often a token's last use is written: at most once a minute, not on every request. */
export const LAST_USE_STEP_MS = 60_000;

export const TOKEN_ROLES: readonly Role[] = ["REVIEWER", "ADMIN"];
export const mayHaveTokens = (role: Role) => TOKEN_ROLES.includes(role);

const tokenFields = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: TokenState;
};

export const tokenState = (
  token: { expiresAt: Date; revokedAt: Date | null },
  now = new Date(),
): TokenState => (token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : "active");

export class TokenError extends Error {
  constructor(readonly reason: "role" | "too-many" | "lifetime") {
    super(`Cannot create the token: ${reason}`);
    this.name = "TokenError";
  }
}

/** A new token for the user; its secret is returned here and never again. */
export async function createApiToken(
  user: { id: string; role: Role },
  input: { name: string; lifetimeDays: number; scope?: string },
  now = new Date(),
): Promise<{ secret: string; token: TokenSummary }> {
  if (!mayHaveTokens(user.role)) throw new TokenError("role");
  const days = input.lifetimeDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_LIFETIME_DAYS)
    throw new TokenError("lifetime");
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const token = await prisma.$transaction(async (tx) => {
    const active = await tx.apiToken.count({
      where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } },
    });
    if (active >= MAX_ACTIVE_TOKENS) throw new TokenError("too-many");
    const created = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, SHOWN_LENGTH),
        scope: input.scope ?? "read",
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        createdAt: now,
      },
      select: tokenFields,
    });
    await logEvent(
      {
        kind: "user.api_token_created",
        actorId: user.id,
        subjectId: user.id,
        data: {
          tokenId: created.id,
          name: created.name,
          prefix: created.prefix,
          scope: created.scope,
          expiresAt: created.expiresAt.toISOString(),
        },
      },
      tx,
    );
    return created;
  });
  return { secret, token: { ...token, state: tokenState(token, now) } };
}

/** A person's tokens, newest first, with their state now. */
export async function listApiTokens(userId: string, now = new Date()): Promise<TokenSummary[]> {
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    select: tokenFields,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({ ...row, state: tokenState(row, now) }));
}

/**
 * Revokes one of `ownerId`'s tokens, at once (the next request with it is refused). The actor is
 * the owner, or an administrator on the owner's page. Null when the owner has no such token;
 * revoking a revoked token changes nothing and is not logged again.
 */
export async function revokeApiToken(
  actorId: string,
  ownerId: string,
  tokenId: string,
  now = new Date(),
): Promise<{ name: string } | null> {
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId: ownerId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!token) return null;
    if (token.revokedAt) return { name: token.name };
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: now, revokedById: actorId },
    });
    if (count === 1)
      await logEvent(
        {
          kind: "user.api_token_revoked",
          actorId,
          subjectId: ownerId,
          data: { tokenId: token.id, name: token.name, prefix: token.prefix },
        },
        tx,
      );
    return { name: token.name };
  });
}

export type TokenUser = { id: string; email: string; name: string | null; role: Role };
export type Authenticated =
  | { ok: true; tokenId: string; scope: string; user: TokenUser }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "inactive" | "role" };

/**
 * The token a bearer secret names, if it may be used now. Its last use is written when the one
 * recorded is more than a minute old: one cheap conditional update, not a write per request.
 */
export async function authenticateToken(secret: string, now = new Date()): Promise<Authenticated> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200)
    return { ok: false, reason: "unknown" };
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!token) return { ok: false, reason: "unknown" };
  if (token.revokedAt) return { ok: false, reason: "revoked" };
  if (token.expiresAt <= now) return { ok: false, reason: "expired" };
  const { active, ...user } = token.user;
  if (!active) return { ok: false, reason: "inactive" };
  if (!mayHaveTokens(user.role)) return { ok: false, reason: "role" };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_STEP_MS) {
    const stale = new Date(now.getTime() - LAST_USE_STEP_MS);
    // Conditional: of several processes seeing the same stale time, one writes.
    await prisma.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { ok: true, tokenId: token.id, scope: token.scope, user };
}
