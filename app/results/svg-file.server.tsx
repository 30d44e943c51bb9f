import { renderToStaticMarkup } from "react-dom/server";
import { ChartSvg } from "./chart-svg";
import type { ChartTexts } from "./chart-texts";
import type { GraphicChart } from "./tally";

/** The chart as an SVG file of its own: title, what was counted and notes drawn in. */
export function chartSvgFile(chart: GraphicChart, texts: ChartTexts, rtl: boolean): string {
  const svg = renderToStaticMarkup(
    <ChartSvg chart={chart} texts={texts} rtl={rtl} standalone id={`chart-${chart.key}`} />,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
