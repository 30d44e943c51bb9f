import type { Questionnaire } from "~/questionnaire";
import { isMarkdownFootnote } from "./markup";
import { withoutAsides, words } from "./tokens";

// Page furniture: text of the form or of the page that is never part of an answer. Running
// titles, page numbers, section headings, the form's footnotes, word-limit instructions and the
// closing thanks are found here and blanked before answers are read.

/**
 * Word-limit reminders the form prints next to questions: "(Max. 250 words)", "Maximum 250
 * words". Only the words are matched by the expression; the spaces, "*" and "(" around them are
 * taken by hand (limitStart, limitEnd): optional spaces on both sides of optional characters,
 * tried from every position of a run of spaces, made the expression cubic in that run.
 */
const WORD_LIMIT = /\bmax(?:imum)?\.?\s*\d+\s*words?\b/gi;
const SPACE = /\s/;
const KEEP_WITHIN_LIMIT = /^please\s+keep\s+your\s+(?:response|answer)s?\b.*\bwords?\b\W*$/i;
const CLOSING = [
  /^thank you for taking the time to fill out\b/i,
  /^we appreciate your participation\b/i,
];
const PAGE_NUMBER =
  /^(?:page\s+\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?|\d{1,3}\s*(?:of|\/)\s*\d{1,3}|-\s*\d{1,3}\s*-)$/i;
const BARE_NUMBER = /^\d{1,3}$/;
const LETTER_MARKER = /^(?:[-*•]\s*)?[a-z][.)]$/i;
/** PDF text: a line that starts with exactly one space begins a new page. */
const PAGE_START = /^ \S/;
/** How far a PDF footnote block may run before its page ends. */
const MAX_FOOTNOTE_LINES = 40;

export function removeWordLimits(line: string): string {
  if (KEEP_WITHIN_LIMIT.test(line.trim())) return "";
  let out = "";
  let kept = 0;
  for (const match of line.matchAll(WORD_LIMIT)) {
    out += line.slice(kept, limitStart(line, match.index, kept));
    kept = limitEnd(line, match.index + match[0].length);
  }
  return (out + line.slice(kept)).replace(/\(\s*\)/g, "");
}

/** Where a reminder found at `at` starts: spaces, "*", "(", spaces before it (not before `floor`). */
function limitStart(line: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && SPACE.test(line[start - 1]!)) start--;
  if (start > floor && line[start - 1] === "(") start--;
  if (start > floor && line[start - 1] === "*") start--;
  while (start > floor && SPACE.test(line[start - 1]!)) start--;
  return start;
}

/** Where a reminder ending at `end` ends: spaces, ")", "*" after it. */
function limitEnd(line: string, end: number): number {
  let after = end;
  while (after < line.length && SPACE.test(line[after]!)) after++;
  if (line[after] === ")") after++;
  if (line[after] === "*") after++;
  return after;
}

type FurnitureContext = {
  questionnaire: Questionnaire;
  /** Whether a line is a short question label (kept even inside a footnote block). */
  isLabel: (text: string) => boolean;
};

/**
 * Marks the furniture among a document's lines. `raw` are the lines as written (for
 * indentation and Markdown footnote marks), `plain` the same lines without markup.
 */
export function findFurniture(
  raw: string[],
  plain: string[],
  context: FurnitureContext,
): boolean[] {
  const titleWords = new Set(words(context.questionnaire.title));
  const sections = sectionsOf(context.questionnaire);
  const isTitle = plain.map((line) => isRunningTitle(line, titleWords));
  const furniture = plain.map((line, i) => {
    const text = line.trim();
    return (
      isTitle[i]! ||
      isMarkdownFootnote(raw[i]!) ||
      PAGE_NUMBER.test(text) ||
      LETTER_MARKER.test(text) ||
      CLOSING.some((pattern) => pattern.test(text)) ||
      isSectionHeading(text, sections)
    );
  });
  markPageNumbersNextToTitles(plain, isTitle, furniture);
  markPdfFootnotes(raw, plain, furniture, context.isLabel);
  return furniture;
}

