import { regionName } from "~/i18n/copy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { byCountryName, countryName } from "~/countries";
import { currentRound } from "~/models/round.server";
import { useCopy } from "~/i18n";
import { listCountriesWithStatus } from "~/models/country.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { localeFor } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().countries.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const round = await currentRound();
  // Reviewers and administrators follow every country on the dashboard.
  if (user.role !== "FOCAL_POINT") throw redirect("/review");
  const codes = [...user.countries].sort();
  if (codes?.length === 1) throw redirect(`/countries/${codes[0]}`);
  const countries = await listCountriesWithStatus(round.id, codes);
  const locale = localeFor(request, user);
  const byName = byCountryName(locale);
  return {
    isFocalPoint: user.role === "FOCAL_POINT",
    roundName: round.name,
    countries: countries
      .sort((a, b) => byName(a.code, b.code))
      .map((c) => ({
        code: c.code,
        name: countryName(c.code, locale),
        region: c.region,
        status: c.responses[0]?.status ?? null,
      })),
  };
}

export default function Countries() {
  const { isFocalPoint, roundName, countries } = useLoaderData<typeof loader>();
  const copy = useCopy();
  return (
    <section aria-labelledby="countries-title">
      <h1 id="countries-title">
        {isFocalPoint ? copy.countries.yours : copy.countries.title} · {roundName}
      </h1>
      {isFocalPoint ? (
        <p>{countries.length ? copy.countries.chooseOne : copy.countries.none}</p>
      ) : null}
      {countries.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{copy.countries.name}</th>
              <th scope="col">{copy.countries.region}</th>
              <th scope="col">{copy.countries.status}</th>
            </tr>
          </thead>
          <tbody>
            {countries.map((country) => (
              <tr key={country.code}>
                <td>
                  <Link to={`/countries/${country.code}`}>{country.name}</Link>
                </td>
                <td>{regionName(copy, country.region)}</td>
                <td>
                  {country.status ? copy.statuses[country.status] : copy.countries.notStarted}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
