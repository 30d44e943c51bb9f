import { scaleLinear } from "d3-scale";
import { curveLinear, curveStepAfter, line } from "d3-shape";

// A small line chart laid out for server-rendered SVG: scales, one path per series, axis ticks
// and a place for a label at the end of each line, moved apart so none covers another. Pure, and
// run on the server (d3 stays out of the browser's bundle): the component (line-chart-view.tsx) draws
// what this returns and writes the labels in the page's language.

export type LinePoint = { x: number; y: number };
export type LineSeries = {
  key: string;
  points: readonly LinePoint[];
  /** Drawn thicker: the total among its parts. */
  emphasis?: boolean;
};

export type LineChartSpec = {
  width: number;
  height: number;
  series: readonly LineSeries[];
  x: { domain: [number, number]; ticks: readonly number[] };
  y: { domain: [number, number]; ticks: readonly number[] };
  /** Vertical rules (a deadline), labelled at the top. */
  rules?: readonly { key: string; value: number }[];
  /** Counts that grow by steps (a cumulative count) are drawn as steps. */
  steps?: boolean;
  /** Room on the end side for the lines' labels, in chart units. */
  labelWidth?: number;
};

export type LineChartLayout = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  lines: {
    key: string;
    d: string;
    emphasis: boolean;
    /** Where its label starts: just after the line's end (the lines of one chart end together). */
    labelX: number;
    labelY: number;
  }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  rules: { key: string; x: number }[];
};

/** The lines' labels are this far apart at least (chart units: a line of small text). */
export const LABEL_GAP = 13;

/**
 * Places labels at their lines' ends, then moves them apart: sorted from the top, each goes
 * below the previous by LABEL_GAP at least, and the stack is moved up as a whole if it ran past
 * the bottom. Keeps the order of the lines' ends.
 */
export function spreadLabels(ys: readonly number[], top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 0; k < placed.length; k++)
    placed[k] = Math.max(placed[k]!, k === 0 ? top : placed[k - 1]! + LABEL_GAP);
  const overflow = (placed.at(-1) ?? bottom) - bottom;
  if (overflow > 0) {
    for (let k = placed.length - 1; k >= 0; k--) {
      const limit = k === placed.length - 1 ? bottom : placed[k + 1]! - LABEL_GAP;
      placed[k] = Math.min(placed[k]!, limit);
    }
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k]!)));
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function layoutLineChart(spec: LineChartSpec): LineChartLayout {
  const plot = {
    left: 40,
    top: 18,
    right: spec.width - (spec.labelWidth ?? 120),
    bottom: spec.height - 24,
  };
  const [x0, x1] = spec.x.domain;
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0, x0 + 1] : [x0, x1])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain(spec.y.domain).range([plot.bottom, plot.top]);
  const path = line<LinePoint>()
    .x((p) => round1(x(p.x)))
    .y((p) => round1(y(p.y)))
    .curve(spec.steps ? curveStepAfter : curveLinear);
  const drawn = spec.series.filter((s) => s.points.length > 0);
  const ends = drawn.map((s) => y(s.points.at(-1)!.y));
  const labelYs = spreadLabels(ends, plot.top, plot.bottom);
  return {
    width: spec.width,
    height: spec.height,
    plot,
    lines: drawn.map((s, i) => ({
      key: s.key,
      d: path([...s.points]) ?? "",
      emphasis: Boolean(s.emphasis),
      labelX: round1(x(s.points.at(-1)!.x) + 6),
      labelY: round1(labelYs[i]!),
    })),
    xTicks: spec.x.ticks.map((value) => ({ value, x: round1(x(value)) })),
    yTicks: spec.y.ticks.map((value) => ({ value, y: round1(y(value)) })),
    rules: (spec.rules ?? []).map((r) => ({ key: r.key, x: round1(x(r.value)) })),
  };
}
