import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRoundQuery } from "~/api/query";
import { countryResponse } from "~/api/read.server";
import { apiRead, badRequest } from "~/api/respond.server";
import { countryPathSchema } from "~/api/schemas";
import { requireApiToken } from "~/auth/guards.server";

// GET /api/v1/responses/RWA?round=2020: one country's response with its submissions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireApiToken(request);
  const path = countryPathSchema.safeParse(params);
  if (!path.success) throw badRequest("country: an ISO 3166-1 alpha-3 code, e.g. RWA.");
  const query = parseRoundQuery(new URL(request.url).searchParams);
  if (!query.ok) throw badRequest(query.error);
  return apiRead(request, access, () => countryResponse(path.data.country, query.value));
}
