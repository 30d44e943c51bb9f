// The Results page's search through text answers: the countries whose answer contains what the
// reviewer typed, with each match marked. The query is plain text, never a pattern: no regular
// expression is built from it, so `.*`, `(a+)+$` or `<mark>` are looked for as written. Every
// step is linear in the answer's length (Knuth–Morris–Pratt, one pass to cut and mark), tested
// at the largest accepted size over 193 answers. Case and the kind of white space are ignored.
// Pure: the page and its CSV download call the same functions.

/** A query longer than this is cut: nobody searches for a paragraph. */
export const MAX_QUERY_CHARS = 200;

/** The query as searched: white space runs as one space, trimmed, at most MAX_QUERY_CHARS. */
export function normaliseQuery(raw: string | null | undefined): string {
  const text = (raw ?? "").slice(0, MAX_QUERY_CHARS * 4);
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_CHARS).trim();
}

/** White space as the query has it: every space character (tab, line break, no-break space…) a space. */
function spaceAs32(code: number): number {
  if (code === 32 || (code >= 9 && code <= 13)) return 32;
  if (code < 0xa0) return code;
  return code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
    ? 32
    : code;
}

/**
 * The text with case folded, at the same length, so that a position in the folded text is the
 * same position in the text. `toLowerCase` keeps the length of nearly every text; for the rare
 * one it does not (a dotted capital I, U+0130, becomes two code units), each character is
 * folded alone, and kept as it is if its folding would not fit. (White space is made one kind
 * as the search compares, see spaceAs32.)
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = "";
  for (const char of text) {
    const folded = char.toLowerCase();
    kept += folded.length === char.length ? folded : char;
  }
  return kept;
}

/** The start of every match of `query` (folded) in `folded`, left to right, not overlapping. */
export function findMatches(folded: string, query: string): number[] {
  const m = query.length;
  if (m === 0) return [];
  const pattern = new Int32Array(m);
  for (let i = 0; i < m; i++) pattern[i] = spaceAs32(query.charCodeAt(i));
  // Knuth–Morris–Pratt: `border[i]` is the length of the longest proper border of query[0..i].
  const border = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = border[k - 1]!;
    if (pattern[i] === pattern[k]) k++;
    border[i] = k;
  }
  const starts: number[] = [];
  for (let i = 0, k = 0; i < folded.length; i++) {
    const c = spaceAs32(folded.charCodeAt(i));
    while (k > 0 && c !== pattern[k]) k = border[k - 1]!;
    if (c === pattern[k]) k++;
    if (k === m) {
      starts.push(i - m + 1);
      k = 0; // not overlapping: the next match starts after this one
    }
  }
  return starts;
}

/** A piece of an answer as shown: marked when it is a match. */
export type Segment = { text: string; mark: boolean };

export type SearchHit = {
  /** How many times the answer contains the query. */
  matches: number;
  /** Up to `excerpts` pieces of the answer around its first matches, each match marked. */
  excerpts: Segment[][];
};

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** A cut never splits a character written as two code units. */
const safeCut = (text: string, at: number) =>
  at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;

/** The text from `from` to `to` with the matches inside it marked; matches sorted, each `length` long. */
function marked(
  text: string,
  from: number,
  to: number,
  starts: readonly number[],
  first: number,
  length: number,
): { segments: Segment[]; next: number } {
  const segments: Segment[] = [];
  let at = from;
  let i = first;
  while (i < starts.length && starts[i]! < to) {
    const start = starts[i]!;
    const end = Math.min(start + length, to);
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(Math.max(start, at), end), mark: true });
    at = end;
    i++;
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false });
  return { segments, next: i };
}

/**
 * Whether `text` contains `query` (normalised, see normaliseQuery), and where: null when it does
 * not. Each excerpt holds `context` characters either side of its matches, with "…" where the
 * answer was cut; matches close together share an excerpt, of at most about four times
 * `context` characters.
 */
export function searchText(
  text: string,
  query: string,
  { context = 80, excerpts = 3 }: { context?: number; excerpts?: number } = {},
): SearchHit | null {
  const folded = fold(query);
  const starts = findMatches(fold(text), folded);
  if (starts.length === 0) return null;
  const length = folded.length;
  const pieces: Segment[][] = [];
  let i = 0;
  while (i < starts.length && pieces.length < excerpts) {
    const from = safeCut(text, Math.max(0, starts[i]! - context));
    // The window grows while the next match starts inside it, up to a few lines of text.
    const limit = from + 4 * context + length;
    let to = starts[i]! + length + context;
    let j = i + 1;
    while (j < starts.length && starts[j]! < to && starts[j]! + length <= limit)
      to = starts[j++]! + length + context;
    to = safeCut(text, Math.min(text.length, to, Math.max(limit, starts[j - 1]! + length)));
    const { segments, next } = marked(text, from, to, starts, i, length);
    if (from > 0) segments.unshift({ text: "…", mark: false });
    if (to < text.length) segments.push({ text: "…", mark: false });
    pieces.push(segments);
    i = next;
  }
  return { matches: starts.length, excerpts: pieces };
}

/**
 * A short answer as shown in a list: its first `cap` characters (with "…" when longer), every
 * match of `query` among them marked; the whole answer unmarked when there is no query.
 */
export function highlightText(text: string, query: string, cap: number): Segment[] {
  const to = safeCut(text, Math.min(text.length, cap));
  const folded = fold(query);
  const starts = folded === "" ? [] : findMatches(fold(text.slice(0, to)), folded);
  const { segments } = marked(text, 0, to, starts, 0, folded.length);
  if (to < text.length) segments.push({ text: "…", mark: false });
  return segments;
}
