import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireCountryReader } from "~/auth/guards.server";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { loadCountryPage } from "~/models/country-page.server";
import { findQuestion, msq2020, questionnaireFor } from "~/questionnaire";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.country.name ?? "Country"} · MSQ Portal` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireCountryReader(request, context, params.code);
  return { ...(await loadCountryPage(countryCode)), isFocalPoint: user.role === "FOCAL_POINT" };
}

export default function CountryPage() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const copy = useCopy();
  const c = copy.country;
  const questionnaire = questionnaireFor(page.roundId) ?? msq2020;
  const base = `/countries/${page.country.code}`;
  return (
    <section aria-labelledby="country-title">
      <h1 id="country-title">{page.country.name}</h1>
      {searchParams.get("submitted") ? (
        <p className="notice notice--success" role="status">
          {c.submitted}
        </p>
      ) : null}
      {page.status === "RETURNED" ? (
        <p className="notice notice--warning">{c.returnedNotice}</p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{page.roundName}</dt>
          <dd>
            {c.status}:{" "}
            <strong>{page.status ? copy.statuses[page.status] : copy.countries.notStarted}</strong>
          </dd>
        </div>
        {page.deadline ? (
          <div>
            <dt>{c.deadline}</dt>
            <dd>
              <LocalTime iso={page.deadline} withDate />
            </dd>
          </div>
        ) : null}
        {page.lastSaved ? (
          <div>
            <dt>{c.lastSaved(page.lastSaved.by)}</dt>
            <dd>
              <LocalTime iso={page.lastSaved.at} withDate />
            </dd>
          </div>
        ) : null}
      </dl>
      {page.isFocalPoint ? (
        <p>
          {page.editable ? (
            <Link className="button" to={`${base}/sections/${page.continueAt}`}>
              {page.started ? c.continue : c.start}
            </Link>
          ) : (
            <Link className="button secondary" to={`${base}/review`}>
              {c.view}
            </Link>
          )}
        </p>
      ) : null}
      {page.imported ? (
        <div className="notice">
          <p>{c.imported(page.imported.source)}</p>
          {page.imported.warnings.length > 0 ? (
            <details>
              <summary>
                {c.importWarnings} ({page.imported.warnings.length})
              </summary>
              <ul>
                {page.imported.warnings.map((w, i) => (
                  <li key={i}>
                    {w.field ? `${findQuestion(questionnaire, w.field)?.text ?? w.field}: ` : ""}
                    {w.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      <h2>{c.progress}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{c.section}</th>
            <th scope="col">{c.answered}</th>
            <th scope="col">{c.problems}</th>
          </tr>
        </thead>
        <tbody>
          {page.progress.map((section) => (
            <tr key={section.id}>
              <td>
                {page.isFocalPoint && page.editable ? (
                  <Link to={`${base}/sections/${section.id}`}>
                    {section.id}. {section.title}
                  </Link>
                ) : (
                  `${section.id}. ${section.title}`
                )}
              </td>
              <td>{copy.questionnaire.answered(section.answered, section.total)}</td>
              <td>{section.errors > 0 ? copy.questionnaire.errorsCount(section.errors) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{c.history}</h2>
      {page.history.length === 0 ? (
        <p>{c.noHistory}</p>
      ) : (
        <ol className="history">
          {page.history.map((event) => (
            <li key={event.id}>
              <LocalTime iso={event.at} withDate /> · {event.who}{" "}
              {(c.events[event.kind] ?? (() => event.kind))(event.fields.length)}
              {event.fields.length > 0 && event.fields.length <= 5 ? (
                <span className="history__fields">
                  {" "}
                  (
                  {event.fields
                    .map(
                      (f) =>
                        findQuestion(questionnaire, f)?.text.split(" ").slice(0, 6).join(" ") ?? f,
                    )
                    .join("; ")}
                  )
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
