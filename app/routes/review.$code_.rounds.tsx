import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireReviewer } from "~/auth/guards.server";
import { useCopy } from "~/i18n";
import { localeFor } from "~/i18n/request-locale.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { loadCountryRounds } from "~/rounds/country-rounds.server";
import { withRound } from "~/models/round-choice";

// A country's answers across rounds, side by side (one row per question key, one column per
// round, oldest first), for reviewers. `?changed=1` keeps the questions whose answer changed.

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(
    data ? pageCopy().roundOverview.profile.title({ country: data.country.name }) : undefined,
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  return loadCountryRounds((params.code ?? "").toUpperCase(), localeFor(request, user));
}

export default function CountryRounds() {
  const page = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const copy = useCopy();
  const p = copy.roundOverview.profile;
  const onlyChanged = search.get("changed") === "1";
  const rows = onlyChanged ? page.rows.filter((r) => r.changed) : page.rows;
  const code = page.country.code;
  return (
    <section aria-labelledby="profile-title" className="country-rounds">
      <p className="breadcrumb">
        <Link to="/review">{copy.dashboard.title}</Link> ›{" "}
        <Link to={`/review/${code}`}>{copy.reviewPage.title({ country: page.country.name })}</Link>
      </p>
      <h1 id="profile-title">{p.title({ country: page.country.name })}</h1>
      <p className="intro">{p.intro}</p>
      {page.rounds.length < 2 ? <p className="notice">{p.oneRound}</p> : null}
      <p>
        {onlyChanged ? (
          <Link to={`/review/${code}/rounds`}>{p.everyQuestion}</Link>
        ) : (
          <Link to={`/review/${code}/rounds?changed=1`}>{p.onlyChanged}</Link>
        )}{" "}
        · <Link to="/review/compare">{copy.roundOverview.compare.title}</Link>
      </p>
      {rows.length === 0 ? (
        <p className="notice">{p.noneChanged}</p>
      ) : (
        <div className="table-scroll">
          <table className="country-rounds__table">
            <thead>
              <tr>
                <th scope="col">{p.question}</th>
                {page.rounds.map((round) => (
                  <th scope="col" key={round.id}>
                    {round.name}
                    <span className="country-rounds__status">
                      {round.status === null
                        ? p.noResponse
                        : round.submitted
                          ? copy.statuses[round.status]
                          : p.notSubmitted}
                    </span>
                    {round.status !== null ? (
                      <a className="country-rounds__read" href={withRound(`/print/${code}`, round)}>
                        {p.read({ round: round.name })}
                      </a>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} id={`row-${row.key}`}>
                  <th scope="row">
                    {row.text}
                    <code className="country-rounds__key">{row.key}</code>
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={page.rounds[i]!.id}>
                      {cell.kind === "not_asked" ? (
                        <span className="country-rounds__muted">{p.notAsked}</span>
                      ) : cell.kind === "unanswered" ? (
                        <span className="country-rounds__muted">{p.notAnswered}</span>
                      ) : (
                        <>
                          {cell.changed ? <strong className="tag">{p.changed}</strong> : null}
                          <span className="multiline" dir="auto">
                            {cell.text}
                          </span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
