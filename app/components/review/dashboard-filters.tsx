import { regionName } from "~/i18n/copy";
import { Form, Link } from "@remix-run/react";
import { useCopy } from "~/i18n";
import {
  DASHBOARD_STATUSES,
  dashboardHref,
  parseDashboardFilters,
  type DashboardFilters,
} from "~/models/dashboard";
import { ROUND_PARAM } from "~/models/round-choice";

/** No filter: what "Clear filters" leads to, in the same round. */
const CLEARED = parseDashboardFilters(new URLSearchParams());

/** A GET form: the filtered view's URL can be bookmarked and shared. */
export function DashboardFilterForm({
  filters,
  regions,
}: {
  filters: DashboardFilters;
  regions: string[];
}) {
  const copy = useCopy();
  const d = copy.dashboard;
  return (
    <Form method="get" className="filters" aria-label={d.filter}>
      <div className="filters__field">
        <label htmlFor="f-status">{d.status}</label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{d.anyStatus}</option>
          {DASHBOARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "NOT_STARTED" ? d.notStarted : copy.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="f-region">{d.region}</label>
        <select id="f-region" name="region" defaultValue={filters.region ?? ""}>
          <option value="">{d.anyRegion}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {regionName(copy, r)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="f-authorised">{d.authorisation}</label>
        <select id="f-authorised" name="authorised" defaultValue={filters.authorised ?? ""}>
          <option value="">{d.anyAuthorisation}</option>
          <option value="yes">{d.onlyAuthorised}</option>
          <option value="no">{d.onlyNotAuthorised}</option>
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="f-q">{d.search}</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q} />
      </div>
      {filters.round ? <input type="hidden" name={ROUND_PARAM} value={filters.round} /> : null}
      {filters.sort !== "name" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== "asc" ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      <button type="submit" className="secondary">
        {d.apply}
      </button>
      <Link to={dashboardHref(CLEARED, { round: filters.round })}>{d.clear}</Link>
    </Form>
  );
}
