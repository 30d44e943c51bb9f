// The reference page's reading of the OpenAPI document: operations, parameters, responses and
// schemas as plain rows, with a schema's type in words ("array of Round", "string | null").
// Pure: the page (app/routes/api-reference.tsx) only lays the rows out.

type Json = Record<string, unknown>;

export type TypeText = { text: string; refs: string[] };
export type Row = { name: string; type: TypeText; required: boolean; description: string };
export type ReferenceOperation = {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (Row & { location: string })[];
  responses: { status: string; description: string; type: TypeText | null }[];
};
export type ReferenceSchema = {
  name: string;
  description: string;
  type: TypeText;
  properties: Row[];
};
export type Reference = {
  title: string;
  version: string;
  description: string;
  operations: ReferenceOperation[];
  schemas: ReferenceSchema[];
};

const REF = "#/components/schemas/";
const asJson = (value: unknown): Json =>
  value && typeof value === "object" ? (value as Json) : {};
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A schema's type in words, and the components it names (to link them). */
export function typeText(schema: unknown): TypeText {
  const s = asJson(schema);
  if (typeof s.$ref === "string") {
    const name = s.$ref.startsWith(REF) ? s.$ref.slice(REF.length) : s.$ref;
    return { text: name, refs: [name] };
  }
  const parts = (list: unknown[], join: string): TypeText => {
    const each = list.map(typeText);
    return { text: each.map((t) => t.text).join(join), refs: each.flatMap((t) => t.refs) };
  };
  if (Array.isArray(s.anyOf)) return parts(s.anyOf, " | ");
  if (Array.isArray(s.oneOf)) return parts(s.oneOf, " | ");
  if (Array.isArray(s.allOf)) return parts(s.allOf, " & ");
  if (Array.isArray(s.enum))
    return { text: s.enum.map((v) => JSON.stringify(v)).join(" | "), refs: [] };
  if ("const" in s) return { text: JSON.stringify(s.const), refs: [] };
  if (s.type === "array") {
    const items = typeText(s.items);
    return { text: `array of ${items.text}`, refs: items.refs };
  }
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") {
    const values = typeText(s.additionalProperties);
    return { text: `map of ${values.text}`, refs: values.refs };
  }
  if (Array.isArray(s.type)) return { text: s.type.join(" | "), refs: [] };
  if (typeof s.type === "string") {
    const format = typeof s.format === "string" ? ` (${s.format})` : "";
    return { text: `${s.type}${format}`, refs: [] };
  }
  return { text: "any", refs: [] };
}

function rows(schema: Json): Row[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(asJson(schema.properties)).map(([name, property]) => ({
    name,
    type: typeText(property),
    required: required.has(name),
    description: str(asJson(property).description),
  }));
}

export function readReference(document: Json): Reference {
  const info = asJson(document.info);
  const components = asJson(document.components);
  const sharedParameters = asJson(components.parameters);
  const operations: ReferenceOperation[] = [];
  for (const [path, item] of Object.entries(asJson(document.paths)))
    for (const [method, op] of Object.entries(asJson(item))) {
      const operation = asJson(op);
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map(
        (p) => {
          const given = asJson(p);
          const ref = str(given.$ref);
          const parameter = ref
            ? asJson(sharedParameters[ref.replace("#/components/parameters/", "")])
            : given;
          return {
            name: str(parameter.name),
            location: str(parameter.in),
            type: typeText(parameter.schema),
            required: parameter.required === true,
            description: str(parameter.description),
          };
        },
      );
      const responses = Object.entries(asJson(operation.responses)).map(([status, r]) => {
        const response = asJson(r);
        const content = Object.values(asJson(response.content))[0];
        return {
          status,
          description: str(response.description),
          type: content ? typeText(asJson(content).schema) : null,
        };
      });
      operations.push({
        anchor: str(operation.operationId),
        method: method.toUpperCase(),
        path,
        summary: str(operation.summary),
        description: str(operation.description),
        parameters,
        responses,
      });
    }
  const schemas = Object.entries(asJson(components.schemas)).map(([name, schema]) => ({
    name,
    description: str(asJson(schema).description),
    type: typeText({ ...asJson(schema), description: undefined }),
    properties: rows(asJson(schema)),
  }));
  return {
    title: str(info.title),
    version: str(info.version),
    description: str(info.description),
    operations,
    schemas,
  };
}
