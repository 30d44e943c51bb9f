import type { Problem } from "./schemas";

// The read API's errors as RFC 9457 problem details (application/problem+json). Each kind has a
// code; `type` is `urn:msq:problem:<code>` (docs/api.md lists them). Pure.

export const PROBLEM_TYPE = "application/problem+json";

const TITLES = {
  unauthorized: "A valid personal access token is needed",
  "token-expired": "The token has expired",
  "token-revoked": "The token has been revoked",
  forbidden: "The token's owner may not use the read API",
  "not-found": "Not found",
  "bad-request": "The request's parameters are not valid",
  "cursor-mismatch": "The cursor belongs to another query",
  "rate-limited": "Too many requests",
  "method-not-allowed": "The read API only reads",
  "server-error": "The server could not answer",
} as const;
export type ProblemCode = keyof typeof TITLES;

const STATUS: Record<ProblemCode, number> = {
  unauthorized: 401,
  "token-expired": 401,
  "token-revoked": 401,
  forbidden: 403,
  "not-found": 404,
  "bad-request": 400,
  "cursor-mismatch": 400,
  "rate-limited": 429,
  "method-not-allowed": 405,
  "server-error": 500,
};

export function problemBody(code: ProblemCode, detail?: string): Problem {
  return {
    type: `urn:msq:problem:${code}`,
    title: TITLES[code],
    status: STATUS[code],
    ...(detail ? { detail } : {}),
    code,
  };
}

/** The problem as a response; 401s say how to authenticate (WWW-Authenticate). */
export function problem(
  code: ProblemCode,
  detail?: string,
  headers: Record<string, string> = {},
): Response {
  const body = problemBody(code, detail);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "Content-Type": `${PROBLEM_TYPE}; charset=utf-8`,
      "Cache-Control": "no-store",
      ...(body.status === 401
        ? {
            "WWW-Authenticate": `Bearer realm="msq-api"${code === "unauthorized" ? "" : `, error="invalid_token"`}`,
          }
        : {}),
      ...headers,
    },
  });
}

export const isProblem = (response: Response) =>
  (response.headers.get("Content-Type") ?? "").startsWith(PROBLEM_TYPE);

/** A status another module threw (a plain 404 from roundById) as the matching problem. */
export function problemForStatus(status: number): ProblemCode {
  if (status === 404) return "not-found";
  if (status === 400) return "bad-request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 405) return "method-not-allowed";
  if (status === 429) return "rate-limited";
  return "server-error";
}
