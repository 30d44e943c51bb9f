import { Ajv2020 } from "ajv/dist/2020.js";
import { openApiDocument } from "~/api/openapi";

// Checks an answer of the read API against the OpenAPI document it serves: the status must be
// documented for the operation, the content type the documented one, and the body valid
// against the documented schema (JSON Schema 2020-12, by ajv, with the document's components).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DOCUMENT_ID = "https://msq.test/openapi.json";
const document = openApiDocument() as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(document, DOCUMENT_ID);

/** Problems with the answer ([] when it is as documented). */
export function openApiProblems(
  template: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const operation = document.paths?.[template]?.get as Json | undefined;
  if (!operation) return [`${template} is not in the document`];
  const documented = operation.responses?.[String(status)] as Json | undefined;
  if (!documented) return [`${template} does not document ${status}`];
  if (!documented.content) return body === null ? [] : [`${status} has no body in the document`];
  const [mediaType, media] = Object.entries(documented.content as Json)[0]!;
  if (!(contentType ?? "").startsWith(mediaType))
    return [`content type ${contentType}, documented ${mediaType}`];
  const validate = ajv.getSchema(`${DOCUMENT_ID}${(media as Json).schema.$ref}`);
  if (!validate) return [`no schema ${(media as Json).schema.$ref}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
