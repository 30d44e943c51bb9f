import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueFile } from "~/i18n/catalogues.server";

// Public: a language's catalogue of interface texts, the same for everyone. Its name holds the
// content's hash, so it is cached for good.
export function loader({ params }: LoaderFunctionArgs) {
  const body = catalogueFile(params.file ?? "");
  if (body === null) throw new Response("Not found", { status: 404 });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
