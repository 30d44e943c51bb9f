import { describe, expect, it } from "vitest";
import { responseTimeline } from "./response-timeline";
import { timelineChart } from "./response-timeline-chart";

// The response rate over time: cumulative first submissions per day, per region and in all.

const countries = [
  { code: "RWA", region: "Africa" },
  { code: "GHA", region: "Africa" },
  { code: "KEN", region: "Africa" },
  { code: "QAT", region: "Asia" },
  { code: "TJK", region: "Asia" },
];

describe("response timeline", () => {
  const timeline = responseTimeline({
    countries,
    firstSubmissions: [
      { code: "RWA", at: "2026-03-02T10:00:00Z" },
      { code: "QAT", at: "2026-03-02T23:59:00Z" },
      { code: "GHA", at: new Date("2026-03-05T08:00:00Z") },
      // A later submission of the same country does not count twice; the earliest does.
      { code: "RWA", at: "2026-03-01T09:00:00Z" },
      // Not a Member State of the dashboard: left out.
      { code: "XXX", at: "2026-03-03T00:00:00Z" },
    ],
    openedAt: "2026-02-20T12:00:00Z",
    deadline: "2026-03-31T23:59:59Z",
    open: true,
    today: "2026-03-10T15:00:00Z",
  });

  it("runs from the opening to the deadline, counted to today", () => {
    expect(timeline).toMatchObject({
      start: "2026-02-20",
      end: "2026-03-31",
      through: "2026-03-10",
      deadline: "2026-03-31",
      submitted: 3,
    });
  });

  it("counts per region and in all, cumulatively, on the days of first submissions", () => {
    expect(timeline.days).toEqual([
      { day: "2026-03-01", byRegion: { Africa: 1, Asia: 0 }, all: 1 },
      { day: "2026-03-02", byRegion: { Africa: 1, Asia: 1 }, all: 2 },
      { day: "2026-03-05", byRegion: { Africa: 2, Asia: 1 }, all: 3 },
    ]);
    const [africa, asia, all] = timeline.series;
    expect(africa).toEqual({
      region: "Africa",
      total: 3,
      points: [
        { day: "2026-02-20", count: 0 },
        { day: "2026-03-01", count: 1 },
        { day: "2026-03-05", count: 2 },
        { day: "2026-03-10", count: 2 },
      ],
    });
    expect(asia!.points).toEqual([
      { day: "2026-02-20", count: 0 },
      { day: "2026-03-02", count: 1 },
      { day: "2026-03-10", count: 1 },
    ]);
    expect(all).toMatchObject({ region: null, total: 5 });
    expect(all!.points.at(-1)).toEqual({ day: "2026-03-10", count: 3 });
  });

  it("ends a closed round at its last submission, and starts at a submission before the opening", () => {
    const closed = responseTimeline({
      countries,
      firstSubmissions: [{ code: "TJK", at: "2020-01-05T00:00:00Z" }],
      openedAt: "2020-02-01T00:00:00Z",
      deadline: null,
      open: false,
      today: "2026-01-01T00:00:00Z",
    });
    expect(closed).toMatchObject({ start: "2020-01-05", end: "2020-01-05", through: "2020-01-05" });
    expect(closed.series[1]!.points).toEqual([{ day: "2020-01-05", count: 1 }]);
  });

  it("lays out a chart: a step line per region, the total emphasised, the deadline a rule", () => {
    const chart = timelineChart(timeline);
    expect(chart.lines.map((l) => l.key)).toEqual(["Africa", "Asia", "all"]);
    expect(chart.lines.map((l) => l.emphasis)).toEqual([false, false, true]);
    expect(chart.rules).toHaveLength(1);
    expect(chart.rules[0]!.x).toBe(chart.plot.right);
    // Asia reaches half its Member States: halfway up the plot.
    const half = (chart.plot.top + chart.plot.bottom) / 2;
    expect(chart.lines[1]!.d).toContain(`,${Math.round(half * 10) / 10}`);
    expect(chart.xTicks.length).toBeGreaterThanOrEqual(2);
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
