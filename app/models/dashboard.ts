import { byCountryName, countryNames } from "~/countries";
import type { ResponseStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/locale";
import { ROUND_PARAM } from "./round-choice";

// The reviewers' dashboard: filtering, sorting and counting the 193 rows. Pure, so the URL
// (a shareable filtered view) maps to the same rows everywhere, and it is tested on its own.

export type DashboardStatus = ResponseStatus | "NOT_STARTED";
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = [
  "NOT_STARTED",
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "ACCEPTED",
];
const SORTS = ["name", "region", "status", "lastActivity"] as const;

export type DashboardRow = {
  code: string;
  /** The country's name in the reader's language (countryName). */
  name: string;
  region: string;
  status: DashboardStatus;
  imported: boolean;
  lastActivity: string | null;
  focalPoints: string[];
  authorised: boolean | null;
};

export type DashboardFilters = {
  /** The round shown (`?round=2020`); null for the current round. Checked by the loader. */
  round: string | null;
  status: DashboardStatus | null;
  region: string | null;
  authorised: "yes" | "no" | null;
  q: string;
  sort: (typeof SORTS)[number];
  dir: "asc" | "desc";
  /** The page of the table shown (1-based), or every row at once. */
  page: number | "all";
};

/** Rows per page: 25 rows keep the dashboard under 2,000 px on a laptop screen. */
export const DASHBOARD_PAGE_SIZE = 25;

export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const status = DASHBOARD_STATUSES.find((s) => s === params.get("status")) ?? null;
  const authorised = params.get("authorised");
  return {
    round: params.get(ROUND_PARAM) || null,
    status,
    region: params.get("region") || null,
    authorised: authorised === "yes" || authorised === "no" ? authorised : null,
    q: (params.get("q") ?? "").trim().slice(0, 100),
    sort: SORTS.find((s) => s === params.get("sort")) ?? "name",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    page: parsePage(params.get("page")),
  };
}

function parsePage(value: string | null): number | "all" {
  if (value === "all") return "all";
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
}

export type DashboardPage = {
  rows: DashboardRow[];
  /** The page shown (a page past the end shows the last one), or "all". */
  page: number | "all";
  pages: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when nothing matches. */
  from: number;
  to: number;
  total: number;
};

/** The rows of one page of the filtered, sorted table. */
export function pageOfRows(
  rows: readonly DashboardRow[],
  page: number | "all",
  size = DASHBOARD_PAGE_SIZE,
): DashboardPage {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / size));
  if (page === "all")
    return { rows: [...rows], page, pages, from: total ? 1 : 0, to: total, total };
  const shown = Math.min(page, pages);
  const start = (shown - 1) * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: shown,
    pages,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
    total,
  };
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Each country's names in the six languages, folded once (the search compares with them). */
const foldedNames = new Map<string, string[]>();

/** The search box finds a country by any of its names, in any of the six languages. */
function matchesName(row: DashboardRow, q: string): boolean {
  if (row.code.toLowerCase() === q || fold(row.name).includes(q)) return true;
  let names = foldedNames.get(row.code);
  if (!names) foldedNames.set(row.code, (names = countryNames(row.code).map(fold)));
  return names.some((name) => name.includes(q));
}

/** The rows the filters keep, sorted; names sort as they are ordered in `locale`. */
export function applyDashboardFilters(
  rows: readonly DashboardRow[],
  f: DashboardFilters,
  locale: Locale,
): DashboardRow[] {
  const q = fold(f.q);
  const shown = rows.filter(
    (row) =>
      (!f.status || row.status === f.status) &&
      (!f.region || row.region === f.region) &&
      (!f.authorised || row.authorised === (f.authorised === "yes")) &&
      (!q || matchesName(row, q)),
  );
  const byName = byCountryName(locale);
  const key = (row: DashboardRow) =>
    f.sort === "status"
      ? String(DASHBOARD_STATUSES.indexOf(row.status))
      : f.sort === "lastActivity"
        ? (row.lastActivity ?? "")
        : row.region;
  const sign = f.dir === "asc" ? 1 : -1;
  return shown.sort((a, b) =>
    f.sort === "name"
      ? sign * byName(a.code, b.code)
      : sign * key(a).localeCompare(key(b)) || byName(a.code, b.code),
  );
}

export type DashboardCounts = {
  total: number;
  byStatus: Record<DashboardStatus, number>;
  byRegion: { region: string; total: number; responded: number }[];
};

/** Counts per status and response rate per region ("responded": submitted or accepted). */
export function dashboardCounts(rows: readonly DashboardRow[]): DashboardCounts {
  const byStatus = Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Record<
    DashboardStatus,
    number
  >;
  const regions = new Map<string, { total: number; responded: number }>();
  for (const row of rows) {
    byStatus[row.status] += 1;
    const region = regions.get(row.region) ?? { total: 0, responded: 0 };
    region.total += 1;
    if (row.status === "SUBMITTED" || row.status === "ACCEPTED") region.responded += 1;
    regions.set(row.region, region);
  }
  return {
    total: rows.length,
    byStatus,
    byRegion: [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, c]) => ({ region, ...c })),
  };
}

/** The same view with one parameter changed (sort and page links keep the filters). */
export function dashboardHref(f: DashboardFilters, change: Partial<DashboardFilters>): string {
  const next = { ...f, ...change };
  const params = new URLSearchParams();
  if (next.round) params.set(ROUND_PARAM, next.round);
  if (next.status) params.set("status", next.status);
  if (next.region) params.set("region", next.region);
  if (next.authorised) params.set("authorised", next.authorised);
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}
