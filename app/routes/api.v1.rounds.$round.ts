import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseNoQuery } from "~/api/query";
import { roundDetail } from "~/api/read.server";
import { apiRead, badRequest } from "~/api/respond.server";
import { roundPathSchema } from "~/api/schemas";
import { requireApiToken } from "~/auth/guards.server";

// GET /api/v1/rounds/2020: the round and its questionnaire definition (docs/api.md).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireApiToken(request);
  const path = roundPathSchema.safeParse(params);
  if (!path.success) throw badRequest("round: not a round id.");
  const query = parseNoQuery(new URL(request.url).searchParams);
  if (!query.ok) throw badRequest(query.error);
  return apiRead(request, access, () => roundDetail(path.data.round));
}
