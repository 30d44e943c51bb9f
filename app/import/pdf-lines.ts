import { TICKED, UNTICKED } from "./normalise";

// A PDF page's text as lines, from the positions of its text items and of its tick-box fields:
// an AcroForm check box is not text, so its ☒ or ☐ is put where it sits on the page, before the
// words to its right on the same line. Sorting dominates: n log n in the items.

/** A piece of text on a page, or a tick box: its left edge, its vertical middle, its height. */
export type PlacedText = { text: string; x: number; y: number; height: number; width: number };

export type PlacedBox = { ticked: boolean; x: number; y: number; height: number; width: number };

/** The page's lines, top to bottom, each read left to right. */
export function pageLines(texts: readonly PlacedText[], boxes: readonly PlacedBox[]): string[] {
  const items: PlacedText[] = [
    ...texts.filter((t) => t.text !== ""),
    ...boxes.map((b) => ({ ...b, text: b.ticked ? TICKED : UNTICKED })),
  ];
  // Top to bottom (PDF's y grows upwards), then left to right.
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  let line: PlacedText[] = [];
  let lineY = Infinity;
  let lineHeight = 0;
  for (const item of items) {
    // On the same line while the middle is within half a line's height of the line's first.
    const tolerance = Math.max(lineHeight, item.height, 1) / 2;
    if (line.length > 0 && Math.abs(lineY - item.y) <= tolerance) {
      line.push(item);
      lineHeight = Math.max(lineHeight, item.height);
      continue;
    }
    if (line.length > 0) lines.push(line);
    line = [item];
    lineY = item.y;
    lineHeight = item.height;
  }
  if (line.length > 0) lines.push(line);
  return withBlankLines(lines);
}

/** Line spacing as a multiple of the text's height: 1.2 to 1.5 in most documents. */
const LEADING = 1.4;
/** More blank lines than this say nothing more to the parser. */
const MAX_BLANKS = 2;

/** The lines' text, with a blank line for each empty line's worth of space above a line. */
function withBlankLines(lines: PlacedText[][]): string[] {
  const out: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const line of lines) {
    const y = line[0]!.y;
    const height = Math.max(...line.map((item) => item.height));
    if (previous) {
      const spacing = LEADING * Math.max(previous.height, height, 1);
      const blanks = Math.round((previous.y - y) / spacing) - 1;
      for (let n = 0; n < Math.min(blanks, MAX_BLANKS); n++) out.push("");
    }
    out.push(joinLine(line));
    previous = { y, height };
  }
  return out;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Small digits set above the line are footnote marks: written as superscript digits, as the
 * parser reads footnote marks in converted text, not as numbers run into the words.
 */
function isFootnoteMark(item: PlacedText, lineHeight: number, lineY: number): boolean {
  return /^\d{1,3}$/.test(item.text) && item.height <= 0.75 * lineHeight && item.y > lineY;
}

const superscript = (digits: string) =>
  [...digits].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("");

/** A line's items left to right, a space between two that do not touch. */
function joinLine(items: PlacedText[]): string {
  items.sort((a, b) => a.x - b.x);
  const tallest = items.reduce((top, item) => (item.height > top.height ? item : top));
  let text = "";
  let right = -Infinity;
  for (const item of items) {
    const mark = isFootnoteMark(item, tallest.height, tallest.y);
    const gap = item.x - right;
    if (!mark && text !== "" && gap > Math.max(item.height, 1) * 0.15 && !/\s$/.test(text))
      text += " ";
    text += mark ? superscript(item.text) : item.text;
    right = item.x + item.width;
  }
  return text.trimEnd();
}
