import { createHash } from "node:crypto";
import type { ApiAccess } from "./access.server";
import { isProblem, problem, problemForStatus } from "./problem";

// Every read-API answer goes out here: JSON with a strong ETag (the SHA-256 of the body), 304
// when the client's If-None-Match names it, the token's RateLimit headers, and never kept by a
// shared cache (answers are confidential until published). A failure on the way is a problem
// document, whichever module threw it.

const etagOf = (body: string) =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/** If-None-Match: a list of tags or `*`; weak tags compare by their value (RFC 9110 §13.1.2). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function jsonResponse(
  request: Request,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const common = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    Vary: "Authorization",
    ...headers,
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(text, {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", ...common },
  });
}

/** Runs the read, and answers its result or its failure, with the request's rate headers. */
export async function apiRead(
  request: Request,
  access: ApiAccess,
  read: () => Promise<unknown>,
): Promise<Response> {
  try {
    return jsonResponse(request, await read(), access.rateHeaders);
  } catch (error) {
    throw withHeaders(asProblem(error), access.rateHeaders);
  }
}

function asProblem(error: unknown): Response {
  if (error instanceof Response)
    return isProblem(error) ? error : problem(problemForStatus(error.status));
  console.error("read API:", error);
  return problem("server-error");
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers))
    if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

/** A query the API cannot read, as a problem. */
export const badRequest = (detail: string) => problem("bad-request", detail);
