import { Form, Link } from "@remix-run/react";
import { regions } from "~/countries/regions";
import { useCopy } from "~/i18n";
import { regionName } from "~/i18n/copy";
import { ROUND_PARAM } from "~/models/round-choice";
import {
  DEFAULT_RESULTS_QUERY,
  RESULTS_PATH,
  resultsHref,
  resultsParams,
  type ResultsQuery,
} from "~/results/query";

// The Results page's filters: a GET form (the view is its URL, to bookmark and share; works
// without JavaScript), and the region breakdown as a link that toggles it.

type ShownRound = { id: string; current: boolean };

/** Hidden inputs carrying `query` (and the round) into a GET form, except the names it sets itself. */
export function HiddenQuery({
  query,
  round,
  except = [],
}: {
  query: ResultsQuery;
  round: ShownRound;
  except?: readonly string[];
}) {
  const pairs = [...resultsParams(query)].filter(([name]) => !except.includes(name));
  return (
    <>
      {round.current ? null : <input type="hidden" name={ROUND_PARAM} value={round.id} />}
      {pairs.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function ResultsFilterForm({ query, round }: { query: ResultsQuery; round: ShownRound }) {
  const copy = useCopy();
  const r = copy.results;
  return (
    <Form
      method="get"
      action={RESULTS_PATH}
      className="filters results-filters"
      aria-label={r.filters}
    >
      {/* The breakdown is kept; a search is not (it belongs to the counts it was made in). */}
      <HiddenQuery
        query={{ ...query, focus: null }}
        round={round}
        except={["status", "region", "authorised"]}
      />
      <div className="filters__field">
        <label htmlFor="results-region">{r.region}</label>
        <select id="results-region" name="region" defaultValue={query.region ?? ""}>
          <option value="">{r.anyRegion}</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {regionName(copy, region)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field results-filters__check">
        {/* Unticked, nothing is sent: submitted and accepted responses, the exports' default. */}
        <input
          id="results-accepted"
          type="checkbox"
          name="status"
          value="ACCEPTED"
          defaultChecked={query.acceptedOnly}
        />
        <label htmlFor="results-accepted">{r.acceptedOnly}</label>
      </div>
      <div className="filters__field results-filters__check">
        <input
          id="results-authorised"
          type="checkbox"
          name="authorised"
          value="1"
          defaultChecked={query.authorisedOnly}
        />
        <label htmlFor="results-authorised">{r.authorisedOnly}</label>
      </div>
      <button type="submit" className="secondary">
        {r.apply}
      </button>
      <Link
        to={resultsHref(
          RESULTS_PATH,
          { ...DEFAULT_RESULTS_QUERY, byRegion: query.byRegion },
          round,
        )}
      >
        {r.clear}
      </Link>
    </Form>
  );
}

/** "Break the charts down by region" or "Show all regions together": the same view otherwise. */
export function BreakdownToggle({ query, round }: { query: ResultsQuery; round: ShownRound }) {
  const r = useCopy().results;
  const toggled = { ...query, byRegion: !query.byRegion };
  return (
    <p className="results__breakdown">
      <Link to={resultsHref(RESULTS_PATH, toggled, round)}>
        {query.byRegion ? r.together : r.byRegion}
      </Link>
    </p>
  );
}
