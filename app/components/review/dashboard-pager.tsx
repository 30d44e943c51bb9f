import { useCopy } from "~/i18n";
import { dashboardHref, type DashboardFilters, type DashboardPage } from "~/models/dashboard";

/** Where the table is in the filtered rows, with links to the other pages and to "show all". */
export function DashboardPager({
  shown,
  filters,
}: {
  shown: Omit<DashboardPage, "rows">;
  filters: DashboardFilters;
}) {
  const d = useCopy().dashboard;
  const href = (page: DashboardFilters["page"]) => dashboardHref(filters, { page });
  const current = shown.page === "all" ? null : shown.page;
  return (
    <nav className="pager" aria-label={d.pages}>
      <p role="status" className="pager__info">
        {d.pageInfo({ from: shown.from, to: shown.to, total: shown.total })}
      </p>
      {shown.pages > 1 ? (
        <ul className="pager__links">
          {current && current > 1 ? (
            <li>
              <a href={href(current - 1)} rel="prev">
                {d.previousPage}
              </a>
            </li>
          ) : null}
          {Array.from({ length: shown.pages }, (_, i) => i + 1).map((page) => (
            <li key={page}>
              <a href={href(page)} aria-current={page === current ? "page" : undefined}>
                {page}
              </a>
            </li>
          ))}
          {current && current < shown.pages ? (
            <li>
              <a href={href(current + 1)} rel="next">
                {d.nextPage}
              </a>
            </li>
          ) : null}
          <li>
            {current ? (
              <a href={href("all")}>{d.showAll({ n: shown.total })}</a>
            ) : (
              <a href={href(1)}>{d.showPaged}</a>
            )}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}
