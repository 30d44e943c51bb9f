import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseNoQuery } from "~/api/query";
import { listRounds } from "~/api/read.server";
import { apiRead, badRequest } from "~/api/respond.server";
import { requireApiToken } from "~/auth/guards.server";

// GET /api/v1/rounds: every readable round (docs/api.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireApiToken(request);
  const query = parseNoQuery(new URL(request.url).searchParams);
  if (!query.ok) throw badRequest(query.error);
  return apiRead(request, access, () => listRounds());
}
