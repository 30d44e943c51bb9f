import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireReviewer } from "~/auth/guards.server";
import { copyFor } from "~/i18n/catalogues.server";
import { localeFor } from "~/i18n/request-locale.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { chosenRound } from "~/models/round-choice.server";
import { findQuestion } from "~/questionnaire";
import { describeFilters } from "~/results/chart-texts";
import { parseResultsQuery } from "~/results/query";
import { isResultFile, loadResultRows, resultFileResponse } from "~/results/results.server";

// GET /review/results/chart.svg|chart.png|chart.csv?key=q8_strategy_features&region=Africa
//     &status=ACCEPTED&authorised=1&by=region&round=2020, and answers.csv?key=…&q=… for a text
// question: one chart of the Results page as a file, counted over the same responses as the
// page with the same filters, in the requester's language. Reviewers and administrators only.

const refused = (reason: string) =>
  new Response(`Cannot download: ${reason}`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  if (!isResultFile(params.file)) throw new Response("Not found", { status: 404 });
  const { round } = await chosenRound(request);
  const parsed = parseResultsQuery(new URL(request.url).searchParams);
  if (!parsed.ok) throw refused(parsed.error);
  const locale = localeFor(request, user);
  const questionnaire = await requireQuestionnaire(round, locale);
  const question = findQuestion(questionnaire, parsed.value.focus?.key ?? "");
  if (!question) throw refused("name the chart's question with key=…");
  const copy = copyFor(locale);
  return resultFileResponse({
    file: params.file,
    question,
    rows: await loadResultRows(round.id, parsed.value, locale),
    query: parsed.value,
    copy,
    locale,
    roundName: round.name,
    filters: describeFilters(parsed.value, copy, locale),
    filePrefix: `msq-${round.id}`,
    // Answers are confidential until published: never kept by a shared cache.
    cacheControl: "private, no-store",
  });
}
