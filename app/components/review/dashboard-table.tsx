import { regionName } from "~/i18n/copy";
import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { dashboardHref, type DashboardFilters, type DashboardRow } from "~/models/dashboard";
import { KeptOrRendered } from "~/components/kept-markup";
import { REMINDER_FORM_ID } from "./reminder-form";

/** The table's body, when the server rendered its rows apart. */
export const DASHBOARD_ROWS_ID = "dashboard-rows";

type Sort = DashboardFilters["sort"];

function SortHeader({
  label,
  sort,
  filters,
}: {
  label: string;
  sort: Sort;
  filters: DashboardFilters;
}) {
  const copy = useCopy().dashboard;
  const active = filters.sort === sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link
        to={dashboardHref(filters, { sort, dir, page: 1 })}
        aria-label={copy.sortBy({ column: label })}
      >
        {label}
        {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

/**
 * Member States with their status; a checkbox per row chooses who gets a reminder. An earlier
 * round (`filters.round`) takes no reminders: no checkboxes, and each country links to its
 * response in that round's print view.
 */
export function DashboardTable({
  rows,
  filters,
}: {
  /** Null when the server rendered them apart, for a document (kept-markup.tsx). */
  rows: DashboardRow[] | null;
  filters: DashboardFilters;
}) {
  const earlier = filters.round;
  const copy = useCopy();
  const d = copy.dashboard;
  return (
    <div className="table-scroll">
      <table className="dashboard-table">
        <thead>
          <tr>
            {earlier ? null : (
              <th scope="col">
                <span className="visually-hidden">{d.remindTitle}</span>
              </th>
            )}
            <SortHeader label={d.country} sort="name" filters={filters} />
            <SortHeader label={d.region} sort="region" filters={filters} />
            <SortHeader label={d.status} sort="status" filters={filters} />
            <th scope="col">{d.imported}</th>
            <SortHeader label={d.lastActivity} sort="lastActivity" filters={filters} />
            <th scope="col">{d.focalPoints}</th>
            <th scope="col">{d.authorisation}</th>
          </tr>
        </thead>
        {/* For a document, the rows the server rendered apart (dashboard-rows.server.tsx). */}
        <KeptOrRendered as="tbody" id={DASHBOARD_ROWS_ID}>
          {rows?.map((row) => (
            <DashboardTableRow key={row.code} row={row} earlierRound={earlier} />
          )) ?? null}
        </KeptOrRendered>
      </table>
    </div>
  );
}

/** A Member State's row: rendered by React in the browser, and apart on the server. */
export function DashboardTableRow({
  row,
  earlierRound,
}: {
  row: DashboardRow;
  earlierRound: string | null;
}) {
  const copy = useCopy();
  const d = copy.dashboard;
  const href = earlierRound
    ? `/print/${row.code}?round=${encodeURIComponent(earlierRound)}`
    : `/review/${row.code}`;
  return (
    <tr>
      {earlierRound ? null : (
        <td>
          <input
            type="checkbox"
            name="countries"
            form={REMINDER_FORM_ID}
            value={row.code}
            aria-label={d.select({ name: row.name })}
          />
        </td>
      )}
      <th scope="row">
        {/* A plain link: 193 router links cost a fifth of the page's server time. */}
        <a href={href}>{row.name}</a>
      </th>
      <td>{regionName(copy, row.region)}</td>
      <td className="nowrap">
        {row.status === "NOT_STARTED" ? d.notStarted : copy.statuses[row.status]}
      </td>
      <td>{row.imported ? d.imported : ""}</td>
      <td>{row.lastActivity ? <LocalTime iso={row.lastActivity} withDate /> : d.unknown}</td>
      <td>{row.focalPoints.length ? row.focalPoints.join(", ") : d.unknown}</td>
      <td>
        {row.authorised === null ? d.unknown : row.authorised ? d.authorised : d.notAuthorised}
      </td>
    </tr>
  );
}
