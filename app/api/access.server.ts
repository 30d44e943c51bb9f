import { countMetered, type Metered } from "~/auth/rate-limit.server";
import { problem } from "./problem";
import { authenticateToken, type TokenUser } from "./tokens.server";

// Who a read-API request is: the personal access token in `Authorization: Bearer …`, and only
// that. Cookies are never read here, so a signed-in browser (or a page of another site making it
// send its cookies) gets nothing from the API, and cross-site request forgery has nothing to
// forge. Each request is counted against its token's rate limit, in the database (the same
// table and locking as the sign-in limits), so the limit holds across server processes. Called
// through requireApiToken (app/auth/guards.server.ts).

/** Requests per token per minute: a page of 200 responses a request, and room for a loop. */
export const API_RATE_LIMIT = { max: 120, windowMs: 60_000 } as const;

export type ApiAccess = {
  user: TokenUser;
  tokenId: string;
  /** The RateLimit headers of this request, for its response (success or problem). */
  rateHeaders: Record<string, string>;
};

/** The IETF draft's fields and the widespread X-less names, in whole seconds. */
export function rateLimitHeaders(metered: Metered): Record<string, string> {
  const reset = Math.max(0, Math.ceil(metered.resetMs / 1000));
  const window = Math.round(metered.windowMs / 1000);
  return {
    "RateLimit-Limit": String(metered.max),
    "RateLimit-Remaining": String(metered.remaining),
    "RateLimit-Reset": String(reset),
    "RateLimit-Policy": `${metered.max};w=${window}`,
  };
}

export function bearerToken(request: Request): string | null {
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i.exec(
    request.headers.get("Authorization") ?? "",
  );
  return match ? match[1]! : null;
}

export async function authenticateApiRequest(request: Request): Promise<ApiAccess> {
  const secret = bearerToken(request);
  if (!secret)
    throw problem("unauthorized", "Send a personal access token: Authorization: Bearer msq_pat_…");
  const found = await authenticateToken(secret);
  if (!found.ok) {
    switch (found.reason) {
      case "expired":
        throw problem("token-expired", "Create a new token on your account page.");
      case "revoked":
        throw problem("token-revoked", "Create a new token on your account page.");
      case "role":
        throw problem(
          "forbidden",
          "Only UN DESA reviewers and administrators may use the read API.",
        );
      default:
        throw problem("unauthorized", "The token is not valid.");
    }
  }
  const metered = await countMetered({ key: `api:token:${found.tokenId}`, ...API_RATE_LIMIT });
  const rateHeaders = rateLimitHeaders(metered);
  if (!metered.allowed)
    throw problem("rate-limited", `At most ${API_RATE_LIMIT.max} requests a minute per token.`, {
      ...rateHeaders,
      "Retry-After": rateHeaders["RateLimit-Reset"]!,
    });
  return { user: found.user, tokenId: found.tokenId, rateHeaders };
}
