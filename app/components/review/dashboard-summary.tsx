import { regionName } from "~/i18n/copy";
import { useCopy } from "~/i18n";
import {
  DASHBOARD_STATUSES,
  dashboardHref,
  type DashboardCounts,
  type DashboardFilters,
} from "~/models/dashboard";

/** The round at a glance: the response rate, a link per status, and the rate per region. */
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
      <div>
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
                <span className="status-tile__count">{counts.byStatus[status]}</span>{" "}
                <span className="status-tile__label">
                  {status === "NOT_STARTED" ? d.notStarted : copy.statuses[status]}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div className="table-scroll">
        <table className="region-rates">
          <caption>{d.byRegion}</caption>
          <thead>
            <tr>
              {counts.byRegion.map((r) => (
                <th key={r.region} scope="col">
                  <a href={dashboardHref(filters, { region: r.region, page: 1 })}>
                    {regionName(copy, r.region)}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {counts.byRegion.map((r) => (
                <td key={r.region}>
                  {d.regionRate({
                    submitted: r.responded,
                    total: r.total,
                    rate: r.total ? r.responded / r.total : 0,
                  })}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
