// The response rate over time, for the dashboard: per region and for all Member States, how many
// had submitted by each day (the day of a response's first submission), from the round's start
// toward its deadline. Pure; days are UTC calendar days (YYYY-MM-DD), as the deadline is.

export type TimelineSeries = {
  /** A region's name, or null for every Member State. */
  region: string | null;
  total: number;
  /** The cumulative count on the start day and on every day it grew, then on the last day. */
  points: { day: string; count: number }[];
};

export type Timeline = {
  /** The first day of the axis: the round's opening, or an earlier first submission. */
  start: string;
  /** The last day of the axis: the deadline, or the last day counted when later. */
  end: string;
  /** The last day counted: today in a round still open, else the last submission's day. */
  through: string;
  deadline: string | null;
  submitted: number;
  /** Regions in alphabetical order, then all Member States. */
  series: TimelineSeries[];
  /** For the table: every day with a first submission, and the cumulative count by then. */
  days: { day: string; byRegion: Record<string, number>; all: number }[];
};

/** The chart's line of every Member State (the others are keyed by their region's name). */
export const ALL_KEY = "all";
/** The chart's rule at the deadline. */
export const DEADLINE_KEY = "deadline";

const DAY_MS = 86_400_000;
export const dayOf = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
/** The ISO day of a day number (days since 1970-01-01). */
export const dayFromNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function responseTimeline(input: {
  countries: readonly { code: string; region: string }[];
  /** Each response's first submission: when it was made (ISO or Date). */
  firstSubmissions: readonly { code: string; at: Date | string }[];
  openedAt: Date | string | null;
  deadline: Date | string | null;
  /** Whether the round is still answered (lines run to today, not past it). */
  open: boolean;
  today: Date | string;
}): Timeline {
  const regionOf = new Map(input.countries.map((c) => [c.code, c.region]));
  const regions = [...new Set(input.countries.map((c) => c.region))].sort();
  const totals = new Map(regions.map((r) => [r, 0]));
  for (const c of input.countries) totals.set(c.region, totals.get(c.region)! + 1);

  // One first submission per Member State counted, the earliest.
  const first = new Map<string, string>();
  for (const s of input.firstSubmissions) {
    if (!regionOf.has(s.code)) continue;
    const day = dayOf(s.at);
    const known = first.get(s.code);
    if (!known || day < known) first.set(s.code, day);
  }
  const submissionDays = [...new Set(first.values())].sort();
  const today = dayOf(input.today);
  const deadline = input.deadline ? dayOf(input.deadline) : null;
  const lastSubmission = submissionDays.at(-1) ?? null;
  const opened = input.openedAt ? dayOf(input.openedAt) : null;
  const start = [opened, submissionDays[0], today].filter((d): d is string => !!d).sort()[0]!;
  const through = input.open
    ? [today, lastSubmission ?? today].sort().at(-1)!
    : (lastSubmission ?? start);
  const end = [through, deadline ?? through].sort().at(-1)!;

  const byDay = new Map<string, string[]>();
  for (const [code, day] of first) byDay.set(day, [...(byDay.get(day) ?? []), code]);
  const running = new Map(regions.map((r) => [r, 0]));
  let all = 0;
  const days: Timeline["days"] = [];
  for (const day of submissionDays) {
    for (const code of byDay.get(day)!) {
      const region = regionOf.get(code)!;
      running.set(region, running.get(region)! + 1);
      all += 1;
    }
    days.push({ day, byRegion: Object.fromEntries(running), all });
  }

  const seriesOf = (region: string | null): TimelineSeries => {
    const count = (d: (typeof days)[number]) => (region ? d.byRegion[region]! : d.all);
    const points = [{ day: start, count: 0 }];
    for (const d of days) {
      const last = points.at(-1)!;
      if (count(d) === last.count) continue;
      if (d.day === last.day) last.count = count(d);
      else points.push({ day: d.day, count: count(d) });
    }
    if (points.at(-1)!.day !== through) points.push({ day: through, count: points.at(-1)!.count });
    return { region, total: region ? totals.get(region)! : input.countries.length, points };
  };
  return {
    start,
    end,
    through,
    deadline,
    submitted: all,
    series: [...regions.map(seriesOf), seriesOf(null)],
    days,
  };
}