/** "United Nations E-Government Survey 2020 - Member States Questionnaire (MSQ)", maybe numbered. */
function isRunningTitle(line: string, titleWords: Set<string>): boolean {
  if (line.length > 200) return false;
  const lineWords = words(line);
  const foreign = lineWords.filter((w) => !titleWords.has(w));
  return lineWords.length >= 4 && foreign.length <= 1 && foreign.every((w) => /^\d+$/.test(w));
}

type Sections = { ids: string[]; titles: string[] };

function sectionsOf(questionnaire: Questionnaire): Sections {
  return {
    ids: questionnaire.sections.map((s) => s.id),
    titles: questionnaire.sections.map((s) => words(withoutAsides(s.title)).join(" ")),
  };
}

/** "I. Institutional Framework", "VI.Social Media", "VIII." alone, or a title alone. */
function isSectionHeading(text: string, { ids, titles }: Sections): boolean {
  if (text.length > 120) return false;
  const numbered = /^([IVX]+)\.\s*(.*)$/.exec(text) ?? /^([IVX]+)\s+(.*)$/.exec(text);
  if (numbered && ids.includes(numbered[1]!)) {
    const rest = words(numbered[2]!).filter((w) => !/^\d+$/.test(w));
    // "VIII." alone (its title on a later line), or "VI.Social Media", "IX. … Cooperation11".
    return rest.length === 0 ? text.endsWith(".") : titles.includes(rest.join(" "));
  }
  const bare = words(text)
    .filter((w) => !/^\d+$/.test(w))
    .join(" ");
  return bare !== "" && titles.includes(bare);
}

function markPageNumbersNextToTitles(plain: string[], isTitle: boolean[], furniture: boolean[]) {
  plain.forEach((line, i) => {
    if (!BARE_NUMBER.test(line.trim())) return;
    const neighbour = (step: number) => {
      let j = i + step;
      while (plain[j]?.trim() === "") j += step;
      return isTitle[j] === true;
    };
    if (neighbour(-1) || neighbour(1)) furniture[i] = true;
  });
}

/**
 * PDF text puts a page's footnotes ("5", then "CIO or a similar senior official …") after its
 * last answer, up to the first line of the next page. A block starts at a bare number that is
 * the next footnote number expected, and ends where the next page starts. Lines in the block
 * that are question labels (the layout can drop "Finance/Taxation" among the footnotes) stay.
 */
function markPdfFootnotes(
  raw: string[],
  plain: string[],
  furniture: boolean[],
  isLabel: (text: string) => boolean,
) {
  let expected = 1;
  for (let i = 0; i < plain.length; i++) {
    const text = plain[i]!.trim();
    if (!BARE_NUMBER.test(text)) continue;
    const number = Number(text);
    if (number < expected || number > expected + 2) continue;
    let end = i + 1;
    while (end < raw.length && end - i <= MAX_FOOTNOTE_LINES && !PAGE_START.test(raw[end]!)) end++;
    if (end >= raw.length || !PAGE_START.test(raw[end]!)) continue;
    for (let j = i; j < end; j++) {
      const line = plain[j]!.trim();
      if (BARE_NUMBER.test(line)) expected = Math.max(expected, Number(line) + 1);
      if (!isLabel(line)) furniture[j] = true;
    }
    i = end - 1;
  }
}

/** Whether a line, without list and letter markers, is exactly one of the given labels. */
export function labelMatcher(labels: Set<string>): (text: string) => boolean {
  return (text) => {
    const bare = text.replace(/^(?:[-*•]\s+)?(?:[a-z][.)]\s+)?/i, "");
    const lineWords = words(bare);
    return lineWords.length > 0 && labels.has(lineWords.join(" "));
  };
}
