import { regionName } from "~/i18n/copy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/guards.server";
import { listPublishedResponses } from "~/export/published.server";
import { useCopy, useLocale } from "~/i18n";
import { formatDay } from "~/i18n/dates";
import { currentRound } from "~/models/round.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { localeFor } from "~/i18n/request-locale.server";

// /published: public, no sign-in. The countries whose accepted response authorises publication.

export const meta: MetaFunction = () => pageTitle(pageCopy().exports.published.title);

// Public: the list is what the rule in published.server.ts lets through, nothing else. The
// countries' names and their order are the page's language's.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const round = await currentRound();
  const locale = localeFor(request, await getOptionalUser(request, context));
  return { roundName: round.name, published: await listPublishedResponses(round.id, locale) };
}

export default function PublishedList() {
  const { roundName, published } = useLoaderData<typeof loader>();
  const copy = useCopy();
  const p = copy.exports.published;
  const locale = useLocale();
  return (
    <section aria-labelledby="published-title">
      <h1 id="published-title">
        {p.title} <span className="step">{roundName}</span>
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
    </section>
  );
}
