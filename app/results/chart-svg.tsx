import { COLOURS, layoutChart } from "./chart-layout";
import type { ChartTexts } from "./chart-texts";
import type { GraphicChart } from "./tally";

// A chart as SVG, drawn on the server: in the page (its title and description for screen
// readers, the numbers in the table beside it) and as a file to download, which carries its
// title, what was counted and how to read it, on a white background, with the fonts named so
// that the PNG renderer finds them. No style attributes: the page's Content-Security-Policy
// refuses inline styles, so colours and fonts are presentation attributes.

/** Fonts for a downloaded file: the server's DejaVu (Latin, Cyrillic, Arabic) and WenQuanYi (Chinese). */
export const FILE_FONTS =
  "'DejaVu Sans', 'Noto Sans', 'Noto Sans Arabic', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', Arial, sans-serif";

export function ChartSvg({
  chart,
  texts,
  rtl,
  standalone = false,
  id,
}: {
  chart: GraphicChart;
  texts: ChartTexts;
  rtl: boolean;
  /** A file of its own: title, counts and notes drawn in, fonts named, a white background. */
  standalone?: boolean;
  /** Prefix of the ids its title and description get. */
  id: string;
}) {
  const layout = layoutChart(chart, texts, { rtl, standalone });
  const titleId = `${id}-svg-title`;
  const descId = `${id}-svg-desc`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={standalone ? layout.width : undefined}
      height={standalone ? layout.height : undefined}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      className={standalone ? undefined : "chart__svg"}
      // Positions are physical: the page's right-to-left direction must not flip the anchors.
      direction="ltr"
      fontFamily={standalone ? FILE_FONTS : undefined}
    >
      <title id={titleId}>{texts.title}</title>
      <desc id={descId}>{texts.desc}</desc>
      {standalone ? (
        <rect width={layout.width} height={layout.height} fill={COLOURS.background} />
      ) : null}
      {layout.items.map((item, i) =>
        item.kind === "rect" ? (
          <rect
            key={i}
            x={round(item.x)}
            y={round(item.y)}
            width={round(item.width)}
            height={round(item.height)}
            fill={item.fill}
          />
        ) : (
          <text
            key={i}
            x={round(item.x)}
            y={round(item.y)}
            textAnchor={item.anchor}
            fontSize={item.size}
            fontWeight={item.bold ? "bold" : undefined}
            fill={item.fill}
          >
            {item.text}
          </text>
        ),
      )}
    </svg>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
