import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireReviewer } from "~/auth/guards.server";
import { useCopy } from "~/i18n";
import { localeFor } from "~/i18n/request-locale.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import type { CountryRef, OptionComparison } from "~/rounds/compare";
import { loadComparePage } from "~/rounds/compare.server";

// Compare rounds: one yes/no or choice question, two rounds, who gained and who lost an answer.
// A plain GET form, so each comparison has its own address and it works without JavaScript.

export const meta: MetaFunction = () => pageTitle(pageCopy().roundOverview.compare.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  return loadComparePage(new URL(request.url).searchParams, localeFor(request, user));
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function Countries({ countries }: { countries: readonly CountryRef[] }) {
  const c = useCopy().roundOverview.compare;
  if (countries.length === 0) return <p className="compare__none">{c.none}</p>;
  return (
    <ul className="compare__countries">
      {countries.map((country) => (
        <li key={country.code}>
          <a href={`/review/${country.code}/rounds`}>{country.name}</a>
        </li>
      ))}
    </ul>
  );
}

function OptionGroups({ option }: { option: OptionComparison }) {
  const c = useCopy().roundOverview.compare;
  return (
    <section className="compare__option" aria-labelledby={`option-${option.key}`}>
      <h3 id={`option-${option.key}`}>{option.text}</h3>
      <dl className="compare__groups">
        <dt>{c.gainedList({ n: option.gained.length })}</dt>
        <dd>
          <Countries countries={option.gained} />
        </dd>
        <dt>{c.lostList({ n: option.lost.length })}</dt>
        <dd>
          <Countries countries={option.lost} />
        </dd>
        <dt>{c.keptList({ n: option.kept.length })}</dt>
        <dd>
          {option.kept.length > 12 ? (
            <details>
              <summary>{c.show}</summary>
              <Countries countries={option.kept} />
            </details>
          ) : (
            <Countries countries={option.kept} />
          )}
        </dd>
      </dl>
    </section>
  );
}

function Comparison({ page }: { page: Extract<Page, { state: "compared" }> }) {
  const c = useCopy().roundOverview.compare;
  const { comparison } = page;
  // A yes/no question's "No" groups are its "Yes" groups the other way round: listed once. An
  // answer nobody gave in either round has no groups to list.
  const listed = comparison.options.filter(
    (o) =>
      (page.question.type !== "yesno" || o.key === "yes") &&
      o.gained.length + o.lost.length + o.kept.length > 0,
  );
  return (
    <>
      <h2 id="compare-question">{page.question.text}</h2>
      <div className="table-scroll">
        <table className="compare__table">
          <caption>{c.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.answer}</th>
              <th scope="col">{c.inRound({ round: page.from.name })}</th>
              <th scope="col">{c.inRound({ round: page.to.name })}</th>
              <th scope="col">{c.gained}</th>
              <th scope="col">{c.lost}</th>
              <th scope="col">{c.kept}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.options.map((o) => (
              <tr key={o.key} data-option={o.key}>
                <th scope="row">
                  {o.text}
                  {!o.offered.from ? (
                    <span className="compare__offered">
                      {" "}
                      ({c.notOffered({ round: page.from.name })})
                    </span>
                  ) : null}
                  {!o.offered.to ? (
                    <span className="compare__offered">
                      {" "}
                      ({c.notOffered({ round: page.to.name })})
                    </span>
                  ) : null}
                </th>
                <td>{c.countOf({ count: o.fromCount, total: comparison.fromAnswered })}</td>
                <td>{c.countOf({ count: o.toCount, total: comparison.toAnswered })}</td>
                <td>{o.gained.length}</td>
                <td>{o.lost.length}</td>
                <td>{o.kept.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="compare__base">
        {c.base({ from: page.from.name, to: page.to.name, n: comparison.inBoth })}
      </p>
      {listed.map((option) => (
        <OptionGroups key={option.key} option={option} />
      ))}
      <details>
        <summary>{c.changedList({ n: comparison.changed.length })}</summary>
        <Countries countries={comparison.changed} />
      </details>
      <details>
        <summary>{c.unchangedList({ n: comparison.unchanged.length })}</summary>
        <Countries countries={comparison.unchanged} />
      </details>
      <h2>{c.notCompared}</h2>
      <details>
        <summary>
          {c.onlyFromList({ round: page.from.name, n: comparison.onlyFrom.length })}
        </summary>
        <Countries countries={comparison.onlyFrom} />
      </details>
      <details>
        <summary>{c.onlyToList({ round: page.to.name, n: comparison.onlyTo.length })}</summary>
        <Countries countries={comparison.onlyTo} />
      </details>
      <details>
        <summary>{c.unansweredList({ n: comparison.unansweredInOne.length })}</summary>
        <Countries countries={comparison.unansweredInOne} />
      </details>
    </>
  );
}

export default function CompareRounds() {
  const page = useLoaderData<typeof loader>();
  const copy = useCopy();
  const c = copy.roundOverview.compare;
  const problem =
    page.state === "same_round"
      ? c.sameRound
      : page.state === "no_questions"
        ? c.noQuestions({ from: page.from.name, to: page.to.name })
        : page.state === "not_comparable"
          ? {
              neither: c.neither({ key: page.key }),
              only_from: c.onlyFrom({ key: page.key, round: page.from.name }),
              only_to: c.onlyTo({ key: page.key, round: page.to.name }),
              type_changed: c.typeChanged({ key: page.key }),
              not_choice: c.notChoice({ key: page.key }),
            }[page.reason]
          : null;
  return (
    <section aria-labelledby="compare-title" className="compare">
      <p className="breadcrumb">
        <Link to="/review">{copy.dashboard.title}</Link>
      </p>
      <h1 id="compare-title">{c.title}</h1>
      <p className="intro">{c.intro}</p>
      {page.state === "one_round" ? (
        <p className="notice">{c.oneRound({ name: page.rounds[0]?.name ?? "" })}</p>
      ) : (
        <form method="get" className="filters compare__form">
          <div className="filters__field">
            <label htmlFor="compare-question">{c.question}</label>
            <select
              id="compare-question"
              name="question"
              defaultValue={"key" in page ? page.key : undefined}
            >
              {"questions" in page
                ? page.questions.map((q) => (
                    <option key={q.key} value={q.key}>
                      {q.text}
                    </option>
                  ))
                : null}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor="compare-from">{c.from}</label>
            <select id="compare-from" name="from" defaultValue={page.from.id}>
              {page.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor="compare-to">{c.to}</label>
            <select id="compare-to" name="to" defaultValue={page.to.id}>
              {page.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{c.submit}</button>
        </form>
      )}
      {problem ? (
        <p className="notice notice--warning" role="status">
          {problem} {page.state === "not_comparable" ? c.chooseAnother : null}
        </p>
      ) : null}
      {page.state === "compared" ? <Comparison page={page} /> : null}
    </section>
  );
}
