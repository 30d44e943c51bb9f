import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { isPostgres } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import type { TokenPurpose } from "~/generated/prisma/enums";

// One-time links (invitations, password resets). The token travels only in the e-mail; the
// database keeps its SHA-256, so a database leak gives no usable link. Each token expires,
// works once, and issuing a new one for the same purpose voids the old ones; setting a password
// voids them all.

const LIFETIME_MS: Record<TokenPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(
  userId: string,
  purpose: TokenPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  return prisma.$transaction((tx) => issueTokenIn(tx, userId, purpose));
}

/** `issueToken` inside the caller's transaction: the link's e-mail is queued in the same one. */
export async function issueTokenIn(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: TokenPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIFETIME_MS[purpose]);
  // Two requests at once must not both delete, then both create: on PostgreSQL (read
  // committed) they queue on the user's row; SQLite's write lock already queues them.
  if (isPostgres) await tx.$executeRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  await tx.oneTimeToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.oneTimeToken.create({
    data: { tokenHash: hashToken(token), purpose, userId, expiresAt },
  });
  return { token, expiresAt };
}

/**
 * Voids every unused link of the user, of every purpose: once a password is set, an older
 * invitation or reset link would be a second way into the account.
 */
export async function voidUnusedTokens(
  userId: string,
  db: Pick<typeof prisma, "oneTimeToken"> = prisma,
): Promise<void> {
  await db.oneTimeToken.deleteMany({ where: { userId, usedAt: null } });
}

/** The user a valid, unused token belongs to (without using it up), or null. */
export async function findTokenUser(token: string, purpose: TokenPurpose) {
  const row = await prisma.oneTimeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, active: true } },
    },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) return null;
  if (!row.user.active) return null;
  return row.user;
}

/** Marks the token used; false when it was already used or expired (two tabs, a replay). */
export async function consumeToken(token: string, purpose: TokenPurpose): Promise<boolean> {
  const { count } = await prisma.oneTimeToken.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
