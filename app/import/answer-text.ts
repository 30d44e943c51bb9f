import type { Question } from "~/questionnaire";
import { BULLET, type DocLine } from "./lines";
import { isSingleAddress } from "./normalise";

// The text of a text or long-text answer, as the respondent would have typed it into the form.

/** Indented or Word's "o" bullets are second-level list items. */
function isNested(line: DocLine): boolean {
  return line.indent >= 2 || /^[-*+•·▪–—]\s+o\s/u.test(line.text) || /^o\s/.test(line.text);
}

/**
 * - `lines` fields (one item per line): list markers go, and a "Name:" line followed directly by
 *   its URL becomes one item;
 * - long text: list markers become "- " ("  - " for sub-items), paragraphs keep their line breaks;
 * - one-line text: the lines are joined with spaces.
 * Blank lines are dropped everywhere: the same answer reads the same from every conversion.
 */
export function answerText(question: Question, lines: readonly DocLine[]): string | null {
  const items = lines.filter((line) => line.text.trim() !== "");
  if (items.length === 0) return null;
  let text: string;
  if (question.type === "lines") {
    text = joinLabelsToAddresses(lines)
      .map((line) => line.replace(BULLET, "").trim())
      .join("\n");
  } else if (question.type === "longtext") {
    text = items
      .map((line) => {
        const bullet = BULLET.exec(line.text);
        if (!bullet) return line.text.trim();
        return `${isNested(line) ? "  - " : "- "}${line.text.slice(bullet[0].length).trim()}`;
      })
      .join("\n");
  } else {
    text = items.map((line) => line.text.trim()).join(" ");
  }
  text = text.trim();
  return text === "" ? null : text;
}

function joinLabelsToAddresses(lines: readonly DocLine[]): string[] {
  // Items are kept as their pieces, joined at the end: a run of addresses that each end with ":"
  // would otherwise grow one string and look at its end at every step (quadratic).
  const out: string[][] = [];
  let previousBlank = true;
  let lastPiece = "";
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") {
      previousBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (!previousBlank && last !== undefined && lastPiece.endsWith(":") && isSingleAddress(text)) {
      last.push(text);
    } else out.push([text]);
    lastPiece = text;
    previousBlank = false;
  }
  return out.map((pieces) => pieces.join(" "));
}
