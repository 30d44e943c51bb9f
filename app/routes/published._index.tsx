import { regionName } from "~/i18n/copy";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/guards.server";
import { ResultsSections } from "~/components/results/results-sections";
import { listPublishedResponses } from "~/export/published.server";
import { useCopy, useLocale } from "~/i18n";
import { formatDay } from "~/i18n/dates";
import { localeFor } from "~/i18n/request-locale.server";
import { currentRound } from "~/models/round.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { DEFAULT_RESULTS_QUERY, PUBLIC_RESULTS_FILES } from "~/results/query";
import { loadPublicResults } from "~/results/results.server";
import resultsStylesHref from "~/styles/results.css";

// /published: public, no sign-in. The countries whose accepted response authorises publication,
// and the charts of the choice questions over those responses only.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStylesHref }];

export const meta: MetaFunction = () => pageTitle(pageCopy().exports.published.title);

// Public: the list and the charts are what the rule in published.server.ts lets through,
// nothing else. The countries' names and their order are the page's language's.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const round = await currentRound();
  const locale = localeFor(request, await getOptionalUser(request, context));
  const [published, results] = await Promise.all([
    listPublishedResponses(round.id, locale),
    loadPublicResults(round, locale),
  ]);
  return { round: { id: round.id, name: round.name, current: true }, published, results };
}

export default function PublishedList() {
  const { round, published, results } = useLoaderData<typeof loader>();
  const copy = useCopy();
  const p = copy.exports.published;
  const r = copy.results;
  const locale = useLocale();
  return (
    <section aria-labelledby="published-title">
      <h1 id="published-title">
        {p.title} <span className="step">{round.name}</span>
      </h1>
      <p className="lead prose">{p.intro}</p>
      {published.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <table className="published-list">
          <thead>
            <tr>
              <th scope="col">{p.country}</th>
              <th scope="col">{p.region}</th>
              <th scope="col">{p.accepted}</th>
            </tr>
          </thead>
          <tbody>
            {published.map((country) => (
              <tr key={country.code}>
                <td>
                  <Link to={`/published/${country.code}`}>{country.name}</Link>
                </td>
                <td>{regionName(copy, country.region)}</td>
                <td>
                  {country.acceptedAt ? (
                    <time dateTime={country.acceptedAt}>
                      {formatDay(country.acceptedAt, locale)}
                    </time>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="results" aria-labelledby="public-results-title">
        <h2 id="public-results-title">{r.publicTitle}</h2>
        {results.counted === 0 ? (
          <p>{r.publicNone}</p>
        ) : (
          <>
            <p className="lead prose" id="public-results-counting">
              {r.publicIntro({ n: results.counted })}
            </p>
            <ResultsSections
              sections={results.sections}
              charts={results.charts}
              level={3}
              context={{
                query: DEFAULT_RESULTS_QUERY,
                round,
                filters: r.publicFilter,
                basePath: "/published",
                filesPath: PUBLIC_RESULTS_FILES,
                answerHref: null,
              }}
            />
          </>
        )}
      </section>
    </section>
  );
}
