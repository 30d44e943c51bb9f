import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireReviewer } from "~/auth/guards.server";
import { streamExport } from "~/export/export.server";
import { parseExportQuery } from "~/export/filters";
import { currentRound } from "~/models/round.server";

// GET /exports?format=csv|xlsx|json&status=SUBMITTED&status=ACCEPTED&region=Africa&authorised=1
// A download (resource route) for reviewers and administrators: the file is streamed as it is
// written. Focal points get 403, anonymous visitors the sign-in page.

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireReviewer(request, context);
  const query = parseExportQuery(new URL(request.url).searchParams);
  if (!query.ok)
    throw new Response(`Cannot export: ${query.error}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const round = await currentRound();
  const file = await streamExport(query.format, { roundId: round.id, ...query.choice });
  return new Response(createReadableStreamFromReadable(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // Answers are confidential until published: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
