import { scaleLinear } from "d3-scale";
import { NO_ANSWER, percentOf, type GraphicChart } from "./tally";
import type { ChartTexts } from "./chart-texts";

// Where each piece of a chart goes: horizontal bars, each answer's name above its bar, bars
// from 0 to 100 % of the respondents so that charts compare, the count and share after the bar.
// Right to left, the picture is mirrored: names and bars start at the right and bars grow to
// the left. Text is placed by physical anchors and isolated with Unicode controls, not by the
// CSS `direction`, which the PNG renderer (resvg) ignores: the page, the SVG and the PNG then
// read the same. Pure, and linear in the texts (wrapping estimates widths, no DOM).

export const CHART_WIDTH = 720;
const PAD = 16;
const LABEL_SIZE = 15;
const LABEL_LINE = 20;
const BAR_HEIGHT = 18;
const VALUE_SIZE = 14;
const VALUE_COLUMN = 130;
const REGION_COLUMN = 170;
const REGION_SIZE = 13;
const GROUP_ROW = 22;
const GAP = 12;

export const COLOURS = {
  text: "#1b1f24",
  muted: "#4a5360",
  bar: "#005a9c",
  /** "No answer": grey, still 4.5:1 on white. */
  none: "#5f6b78",
  track: "#e8ecf0",
  background: "#ffffff",
} as const;

export type TextItem = {
  kind: "text";
  x: number;
  y: number;
  anchor: "start" | "end";
  text: string;
  size: number;
  bold?: boolean;
  fill: string;
};
export type RectItem = {
  kind: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
};
export type ChartLayout = { width: number; height: number; items: (TextItem | RectItem)[] };

// Han, Kana, Hangul and full-width forms take a full em; other letters about 0.62 em (a
// generous average, so an estimate errs towards wrapping early rather than overflowing).
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const charWidth = (char: string, size: number) => (WIDE.test(char) ? size : size * 0.62);

export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, size);
  return width;
}

/**
 * `text` in lines no wider than `maxWidth` (estimated), broken at spaces and between wide
 * characters, a word too long for a line cut; at most `maxLines`, the last ending in "…" when
 * the text goes on. One pass.
 */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  let word = "";
  let wordWidth = 0;
  const pushLine = () => {
    lines.push(line.trimEnd());
    line = "";
    lineWidth = 0;
  };
  const placeWord = () => {
    if (word === "") return;
    if (lineWidth + wordWidth > maxWidth && line.trim() !== "") pushLine();
    if (line === "" && word.startsWith(" ")) {
      word = word.trimStart();
      wordWidth = textWidth(word, size);
    }
    line += word;
    lineWidth += wordWidth;
    word = "";
    wordWidth = 0;
  };
  for (const char of text.replace(/\s+/g, " ").trim()) {
    const width = charWidth(char, size);
    if (char === " ") {
      placeWord();
      word = " ";
      wordWidth = width;
      continue;
    }
    if (WIDE.test(char)) placeWord();
    // A word wider than a line is cut where it reaches the edge.
    if (wordWidth + width > maxWidth) {
      placeWord();
      if (lineWidth + width > maxWidth) pushLine();
    }
    word += char;
    wordWidth += width;
    if (WIDE.test(char)) placeWord();
  }
  placeWord();
  if (line !== "") pushLine();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last !== "" && textWidth(`${last}…`, size) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

// Unicode isolates: a message (a count and share) reads right to left in Arabic; a name from
// the data by its own first strong letter.
const RLI = "\u2067";
const FSI = "\u2068";
const PDI = "\u2069";

export function layoutChart(
  chart: GraphicChart,
  texts: ChartTexts,
  { rtl, standalone }: { rtl: boolean; standalone: boolean },
): ChartLayout {
  const width = CHART_WIDTH;
  // In the page the picture lines up with the text around it; a file has a margin.
  const side = standalone ? PAD : 0;
  const inner = width - 2 * side;
  const items: (TextItem | RectItem)[] = [];
  let y = standalone ? PAD : 0;
  const text = (
    content: string,
    x: number,
    top: number,
    size: number,
    extra: Partial<TextItem> & { message?: boolean } = {},
  ) => {
    const { message, ...rest } = extra;
    const isolate = rtl ? (message ? RLI : FSI) : "";
    items.push({
      kind: "text",
      x,
      // The baseline, from the top of the line.
      y: top + Math.round(size * 0.85),
      anchor: "start",
      size,
      fill: COLOURS.text,
      text: isolate ? `${isolate}${content}${PDI}` : content,
      ...rest,
    });
  };
  const lines = (content: string, size: number, lineHeight: number, max: number, extra = {}) => {
    for (const line of wrapText(content, inner, size, max)) {
      text(line, side, y, size, extra);
      y += lineHeight;
    }
  };

  if (standalone) {
    lines(texts.title, 16, 21, 6, { bold: true });
    y += 4;
    for (const line of texts.subtitle) lines(line, 12, 17, 3, { fill: COLOURS.muted });
    y += GAP;
  }

  const groups = chart.regions ? [chart.total, ...chart.regions] : [chart.total];
  const barStart = side + (chart.regions ? REGION_COLUMN : 0);
  const barEnd = width - side - VALUE_COLUMN;
  const x = scaleLinear().domain([0, 100]).range([barStart, barEnd]);
  chart.categories.forEach((category, i) => {
    lines(category.text, LABEL_SIZE, LABEL_LINE, 3, { bold: chart.regions !== null });
    y += 2;
    for (const group of groups) {
      const percent = percentOf(group.counts[i]!, group.respondents);
      const rowHeight = chart.regions ? GROUP_ROW : BAR_HEIGHT + 4;
      const barTop = y + (rowHeight - BAR_HEIGHT) / 2;
      if (chart.regions) {
        const [name] = wrapText(texts.groupName(group), REGION_COLUMN - 10, REGION_SIZE, 1);
        text(name ?? "", side, y + 3, REGION_SIZE, {
          fill: group.region === null ? COLOURS.text : COLOURS.muted,
          bold: group.region === null,
        });
      }
      items.push({
        kind: "rect",
        x: barStart,
        y: barTop,
        width: barEnd - barStart,
        height: BAR_HEIGHT,
        fill: COLOURS.track,
      });
      const end = x(percent);
      items.push({
        kind: "rect",
        x: barStart,
        y: barTop,
        width: Math.max(0, end - barStart),
        height: BAR_HEIGHT,
        fill: category.key === NO_ANSWER ? COLOURS.none : COLOURS.bar,
      });
      text(texts.value(group.counts[i]!, percent), end + 6, barTop + 1, VALUE_SIZE, {
        message: true,
      });
      y += rowHeight;
    }
    y += GAP;
  });

  if (standalone) {
    for (const note of texts.notes) lines(note, 11, 15, 3, { fill: COLOURS.muted });
  }
  const height = Math.ceil(y - GAP + (standalone ? PAD : 0));
  return { width, height, items: rtl ? items.map((item) => mirror(item, width)) : items };
}

/** The item as it reads right to left: its x mirrored, a text anchored at its other end. */
function mirror<T extends TextItem | RectItem>(item: T, width: number): T {
  if (item.kind === "rect") return { ...item, x: width - item.x - item.width };
  return { ...item, x: width - item.x, anchor: item.anchor === "start" ? "end" : "start" };
}
