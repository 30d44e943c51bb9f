import { regionName } from "~/i18n/copy";
import { useCopy } from "~/i18n";
import {
  DASHBOARD_STATUSES,
  dashboardHref,
  type DashboardCounts,
  type DashboardFilters,
} from "~/models/dashboard";
import { statusLabel } from "~/results/map";
import { StatusSwatch } from "~/results/map-view";

/**
 * The round at a glance: the response rate and a link per status, each with its colour on the
 * world map beside it (the map's legend, with the counts).
 */
export function DashboardSummary({
  counts,
  filters,
}: {
  counts: DashboardCounts;
  filters: DashboardFilters;
}) {
  const copy = useCopy();
  const d = copy.dashboard;
  const responded = counts.byStatus.SUBMITTED + counts.byStatus.ACCEPTED;
  return (
    <div className="dashboard-summary">
      <h2>{d.countsTitle}</h2>
      <p className="dashboard-summary__rate">
        {d.responseRate({
          submitted: responded,
          total: counts.total,
          rate: counts.total ? responded / counts.total : 0,
        })}
      </p>
      <ul className="status-tiles" aria-label={d.statusTiles}>
        {DASHBOARD_STATUSES.map((status) => (
          <li key={status}>
            <a
              href={dashboardHref(filters, { status, page: 1 })}
              aria-current={filters.status === status ? "true" : undefined}
              className={`status-tile status-tile--${status.toLowerCase()}`}
            >
              <StatusSwatch status={status} />
              <span className="status-tile__count">{counts.byStatus[status]}</span>{" "}
              <span className="status-tile__label">{statusLabel(copy, status)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Submitted or accepted, by region: a row per region, each a filter of the table. */
export function RegionRates({
  counts,
  filters,
}: {
  counts: DashboardCounts;
  filters: DashboardFilters;
}) {
  const copy = useCopy();
  const d = copy.dashboard;
  return (
    <div className="table-scroll">
      <table className="region-rates">
        <caption>{d.byRegion}</caption>
        <thead>
          <tr>
            <th scope="col">{d.region}</th>
            <th scope="col">{d.countsTitle}</th>
          </tr>
        </thead>
        <tbody>
          {counts.byRegion.map((r) => (
            <tr key={r.region}>
              <th scope="row">
                <a href={dashboardHref(filters, { region: r.region, page: 1 })}>
                  {regionName(copy, r.region)}
                </a>
              </th>
              <td>
                {d.regionRate({
                  submitted: r.responded,
                  total: r.total,
                  rate: r.total ? r.responded / r.total : 0,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
