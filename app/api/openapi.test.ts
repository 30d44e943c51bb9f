import { readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { openApiDocument } from "./openapi";
import { parseListQuery, parseRoundQuery } from "./query";
import { readReference, typeText } from "./reference";

// The OpenAPI document, the query strings and the cursor, without a database: every API route
// is in the document, every component compiles as JSON Schema 2020-12, and a query is read as
// the exports read theirs.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const document = openApiDocument() as Json;

/** `/api/v1/...` for each route file (api.v1.responses.$country.ts → /api/v1/responses/{country}). */
function routePaths(): string[] {
  return readdirSync("app/routes")
    .filter((file) => file.startsWith("api.v1.") && !file.includes("$.ts"))
    .map((file) =>
      file
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "~")
        .split(".")
        .filter((part) => part !== "_index")
        .map((part) => (part.startsWith("$") ? `{${part.slice(1)}}` : part.replace("~", ".")))
        .join("/"),
    )
    .map((p) => `/${p}`);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes every read route", () => {
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.keys(document.paths);
    const routes = routePaths().filter((p) => p !== "/api/v1/openapi.json");
    expect(routes.length).toBeGreaterThanOrEqual(5);
    expect(routes.filter((p) => !documented.includes(p))).toEqual([]);
    expect(documented.filter((p) => !routes.includes(p))).toEqual([]);
  });

  it("has components that compile as JSON Schema 2020-12, each $ref resolved", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema(document, "https://msq.test/openapi.json");
    for (const name of Object.keys(document.components.schemas))
      expect(
        ajv.getSchema(`https://msq.test/openapi.json#/components/schemas/${name}`),
        name,
      ).toBeTypeOf("function");
    const components = document.components.schemas as Record<string, Json>;
    expect(Object.keys(components)).not.toContain("__shared");
    expect(Object.values(components).filter((c) => "$schema" in c || "$id" in c)).toEqual([]);
  });

  it("takes its parameters from the query schemas, with their descriptions", () => {
    const list = document.paths["/api/v1/responses"].get.parameters as Json[];
    const names = list.filter((p) => p.name).map((p) => p.name);
    expect(names).toEqual(["round", "status", "region", "authorised", "cursor", "limit"]);
    expect(list.find((p) => p.name === "limit")).toMatchObject({ in: "query", required: false });
    const country = document.paths["/api/v1/responses/{country}"].get.parameters[0];
    expect(country).toMatchObject({ name: "country", in: "path", required: true });
  });

  it("reads as the reference page lays it out", () => {
    const reference = readReference(document);
    expect(reference.operations.map((op) => `${op.method} ${op.path}`)).toContain(
      "GET /api/v1/responses",
    );
    const page = reference.schemas.find((s) => s.name === "ResponsePage")!;
    expect(page.properties.find((p) => p.name === "data")?.type).toEqual({
      text: "array of ResponseSummary",
      refs: ["ResponseSummary"],
    });
    expect(typeText({ anyOf: [{ type: "string" }, { type: "null" }] }).text).toBe("string | null");
  });
});

describe("a listing's query", () => {
  it("defaults as the exports do", () => {
    const parsed = parseListQuery(new URLSearchParams(""));
    expect(parsed).toEqual({
      ok: true,
      value: {
        roundId: null,
        choice: { statuses: ["SUBMITTED", "ACCEPTED"], region: null, authorisedOnly: false },
        cursor: null,
        limit: 50,
      },
    });
  });

  it("reads repeated and comma-separated statuses, a region and the authorisation", () => {
    const params = new URLSearchParams(
      "round=2020&status=accepted&status=RETURNED,SUBMITTED&region=africa&authorised=1&limit=200",
    );
    const parsed = parseListQuery(params);
    expect(parsed.ok && parsed.value).toEqual({
      roundId: "2020",
      choice: {
        statuses: ["SUBMITTED", "RETURNED", "ACCEPTED"],
        region: "Africa",
        authorisedOnly: true,
      },
      cursor: null,
      limit: 200,
    });
  });

  it("refuses what it does not know instead of ignoring it", () => {
    for (const query of [
      "rounds=2020",
      "status=DRAFT",
      "region=Atlantis",
      "limit=201",
      "limit=-1",
      "round=2020&round=2016",
      "authorised=maybe",
    ])
      expect(parseListQuery(new URLSearchParams(query)).ok, query).toBe(false);
    expect(parseRoundQuery(new URLSearchParams("round=2020"))).toEqual({ ok: true, value: "2020" });
    expect(parseRoundQuery(new URLSearchParams("status=SUBMITTED")).ok).toBe(false);
  });
});

describe("a cursor", () => {
  it("comes back as it was given, and anything else is no cursor", () => {
    const cursor = { after: "clxyz123", query: "2020|SUBMITTED,ACCEPTED||0" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(
      decodeCursor(Buffer.from('{"v":2,"after":"x","q":""}').toString("base64url")),
    ).toBeNull();
  });
});
