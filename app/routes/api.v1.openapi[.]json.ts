import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/api/openapi";
import { jsonResponse } from "~/api/respond.server";

// Public: the OpenAPI document describes the read API and holds no data (decision 025).
export function loader({ request }: LoaderFunctionArgs) {
  return jsonResponse(request, openApiDocument(), { "Cache-Control": "public, max-age=300" });
}
