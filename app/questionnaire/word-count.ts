// One word counter for the browser (live counters) and the server (validation).
// A word is a word-like segment in the sense of Unicode's word boundaries (what Intl.Segmenter
// finds), so Arabic, Russian and Chinese count sensibly; a URL or e-mail address counts as one
// word however many dots and slashes it has.
//
// Every answer up to its cap (50,000 characters) is counted on each submit and review page, so
// every step is linear in the length of the text:
// - Intl.Segmenter is slow on long strings in today's engines (each segment costs time in
//   proportion to the whole string: 16,000 words took 0.8 s), so text is first split on white
//   space, and only the pieces written in scripts without spaces between words (Chinese,
//   Japanese, Thai…) go through the segmenter, at most SEGMENTED_CHARS characters at a time.
//   Elsewhere a word is a run of letters, marks, digits and underscores, joined by the
//   characters Unicode keeps inside a word (isn't, e.g, 16.6.2, 1,000).
// - URLs and addresses are recognised by scanning, not by a regular expression with unbounded
//   runs one after another: `a@`, 50,000 dots and `@` made that backtrack for 3 to 9 s.

const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S/iu;
const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.,:][\p{L}\p{M}\p{N}_]+)*/gu;

/** Brackets and quotes around a URL or an address, and punctuation after it. */
const OPENERS = new Set(`(<[{"'“‘`);
const CLOSERS = new Set(`)>]}"'”’.,;:!?`);

/** A URL (`scheme://…`, `www.…`) or an e-mail address (one @, a dot inside the domain). */
function isUrlLike(piece: string): boolean {
  let start = 0;
  let end = piece.length;
  while (start < end && OPENERS.has(piece[start]!)) start++;
  while (end > start && CLOSERS.has(piece[end - 1]!)) end--;
  const bare = piece.slice(start, end);
  if (URL_START.test(bare)) return true;
  const at = bare.indexOf("@");
  if (at < 1 || bare.includes("@", at + 1)) return false;
  const dot = bare.indexOf(".", at + 2);
  return dot !== -1 && dot < bare.length - 1;
}

/** The most the segmenter is given at once: its cost grows with the square of the length. */
const SEGMENTED_CHARS = 256;
/** A boundary found this close to the end of a window may move with what follows the window. */
const LOOKAHEAD_CHARS = 32;
/** Punctuation with a word boundary on both sides whatever surrounds it (Word_Break=Other). */
const BREAKS_BOTH_SIDES = new Set(
  "!#$%&()*+-/<=>?@[\\]^`{|}~、。〈〉《》「」『』【】〔〕！（）？［］｛｝～｡｢｣､",
);
/** Marks and format characters belong to the character before them (Unicode's rule WB4). */
const ATTACHES = /^[\p{M}\p{Cf}\u200D]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Word-like segments of `text` from its start, taken while they end by `until`, and not after
 * `enough` characters are taken (beyond the first segment); `end` is where the last one ends.
 */
function leadingWords(text: string, until: number, enough = Infinity) {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  let words = 0;
  let end = 0;
  for (const segment of segmenter.segment(text)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segmentEnd > until || (end > 0 && end >= enough)) break;
    end = segmentEnd;
    if (segment.isWordLike) words += 1;
  }
  return { words, end };
}

/** The last position in (start, end] just after punctuation that always ends a segment, or -1. */
function punctuationCut(text: string, start: number, end: number): number {
  for (let cut = end; cut > start; cut--)
    if (BREAKS_BOTH_SIDES.has(text[cut - 1]!) && !ATTACHES.test(text.slice(cut, cut + 2)))
      return cut;
  return -1;
}

/**
 * Intl.Segmenter's count, a window at a time. A window ends after punctuation that is a word
 * boundary whatever follows (so the count is the segmenter's exactly), or, in a longer run of
 * letters, at a boundary the segmenter finds well before the window's end (in Chinese, Japanese
 * or Thai without any punctuation for 256 characters, the dictionary might then place a word
 * differently at the window's end than in the whole run).
 */
function segmentCount(text: string, upTo: number): number {
  let count = 0;
  let start = 0;
  while (text.length - start > SEGMENTED_CHARS && count < upTo) {
    const cut = punctuationCut(text, start, start + SEGMENTED_CHARS);
    if (cut !== -1) {
      count += leadingWords(text.slice(start, cut), cut - start).words;
      start = cut;
      continue;
    }
    // A segment longer than the window (a long word) is found in a window twice as long.
    for (let size = SEGMENTED_CHARS; ; size *= 2) {
      const window = text.slice(start, start + size);
      const whole = start + size >= text.length;
      const until = whole ? window.length : size - LOOKAHEAD_CHARS;
      const taken = leadingWords(window, until, SEGMENTED_CHARS - LOOKAHEAD_CHARS);
      if (taken.end === 0) continue;
      count += taken.words;
      start += taken.end;
      break;
    }
  }
  if (start < text.length && count < upTo) count += leadingWords(text.slice(start), Infinity).words;
  return count;
}

/** Characters that may start a URL or an e-mail address, or a script without spaces. */
const NEEDS_PIECES =
  /[@:]|www\.|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/iu;

/**
 * The number of words, or `upTo` when there are at least that many: the segmenter costs about a
 * microsecond a character (50 ms for an answer of 50,000 Chinese characters), so a check
 * against a limit stops counting once the answer is far past it.
 */
export function wordCount(text: string | null | undefined, upTo = Infinity): number {
  if (!text) return 0;
  // Most answers are plain prose: one pass of one expression counts them.
  if (!NEEDS_PIECES.test(text)) return Math.min(text.match(WORD)?.length ?? 0, upTo);
  let count = 0;
  for (const piece of text.split(/\s+/)) {
    if (count >= upTo) return upTo;
    if (piece === "") continue;
    // A URL or address standing alone, possibly wrapped in brackets or followed by punctuation.
    if (isUrlLike(piece)) count += 1;
    else if (NO_SPACE_SCRIPTS.test(piece)) count += segmentCount(piece, upTo - count);
    else count += piece.match(WORD)?.length ?? 0;
  }
  return Math.min(count, upTo);
}

/** An answer is counted exactly up to this many times its limit; beyond, it is "more than". */
export const COUNTED_TIMES_THE_LIMIT = 10;

export type WordLimitState = {
  count: number;
  max: number;
  over: boolean;
  /** The answer has more than `count` words (it is far past its limit, and was not counted on). */
  more: boolean;
};

/** An answer against its word limit: what validation, counters and answer lists show. */
export function wordLimitState(text: string | null | undefined, max: number): WordLimitState {
  const cap = max * COUNTED_TIMES_THE_LIMIT;
  const count = wordCount(text, cap + 1);
  return count > cap
    ? { count: cap, max, over: true, more: true }
    : { count, max, over: count > max, more: false };
}
