import type { Locale } from "~/i18n/locale";
import { markupApart } from "~/keep-markup.server";
import type { DashboardRow } from "~/models/dashboard";
import { DashboardTableRow } from "./dashboard-table";

// The dashboard's rows rendered apart for a document (kept-markup.tsx), each row's markup kept:
// React rendering 193 rows of a dozen elements was the largest part of the page's server time,
// and a row changes only when its country's response or focal points do. Kept per what it shows
// (the row, the language, the round it links to); all let go past the limit.

const KEPT = 4000; // 193 Member States in six languages, current and earlier rounds, and some
/** Per language and round linked to, per Member State: the row it showed last and its markup. */
const kept = new Map<string, Map<string, { row: DashboardRow; markup: string }>>();
let keptRows = 0;

// Compared field by field: a key made of the whole row (its JSON) cost more to build and hash
// than the rest of the page's rows.
function sameRow(a: DashboardRow, b: DashboardRow): boolean {
  return (
    a.name === b.name &&
    a.region === b.region &&
    a.status === b.status &&
    a.imported === b.imported &&
    a.lastActivity === b.lastActivity &&
    a.authorised === b.authorised &&
    a.focalPoints.length === b.focalPoints.length &&
    a.focalPoints.every((name, i) => name === b.focalPoints[i])
  );
}

function rowMarkup(
  row: DashboardRow,
  earlierRound: string | null,
  locale: Locale,
  rows: Map<string, { row: DashboardRow; markup: string }>,
): string {
  const found = rows.get(row.code);
  if (found && sameRow(found.row, row)) return found.markup;
  const markup = markupApart(locale, <DashboardTableRow row={row} earlierRound={earlierRound} />);
  if (!found && ++keptRows > KEPT) {
    kept.clear();
    keptRows = 1;
  }
  rows.set(row.code, { row, markup });
  return markup;
}

/** The table body's markup: the rows in their order. */
export function dashboardRowsMarkup(
  rows: readonly DashboardRow[],
  earlierRound: string | null,
  locale: Locale,
): string {
  const view = `${locale} ${earlierRound ?? ""}`;
  let keptOfView = kept.get(view);
  if (!keptOfView) kept.set(view, (keptOfView = new Map()));
  const markup = [];
  for (const row of rows) markup.push(rowMarkup(row, earlierRound, locale, keptOfView));
  return markup.join("");
}
