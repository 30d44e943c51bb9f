import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireReviewer } from "~/auth/guards.server";
import {
  ResultsContents,
  ResultsSections,
  SEARCH_HINT_ID,
} from "~/components/results/results-sections";
import { BreakdownToggle, ResultsFilterForm } from "~/components/results/results-filters";
import { RoundSwitcher } from "~/components/round-switcher";
import { useCopy, useLocale } from "~/i18n";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { localeFor } from "~/i18n/request-locale.server";
import { withRound } from "~/models/round-choice";
import { chosenRound, roundLinks } from "~/models/round-choice.server";
import { describeFilters } from "~/results/chart-texts";
import { parseResultsQuery, RESULTS_PATH, resultsHref } from "~/results/query";
import resultsStylesHref from "~/styles/results.css";
import { loadResultsPage } from "./page.server";

// /review/results: every question of a round charted over the responses the filters count
// (region, accepted only or submitted and accepted, authorised only), for reviewers and
// administrators. `?round=2020` as on the dashboard; the filters are a GET form, so a view is a
// URL to share. Downloads: review.results_.$file.ts.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStylesHref }];

export const meta: MetaFunction = () => pageTitle(pageCopy().results.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const chosen = await chosenRound(request);
  const parsed = parseResultsQuery(new URL(request.url).searchParams);
  if (!parsed.ok)
    throw new Response(parsed.error, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const [page, rounds] = await Promise.all([
    loadResultsPage({ round: chosen.round, query: parsed.value, locale: localeFor(request, user) }),
    roundLinks(chosen),
  ]);
  return {
    round: { id: chosen.round.id, name: chosen.round.name, current: chosen.isCurrent },
    rounds,
    ...page,
  };
}

export default function ResultsPage() {
  const page = useLoaderData<typeof loader>();
  const copy = useCopy();
  const locale = useLocale();
  const r = copy.results;
  const { round, query } = page;
  const filters = describeFilters(query, copy, locale);
  return (
    <section aria-labelledby="results-title" className="results">
      <p className="breadcrumb">
        <Link to={withRound("/review", round)}>{copy.dashboard.title}</Link>
      </p>
      <h1 id="results-title">
        {r.title} · {round.name}
      </h1>
      <RoundSwitcher
        rounds={page.rounds}
        href={(other) => resultsHref(RESULTS_PATH, { ...query, focus: null }, other)}
      />
      <p className="lead prose">{r.intro}</p>
      <p className="prose results__search-hint" id={SEARCH_HINT_ID}>
        {r.searchHint}
      </p>
      <ResultsFilterForm query={query} round={round} />
      <BreakdownToggle query={query} round={round} />
      <p className="results__counting" id="results-counting">
        <strong>{r.counting({ n: page.counted, filters })}</strong>
      </p>
      {page.counted === 0 ? <p className="notice">{r.noResponses}</p> : null}
      <ResultsContents sections={page.sections} charts={page.charts} />
      <ResultsSections
        sections={page.sections}
        charts={page.charts}
        context={{
          query,
          round,
          filters,
          basePath: RESULTS_PATH,
          filesPath: RESULTS_PATH,
          answerHref: (code, key) =>
            round.current
              ? `/review/${code}#answer-${key}`
              : `${withRound(`/print/${code}`, round)}#answer-${key}`,
        }}
      />
    </section>
  );
}
