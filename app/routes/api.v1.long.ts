import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseListQuery } from "~/api/query";
import { longPage } from "~/api/read.server";
import { apiRead, badRequest } from "~/api/respond.server";
import { requireApiToken } from "~/auth/guards.server";

// GET /api/v1/long?round=2020&…: the long format (country, round, key, value) of one page of
// responses, with the filters and paging of /api/v1/responses.
export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireApiToken(request);
  const url = new URL(request.url);
  const query = parseListQuery(url.searchParams);
  if (!query.ok) throw badRequest(query.error);
  return apiRead(request, access, () => longPage(query.value, url));
}
