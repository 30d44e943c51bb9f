import schema from "~/questionnaire/definition.schema.json";

// Public: the JSON Schema of a questionnaire definition file, for editors that validate one as
// it is written. It describes a format and holds no data.
export function loader() {
  return new Response(JSON.stringify(schema, null, 2), {
    headers: {
      "Content-Type": "application/schema+json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
