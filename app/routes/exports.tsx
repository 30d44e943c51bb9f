import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireReviewer } from "~/auth/guards.server";
import { streamExport, streamLongExport } from "~/export/export.server";
import { exportRoundIds, isWideExportFormat, parseExportQuery } from "~/export/filters";
import { languageTag } from "~/i18n/locale";
import { localeFor } from "~/i18n/request-locale.server";
import { roundIdsIn } from "~/models/round-choice";
import { chosenRounds, roundById } from "~/models/round-choice.server";

// GET /exports?format=csv|xlsx|json|long-csv&round=2020&status=SUBMITTED&status=ACCEPTED
//     &region=Africa&authorised=1&lang=fr
// A download (resource route) for reviewers and administrators: the file is streamed as it is
// written. CSV, XLSX and JSON hold one round (`round`, else the current one); the long CSV holds
// the rounds named, else every readable round. An unknown or draft round is a 404. Focal points
// get 403, anonymous visitors the sign-in page. `lang` (one of the six) is the language of the
// XLSX's and the JSON's texts, else the requester's own; keys and columns never change with it.

const refused = (reason: string) =>
  new Response(`Cannot export: ${reason}`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const params = new URL(request.url).searchParams;
  const query = parseExportQuery(params, localeFor(request, user));
  if (!query.ok) throw refused(query.error);
  const ids = exportRoundIds(query.format, roundIdsIn(params));
  if (!ids.ok) throw refused(ids.error);
  const file = isWideExportFormat(query.format)
    ? await streamExport(
        query.format,
        { roundId: (await roundById(ids.value[0] ?? null)).round.id, ...query.choice },
        { locale: query.locale },
      )
    : await streamLongExport(
        (await chosenRounds(ids.value)).map((round) => round.id),
        query.choice,
      );
  return new Response(createReadableStreamFromReadable(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      ...(file.language ? { "Content-Language": languageTag(file.language) } : {}),
      // Answers are confidential until published: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
