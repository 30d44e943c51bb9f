// Words for matching the definition's wording against a document: case, accents, hyphens,
// quotes and footnote numbers glued to words ("e-government2", "E-services3") do not count.

export type Token = {
  /** Comparable form: lower case, no accents, no hyphens or apostrophes. */
  word: string;
  /** Where the word stands in its line (UTF-16 offsets), to cut the line after a match. */
  start: number;
  end: number;
  /** Index of the line in the document (0 when tokenising a single string). */
  line: number;
};

const WORD = /[\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*/gu;

/** Letters and digits of ASCII only: nothing to take off but case (most words, done fast). */
const PLAIN_WORD = /^[a-zA-Z]+$/;

export function comparableWord(raw: string): string {
  if (PLAIN_WORD.test(raw)) return raw.toLowerCase();
  const word = raw
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[-‐‑'’]/g, "");
  // A footnote mark glued to a word ("groups6", "population10"), never a number like "2020".
  const glued = /^(\p{L}{3,})\d{1,2}$/u.exec(word);
  return glued?.[1] ?? word;
}

export function tokenize(text: string, line = 0): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    tokens.push({ word: comparableWord(m[0]), start: m.index, end: m.index + m[0].length, line });
  }
  return tokens;
}

const FIRST_WORD = new RegExp(WORD.source, "u");

/** The first word of the text, as tokenize would give it. */
export function firstToken(text: string): Token | null {
  const match = FIRST_WORD.exec(text);
  if (!match) return null;
  const start = match.index;
  return { word: comparableWord(match[0]), start, end: start + match[0].length, line: 0 };
}

export const words = (text: string): string[] => tokenize(text).map((t) => t.word);

/** The text without its parenthetical asides ("(CIO)", "(Related to SDG Indicator 16.6.2)"). */
export function withoutAsides(text: string): string {
  let previous;
  let current = text;
  do {
    previous = current;
    current = current.replace(/\s\([^()]*\)/g, "");
  } while (current !== previous);
  return current;
}

export type Alignment = {
  /** How many of the pattern's words were found, in order. */
  matched: number;
  /** Index in `doc` of the last word found (-1 when none). */
  last: number;
};

export type AlignOptions = {
  /** Index in `doc` to stop before (default: its end). */
  end?: number;
  /** Words the document may add between two of the pattern's (footnote numbers, "Maximum"). */
  maxExtra?: number;
  /** Words of the pattern the document may leave out (a footnote turned into an aside). */
  maxMissing?: number;
  /** Stop after this many lines from the first word. */
  maxLines?: number;
};

/**
 * Walks the pattern through the document from `start`, tolerating a few added, missing or
 * replaced words, and stops at the first real disagreement so that it never wanders into the
 * answer that follows a question.
 */
export function align(
  pattern: readonly string[],
  doc: readonly Token[],
  start: number,
  from = 0,
  { end = doc.length, maxExtra = 3, maxMissing = 12, maxLines = 5 }: AlignOptions = {},
): Alignment {
  let i = from;
  let j = start;
  let matched = 0;
  let last = -1;
  const firstLine = doc[start]?.line ?? 0;
  while (i < pattern.length && j < end) {
    if (doc[j]!.line - firstLine > maxLines) break;
    if (pattern[i] === doc[j]!.word) {
      matched++;
      last = j;
      i++;
      j++;
      continue;
    }
    const extra = lookAhead(maxExtra, (t) => j + t < end && doc[j + t]!.word === pattern[i]);
    if (extra > 0 && doc[j + extra]!.line - firstLine <= maxLines) {
      j += extra;
      continue;
    }
    const missing = lookAhead(maxMissing, (s) => pattern[i + s] === doc[j]!.word);
    if (missing > 0) {
      i += missing;
      continue;
    }
    // One word replaced by another ("multi-stakeholder"/"multistakeholder" aside, typos):
    // accepted only when the next words agree again.
    if (i + 1 < pattern.length && j + 1 < end && pattern[i + 1] === doc[j + 1]!.word) {
      i++;
      j++;
      continue;
    }
    break;
  }
  return { matched, last };
}

function lookAhead(limit: number, found: (step: number) => boolean): number {
  for (let step = 1; step <= limit; step++) if (found(step)) return step;
  return 0;
}
