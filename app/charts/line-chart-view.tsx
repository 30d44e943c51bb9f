import type { LineChartLayout } from "./line-chart";

// Draws a laid-out line chart (line-chart.ts) as SVG: an image with a title and a description
// (role="img"), its figures given beside it as a table by the caller. Each line differs by
// colour and dash, and is named at its end, so colour is not the only cue.

/** Line colours with 4.5:1 or more against white (Okabe–Ito hues, darkened), with dashes. */
const STYLES = [
  { stroke: "#0072b2", dash: undefined },
  { stroke: "#c2410c", dash: "6 3" },
  { stroke: "#00785a", dash: "2 2" },
  { stroke: "#a4407f", dash: "8 3 2 3" },
  { stroke: "#7a5c00", dash: "1.5 3" },
  { stroke: "#4a5360", dash: "10 4" },
];
const EMPHASIS = { stroke: "#1b1f24", dash: undefined };

export function LineChart({
  layout,
  id,
  title,
  description,
  xLabel,
  yLabel,
  lineLabel,
  ruleLabel,
}: {
  layout: LineChartLayout;
  /** Unique in the page: the title's and description's ids derive from it. */
  id: string;
  title: string;
  description: string;
  xLabel: (value: number) => string;
  yLabel: (value: number) => string;
  lineLabel: (key: string) => string;
  ruleLabel: (key: string) => string;
}) {
  const { plot } = layout;
  let plain = 0;
  const styled = layout.lines.map((l) => ({
    ...l,
    style: l.emphasis ? EMPHASIS : STYLES[plain++ % STYLES.length]!,
  }));
  return (
    <svg
      className="line-chart"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g className="line-chart__grid">
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
            <text x={plot.left - 4} y={t.y} dy="0.32em" textAnchor="end">
              {yLabel(t.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.value} x={t.x} y={plot.bottom + 16} textAnchor="middle">
            {xLabel(t.value)}
          </text>
        ))}
        <line
          className="line-chart__axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
      </g>
      {layout.rules.map((r) => (
        <g key={r.key} className="line-chart__rule">
          <line x1={r.x} x2={r.x} y1={plot.top} y2={plot.bottom} />
          <text x={r.x} y={plot.top - 6} textAnchor="middle">
            {ruleLabel(r.key)}
          </text>
        </g>
      ))}
      {styled.map((l) => (
        <path
          key={l.key}
          className="line-chart__line"
          d={l.d}
          stroke={l.style.stroke}
          strokeDasharray={l.style.dash}
          strokeWidth={l.emphasis ? 2.5 : 1.8}
        />
      ))}
      {styled.map((l) => (
        <g key={l.key} className="line-chart__label">
          <line
            x1={l.labelX}
            x2={l.labelX + 14}
            y1={l.labelY}
            y2={l.labelY}
            stroke={l.style.stroke}
            strokeDasharray={l.style.dash}
            strokeWidth={l.emphasis ? 2.5 : 1.8}
          />
          <text x={l.labelX + 18} y={l.labelY} dy="0.32em">
            {lineLabel(l.key)}
          </text>
        </g>
      ))}
    </svg>
  );
}
