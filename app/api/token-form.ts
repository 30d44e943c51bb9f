import type { Copy } from "~/i18n/copy";
import { z } from "~/zod";

// The account page's token form and the revoke buttons (the account page and an administrator's
// page of a user), shared by the browser (Conform) and the server. Pure.

/** The lifetimes offered; the longest is a year, as the policy allows. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
export const MAX_TOKEN_NAME_LENGTH = 80;
/** The scopes a token may have; the read API is all there is. */
export const TOKEN_SCOPES = ["read"] as const;

export const createTokenSchema = (copy: Copy) =>
  z.object({
    intent: z.literal("create-token"),
    name: z
      .string({ error: copy.apiTokens.nameRequired })
      .trim()
      .min(1, copy.apiTokens.nameRequired)
      .max(
        MAX_TOKEN_NAME_LENGTH,
        copy.apiTokens.nameTooLong({ max: String(MAX_TOKEN_NAME_LENGTH) }),
      ),
    lifetimeDays: z.coerce
      .number({ error: copy.apiTokens.expiryInvalid })
      .refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), {
        message: copy.apiTokens.expiryInvalid,
      }),
    scope: z.enum(TOKEN_SCOPES).default("read"),
  });

export const revokeTokenSchema = z.object({
  intent: z.literal("revoke-token"),
  tokenId: z.string().min(1).max(64),
});

export type TokenState = "active" | "expired" | "revoked";
