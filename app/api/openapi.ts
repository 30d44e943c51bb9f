import { z } from "~/zod";
import type { ProblemCode } from "./problem";
import {
  API_BASE,
  countryPathSchema,
  listQuerySchema,
  roundPathSchema,
  roundQuerySchema,
} from "./schemas";

// The OpenAPI 3.1 document of the read API, generated from the zod schemas the handlers use
// (schemas.ts): components from every schema registered with an id (zod 4's z.toJSONSchema over
// the registry, JSON Schema 2020-12, which is OpenAPI 3.1's own dialect), parameters from the
// query schemas (as received), and the paths written here. Served at /api/v1/openapi.json and
// rendered by the reference page (/api-reference). Decision 025. Pure.

type JsonObject = Record<string, unknown>;

export const API_VERSION = "1.0.0";
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Every registered schema as a component: no $schema, $id or id of its own inside. */
function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

type ParameterSource = { shape: Record<string, z.ZodType> };

function parameters(schema: ParameterSource, where: "query" | "path"): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _s,
      description,
      ...json
    } = z.toJSONSchema(field, { io: "input" }) as JsonObject;
    const required = where === "path" || !field.safeParse(undefined).success;
    return {
      name,
      in: where,
      required,
      ...(description ? { description } : {}),
      schema: json,
      ...(name === "status" ? { style: "form", explode: true } : {}),
    };
  });
}

const RATE_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
  "RateLimit-Policy": { $ref: "#/components/headers/RateLimit-Policy" },
};

const problemResponse = (description: string, codes: ProblemCode[]) => ({
  description: `${description} (${codes.map((c) => `\`${c}\``).join(", ")})`,
  headers: RATE_HEADERS,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

function operation(input: {
  id: string;
  summary: string;
  description: string;
  schema: string;
  query?: ParameterSource;
  path?: ParameterSource;
  notFound?: boolean;
}): JsonObject {
  return {
    get: {
      operationId: input.id,
      summary: input.summary,
      description: input.description,
      parameters: [
        ...(input.path ? parameters(input.path, "path") : []),
        ...(input.query ? parameters(input.query, "query") : []),
        { $ref: "#/components/parameters/If-None-Match" },
      ],
      responses: {
        "200": {
          description: "OK",
          headers: { ETag: { $ref: "#/components/headers/ETag" }, ...RATE_HEADERS },
          content: { "application/json": { schema: ref(input.schema) } },
        },
        "304": {
          description: "Not modified: the ETag given in If-None-Match is still the answer's.",
          headers: { ETag: { $ref: "#/components/headers/ETag" }, ...RATE_HEADERS },
        },
        ...(input.query
          ? { "400": problemResponse("Parameters not valid", ["bad-request", "cursor-mismatch"]) }
          : {}),
        "401": problemResponse("No valid token", [
          "unauthorized",
          "token-expired",
          "token-revoked",
        ]),
        "403": problemResponse("The token's owner may not use the API", ["forbidden"]),
        ...(input.notFound ? { "404": problemResponse("Not found", ["not-found"]) } : {}),
        "429": {
          ...problemResponse("Over the token's rate limit", ["rate-limited"]),
          headers: {
            ...RATE_HEADERS,
            "Retry-After": { $ref: "#/components/headers/Retry-After" },
          },
        },
      },
    },
  };
}

const seconds = (description: string) => ({ description, schema: { type: "integer" } });

function buildDocument(): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "MSQ portal read API",
      version: API_VERSION,
      description:
        "Read-only access to the submitted responses of the UN E-Government Survey's Member States Questionnaire, for UN DESA's analysts. Only submitted versions are given, never a draft, by the rules of the portal's exports; field keys are the canonical keys of docs/FIELDS.md. Authenticate with a personal access token (created on the account page) in `Authorization: Bearer`; cookies are not accepted. Errors are RFC 9457 problem documents.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }],
    paths: {
      [`${API_BASE}/rounds`]: operation({
        id: "listRounds",
        summary: "The rounds",
        description: "Every round that can be read (open or closed), newest first.",
        schema: "RoundList",
      }),
      [`${API_BASE}/rounds/{round}`]: operation({
        id: "getRound",
        summary: "A round and its definition",
        description:
          "The round with its questionnaire definition at its current version: sections, questions, keys, types, options and texts in the six languages.",
        schema: "RoundDetail",
        path: roundPathSchema,
        notFound: true,
      }),
      [`${API_BASE}/responses`]: operation({
        id: "listResponses",
        summary: "The responses of a round",
        description:
          "One page of the round's responses, each as its latest submission. Follow `next_cursor` until it is null: every response that matches the filters throughout is given exactly once, even while responses change between pages.",
        schema: "ResponsePage",
        query: listQuerySchema,
        notFound: true,
      }),
      [`${API_BASE}/responses/{country}`]: operation({
        id: "getCountryResponse",
        summary: "One country's response",
        description:
          "A country's response in a round with every submission, newest first. 404 when it has none.",
        schema: "CountryResponse",
        path: countryPathSchema,
        query: roundQuerySchema,
        notFound: true,
      }),
      [`${API_BASE}/long`]: operation({
        id: "listLong",
        summary: "The long format",
        description:
          "One row per answered field (country, round, key, value), as the long CSV export, paged by responses like /responses.",
        schema: "LongPage",
        query: listQuerySchema,
        notFound: true,
      }),
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "msq_pat_…",
          description:
            "A personal access token from the account page (reviewers and administrators).",
        },
      },
      parameters: {
        "If-None-Match": {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "The ETag of an earlier answer: 304 when it is unchanged.",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "The answer's entity tag.", schema: { type: "string" } },
        "RateLimit-Limit": seconds("Requests allowed per window."),
        "RateLimit-Remaining": seconds("Requests left in the window."),
        "RateLimit-Reset": seconds("Seconds until the window has room again."),
        "RateLimit-Policy": {
          description: "The limit and its window in seconds, e.g. `120;w=60`.",
          schema: { type: "string" },
        },
        "Retry-After": seconds("Seconds to wait before the next request."),
      },
      schemas: componentSchemas(),
    },
  };
}

let built: JsonObject | null = null;

/** The document, built once per process (the schemas do not change while it runs). */
export function openApiDocument(): JsonObject {
  built ??= buildDocument();
  return built;
}
