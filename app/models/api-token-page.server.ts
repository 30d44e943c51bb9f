import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { createTokenSchema, revokeTokenSchema } from "~/api/token-form";
import {
  createApiToken,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
  TokenError,
} from "~/api/tokens.server";
import type { TokenRow } from "~/components/api-tokens";
import type { Copy } from "~/i18n/copy";

// The token forms of the account page and of an administrator's page of a user, once the
// route's guard has passed: plain ids in, what the page shows out.

export async function tokenRows(userId: string): Promise<TokenRow[]> {
  return (await listApiTokens(userId)).map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    state: token.state,
  }));
}

export async function createTokenFromForm(
  user: { id: string; role: "FOCAL_POINT" | "REVIEWER" | "ADMIN" },
  formData: FormData,
  copy: Copy,
) {
  const submission = parseWithZod(formData, { schema: createTokenSchema(copy) });
  if (submission.status !== "success")
    return data({ kind: "create" as const, result: submission.reply(), message: null }, 400);
  try {
    const { secret, token } = await createApiToken(user, submission.value);
    return data({
      kind: "created" as const,
      result: submission.reply({ resetForm: true }),
      secret,
      name: token.name,
      message: null,
    });
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    const message =
      error.reason === "role"
        ? copy.apiTokens.notAllowed
        : error.reason === "too-many"
          ? copy.apiTokens.tooMany({ max: String(MAX_ACTIVE_TOKENS) })
          : copy.apiTokens.expiryInvalid;
    return data(
      {
        kind: "create" as const,
        result: submission.reply({ formErrors: [message] }),
        message: null,
      },
      error.reason === "role" ? 403 : 409,
    );
  }
}

/** Revokes one of the owner's tokens, by the actor (the owner, or an administrator). */
export async function revokeTokenFromForm(
  actorId: string,
  ownerId: string,
  formData: FormData,
  copy: Copy,
) {
  const parsed = revokeTokenSchema.safeParse(Object.fromEntries(formData));
  const revoked = parsed.success
    ? await revokeApiToken(actorId, ownerId, parsed.data.tokenId)
    : null;
  // 400, not 404: the page exists; the form names no token of this person's.
  if (!revoked) return data({ kind: "revoke" as const, message: copy.apiTokens.notFound }, 400);
  return data({
    kind: "revoke" as const,
    message: copy.apiTokens.revoked({ name: revoked.name }),
  });
}
