import { scaleUtc } from "d3-scale";
import { layoutLineChart, type LineChartLayout } from "~/charts/line-chart";
import { ALL_KEY, DEADLINE_KEY, dayNumber, type Timeline } from "./response-timeline";

// The dashboard's chart of the response rate over time, laid out on the server: the share of
// each region's Member States that had submitted, by day, with the deadline as a rule.

export const TIMELINE_CHART = { width: 520, height: 230 } as const;
const DAY_MS = 86_400_000;

/** How the axis's days are written: by day and month, or (over half a year) by month and year. */
export function timelineTickUnit(timeline: Pick<Timeline, "start" | "end">): "day" | "month" {
  return dayNumber(timeline.end) - dayNumber(timeline.start) > 183 ? "month" : "day";
}

export function timelineChart(timeline: Timeline): LineChartLayout {
  const start = dayNumber(timeline.start);
  const end = dayNumber(timeline.end);
  const ticks = scaleUtc()
    .domain([new Date(start * DAY_MS), new Date(Math.max(end, start + 1) * DAY_MS)])
    .ticks(4)
    .map((d) => d.getTime() / DAY_MS)
    .filter((d) => Number.isInteger(d));
  return layoutLineChart({
    ...TIMELINE_CHART,
    labelWidth: 140,
    steps: true,
    series: timeline.series.map((s) => ({
      key: s.region ?? ALL_KEY,
      emphasis: s.region === null,
      points: s.points.map((p) => ({ x: dayNumber(p.day), y: s.total ? p.count / s.total : 0 })),
    })),
    x: { domain: [start, end], ticks },
    y: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] },
    rules: timeline.deadline ? [{ key: DEADLINE_KEY, value: dayNumber(timeline.deadline) }] : [],
  });
}
