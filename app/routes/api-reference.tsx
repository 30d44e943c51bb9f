import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/api/openapi";
import { readReference, type Row, type TypeText } from "~/api/reference";
import { requireReviewer } from "~/auth/guards.server";
import { env } from "~/env.server";
import { useCopy } from "~/i18n";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// The read API's reference for UN DESA staff: the OpenAPI document (/api/v1/openapi.json) laid
// out as a page on the server. No script, nothing from elsewhere: it is an ordinary page under
// the portal's nonce CSP. The document's own texts are English, as the API's keys are.

export const meta: MetaFunction = () => pageTitle(pageCopy().apiReference.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireReviewer(request, context);
  // The portal's public address in the examples, as an analyst would type it.
  return { reference: readReference(openApiDocument()), origin: env.PUBLIC_URL };
}

const EXAMPLES = (origin: string) => ({
  curl: `curl -H "Authorization: Bearer $MSQ_TOKEN" \\\n  "${origin}/api/v1/responses?round=2020&limit=100"`,
  R: `library(httr2)\nresp <- request("${origin}/api/v1/long") |>\n  req_url_query(round = "2020") |>\n  req_auth_bearer_token(Sys.getenv("MSQ_TOKEN")) |>\n  req_perform()\nrows <- resp_body_json(resp)$data`,
  Python: `import os, requests\nr = requests.get("${origin}/api/v1/responses",\n    params={"round": "2020"},\n    headers={"Authorization": f"Bearer {os.environ['MSQ_TOKEN']}"})\nr.raise_for_status()\nresponses = r.json()["data"]`,
});

/** A description from the document: `backticks` (CommonMark code spans) as code. */
function Described({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}

function TypeCell({ type }: { type: TypeText }) {
  // The type in words, with each schema it names linked to its section below.
  const parts = type.text.split(/(\b[A-Z][A-Za-z]+\b)/);
  return (
    <code dir="ltr">
      {parts.map((part, i) =>
        type.refs.includes(part) ? (
          <a key={i} href={`#schema-${part}`}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </code>
  );
}

function RowsTable({
  rows,
  first,
  location,
}: {
  rows: (Row & { location?: string })[];
  first: string;
  location?: boolean;
}) {
  const copy = useCopy().apiReference;
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {location ? <th scope="col">{copy.location}</th> : null}
            <th scope="col">{copy.type}</th>
            <th scope="col">{copy.required}</th>
            <th scope="col">{copy.description}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.location ?? ""}${row.name}`}>
              <th scope="row">
                <code dir="ltr">{row.name}</code>
              </th>
              {location ? <td>{row.location}</td> : null}
              <td>
                <TypeCell type={row.type} />
              </td>
              <td>{row.required ? copy.required : copy.optional}</td>
              <td dir="ltr" lang="en">
                <Described text={row.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ApiReference() {
  const { reference, origin } = useLoaderData<typeof loader>();
  const copy = useCopy().apiReference;
  const examples = EXAMPLES(origin);
  return (
    <section className="prose api-reference" aria-labelledby="api-title">
      <h1 id="api-title">{copy.title}</h1>
      <p>{copy.intro}</p>
      <p>
        <a href="/api/v1/openapi.json">{copy.openapiLink}</a> (OpenAPI 3.1, {reference.version})
      </p>
      <p dir="ltr" lang="en">
        <Described text={reference.description} />
      </p>
      <h2>{copy.guideLink}</h2>
      {Object.entries(examples).map(([language, code]) => (
        <figure key={language}>
          <figcaption>{language}</figcaption>
          <pre dir="ltr">
            <code>{code}</code>
          </pre>
        </figure>
      ))}
      <h2>{copy.endpoints}</h2>
      <ul>
        {reference.operations.map((op) => (
          <li key={op.anchor}>
            <a href={`#${op.anchor}`}>
              <code dir="ltr">
                {op.method} {op.path}
              </code>
            </a>{" "}
            <span lang="en">{op.summary}</span>
          </li>
        ))}
      </ul>
      {reference.operations.map((op) => (
        <section key={op.anchor} aria-labelledby={op.anchor}>
          <h3 id={op.anchor}>
            <code dir="ltr">
              {op.method} {op.path}
            </code>
          </h3>
          <p dir="ltr" lang="en">
            <Described text={op.description} />
          </p>
          <h4>{copy.parameters}</h4>
          {op.parameters.length > 0 ? (
            <RowsTable rows={op.parameters} first={copy.parameter} location />
          ) : (
            <p>{copy.noParameters}</p>
          )}
          <h4>{copy.responses}</h4>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{copy.status}</th>
                  <th scope="col">{copy.type}</th>
                  <th scope="col">{copy.description}</th>
                </tr>
              </thead>
              <tbody>
                {op.responses.map((response) => (
                  <tr key={response.status}>
                    <th scope="row">{response.status}</th>
                    <td>{response.type ? <TypeCell type={response.type} /> : "—"}</td>
                    <td dir="ltr" lang="en">
                      <Described text={response.description} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <h2>{copy.schemas}</h2>
      {reference.schemas.map((schema) => (
        <section key={schema.name} aria-labelledby={`schema-${schema.name}`}>
          <h3 id={`schema-${schema.name}`}>
            <code dir="ltr">{schema.name}</code>
          </h3>
          {schema.description ? (
            <p dir="ltr" lang="en">
              <Described text={schema.description} />
            </p>
          ) : null}
          {schema.properties.length > 0 ? (
            <RowsTable rows={schema.properties} first={copy.property} />
          ) : (
            <p>
              <TypeCell type={schema.type} />
            </p>
          )}
        </section>
      ))}
    </section>
  );
}
