import type { Locale } from "~/i18n/locale";
import { mapGeometry } from "~/results/map-geometry.server";
import { worldMapView } from "~/results/map-markup.server";
import type { DashboardRow } from "./dashboard";
import { responseTimeline } from "./response-timeline";
import { timelineChart, timelineTickUnit } from "./response-timeline-chart";
import type { Round } from "./round.server";

// The top of the dashboard: the world map of the round's statuses and the response rate over
// time. The map's geometry is the process's (computed once), its markup kept while the statuses
// stay the same.

type OverviewRound = Pick<Round, "id" | "status" | "openedAt" | "deadline">;

export function roundOverview(input: {
  round: OverviewRound;
  isCurrent: boolean;
  rows: readonly DashboardRow[];
  /** Each response's first submission (response-timeline.server.ts). */
  firstSubmissions: readonly { code: string; at: Date }[];
  locale: Locale;
  now?: Date;
}) {
  const { round, isCurrent, rows } = input;
  return {
    // As the table links: the current round's review page, an earlier round's print view.
    map: worldMapView(mapGeometry(), rows, isCurrent ? null : round.id, input.locale),
    timeline: timelineView(round, rows, input.firstSubmissions, input.now ?? new Date()),
  };
}

// The timeline changes when a response is first submitted, a day passes or the round's dates
// change: kept per what it is made of (the same object, so its markup can be kept with it).
const KEPT_TIMELINES = 24;
const keptTimelines = new Map<string, ReturnType<typeof computeTimeline>>();

function timelineView(
  round: OverviewRound,
  rows: readonly DashboardRow[],
  firstSubmissions: readonly { code: string; at: Date }[],
  now: Date,
) {
  const key = [
    round.id,
    round.status,
    round.openedAt?.toISOString() ?? "",
    round.deadline?.toISOString() ?? "",
    now.toISOString().slice(0, 10),
    rows.map((r) => `${r.code}${r.region}`).join(),
    firstSubmissions.map((s) => `${s.code}${s.at.getTime()}`).join(),
  ].join("\n");
  const found = keptTimelines.get(key);
  if (found) return found;
  const view = computeTimeline(round, rows, firstSubmissions, now);
  if (keptTimelines.size >= KEPT_TIMELINES)
    keptTimelines.delete(keptTimelines.keys().next().value!);
  keptTimelines.set(key, view);
  return view;
}

function computeTimeline(
  round: OverviewRound,
  rows: readonly DashboardRow[],
  firstSubmissions: readonly { code: string; at: Date }[],
  now: Date,
) {
  const timeline = responseTimeline({
    countries: rows,
    firstSubmissions,
    openedAt: round.openedAt,
    deadline: round.deadline,
    open: round.status === "OPEN",
    today: now,
  });
  return {
    start: timeline.start,
    through: timeline.through,
    deadline: timeline.deadline,
    submitted: timeline.submitted,
    totals: timeline.series.map((s) => ({
      region: s.region,
      total: s.total,
      count: s.points.at(-1)?.count ?? 0,
    })),
    days: timeline.days,
    chart: timeline.submitted > 0 ? timelineChart(timeline) : null,
    tickUnit: timelineTickUnit(timeline),
  };
}

export type RoundOverview = ReturnType<typeof roundOverview>;
