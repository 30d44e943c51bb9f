import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseListQuery } from "~/api/query";
import { responsePage } from "~/api/read.server";
import { apiRead, badRequest } from "~/api/respond.server";
import { requireApiToken } from "~/auth/guards.server";

// GET /api/v1/responses?round=2020&status=SUBMITTED,ACCEPTED&region=Africa&authorised=1
//     &limit=50&cursor=…: one page of a round's responses, as their latest submissions.
export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireApiToken(request);
  const url = new URL(request.url);
  const query = parseListQuery(url.searchParams);
  if (!query.ok) throw badRequest(query.error);
  return apiRead(request, access, () => responsePage(query.value, url));
}
