import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/auth/guards.server";
import { copyFor } from "~/i18n/catalogues.server";
import { localeFor } from "~/i18n/request-locale.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { currentRound } from "~/models/round.server";
import { findQuestion } from "~/questionnaire";
import { chartPartOf } from "~/questionnaire/chart-types";
import { DEFAULT_RESULTS_QUERY } from "~/results/query";
import {
  isResultFile,
  loadPublishedRows,
  PUBLIC_CHART_KINDS,
  resultFileResponse,
} from "~/results/results.server";

// GET /published/results/chart.svg|chart.png|chart.csv?key=q4_has_cio: a chart of the public
// results (/published) as a file, in the visitor's language. Choice questions only, counted
// over the published responses only; anything else is a 404.

const notFound = () => new Response("Not found", { status: 404 });

// Public: counts published responses only (loadPublishedRows: accepted and authorised), choice questions only.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!isResultFile(params.file) || params.file === "answers.csv") throw notFound();
  const round = await currentRound();
  const locale = localeFor(request, await getOptionalUser(request, context));
  const questionnaire = await requireQuestionnaire(round, locale);
  const question = findQuestion(questionnaire, new URL(request.url).searchParams.get("key") ?? "");
  if (!question || !(PUBLIC_CHART_KINDS as readonly string[]).includes(chartPartOf(question).kind))
    throw notFound();
  const copy = copyFor(locale);
  return resultFileResponse({
    file: params.file,
    question,
    rows: await loadPublishedRows(round.id, locale),
    query: DEFAULT_RESULTS_QUERY,
    copy,
    locale,
    roundName: round.name,
    filters: copy.results.publicFilter,
    filePrefix: `msq-${round.id}-published`,
    cacheControl: "public, max-age=300",
  });
}
