import type { Questionnaire } from "~/questionnaire";
import { findFurniture, labelMatcher, removeWordLimits } from "./furniture";
import { stripMarkup } from "./markup";
import { normaliseCharacters, startsWithAddress } from "./normalise";
import { labelWordings, type QuestionSpec } from "./question-specs";

/** One line of the cleaned document; `text` is "" for a blank line (a paragraph break). */
export type DocLine = { text: string; indent: number };

/** A list item's marker: "-", "•", "–", or Word's "o" for a second-level bullet. */
export const BULLET = /^(?:[-*+•·▪–—]\s+(?:o\s+)?|o\s+(?=[\p{Lu}\d"“(]))/u;
/** A line holding nothing but a list number or bullet ("1-", "2.", "•"): PDF text splits them off. */
/** "1- …", "2) …", "a. …": a numbered or lettered item. */
const LIST_ITEM = /^(?:\d{1,2}[-.)]|[a-z][.)])\s/i;
const MARKER_ONLY = /^(?:\d{1,2}[-.)]|[-*•·▪–—])$/;
/** Words that cannot end a sentence: a line ending with one continues after a blank line. */
const CONTINUES = new Set(
  "a an and as at by for from in into of on or that the to with which who whose".split(" "),
);

/**
 * The document as clean lines: characters normalised, markup stripped, furniture blanked,
 * split list markers and lines wrapped by PDF conversion joined again, blank runs collapsed.
 */
export function documentLines(
  text: string,
  questionnaire: Questionnaire,
  specs: readonly QuestionSpec[],
): DocLine[] {
  const raw = normaliseCharacters(text).split("\n");
  const plain = raw.map((line) => removeWordLimits(stripMarkup(line)));
  const isLabel = labelMatcher(labelWordings(specs));
  const furniture = findFurniture(raw, plain, { questionnaire, isLabel });
  const lines = plain.map((line, i) => ({
    text: furniture[i] ? "" : line.trim(),
    indent: /^\s*/.exec(line)![0].length,
  }));
  return unwrap(collapseBlanks(joinMarkers(lines)));
}

function joinMarkers(lines: DocLine[]): DocLine[] {
  const out: DocLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MARKER_ONLY.test(line.text)) {
      out.push(line);
      continue;
    }
    let next = i + 1;
    while (lines[next]?.text === "") next++;
    const target = lines[next];
    if (!target || MARKER_ONLY.test(target.text)) {
      out.push(line);
      continue;
    }
    out.push({ text: `${line.text} ${target.text}`, indent: line.indent });
    i = next;
  }
  return out;
}

/** A line that starts a new item rather than continuing a sentence. */
function startsItem(text: string): boolean {
  return BULLET.test(text) || LIST_ITEM.test(text) || startsWithAddress(text);
}

/** Whether a line cannot end here; only its last 40 characters are looked at. */
function endsMidSentence(text: string): boolean {
  const end = text.slice(-40);
  if (/\p{L}-$/u.test(end)) return true;
  const last = /(\p{L}+)$/u.exec(end)?.[1]?.toLowerCase();
  return last !== undefined && CONTINUES.has(last);
}

/**
 * PDF text breaks lines where the page did. A line continues the one before it when it starts
 * in lower case, or when the line before cannot end there ("… strategy for", "… ensure e-").
 * Across a blank line only in the second case, since a Markdown paragraph may well start in
 * lower case.
 */
function continues(previous: string, text: string, acrossBlank: boolean): boolean {
  if (text === "" || previous === "" || startsItem(text)) return false;
  if (endsMidSentence(previous)) return true;
  return !acrossBlank && /^\p{Ll}/u.test(text);
}

function unwrap(lines: DocLine[]): DocLine[] {
  // A joined line is kept as its parts, joined once at the end, with the last 40 characters of
  // its last part at hand: growing one string piece by piece and looking at its end each time
  // would be quadratic on a pathological document ("a-", "b-", "c-", … on lines of their own).
  type Joined = { parts: string[]; hyphenated: string[]; tail: string; indent: number };
  const out: Joined[] = [];
  const TAIL = 40;
  const last = (line: Joined | undefined) => line?.tail ?? "";
  const append = (line: Joined, text: string) => {
    if (/\p{L}-$/u.test(line.tail.slice(-2))) {
      line.hyphenated.push(text);
      line.tail = text.length >= TAIL ? text.slice(-TAIL) : (line.tail + text).slice(-TAIL);
    } else {
      line.parts.push(line.hyphenated.join(""));
      line.hyphenated = [text];
      line.tail = text.slice(-TAIL);
    }
  };
  for (const line of lines) {
    const previous = out[out.length - 1];
    const beforeBlank = out[out.length - 2];
    if (previous && last(previous) !== "" && continues(last(previous), line.text, false)) {
      append(previous, line.text);
    } else if (
      previous &&
      last(previous) === "" &&
      beforeBlank &&
      continues(last(beforeBlank), line.text, true)
    ) {
      out.pop();
      append(beforeBlank, line.text);
    } else {
      const tail = line.text.slice(-TAIL);
      out.push({ parts: [], hyphenated: [line.text], tail, indent: line.indent });
    }
  }
  return out.map((line) => ({
    text: [...line.parts, line.hyphenated.join("")].join(" "),
    indent: line.indent,
  }));
}

function collapseBlanks(lines: DocLine[]): DocLine[] {
  const out: DocLine[] = [];
  for (const line of lines) {
    if (line.text === "" && (out.length === 0 || out[out.length - 1]!.text === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1]!.text === "") out.pop();
  return out;
}
