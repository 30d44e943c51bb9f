// One word counter for the browser (live counters) and the server (validation).
// A word is a word-like segment in the sense of Unicode's word boundaries (what Intl.Segmenter
// finds), so Arabic, Russian and Chinese count sensibly; a URL or e-mail address counts as one
// word however many dots and slashes it has.
//
// Intl.Segmenter is slow on long strings in today's engines (its cost grows with the square of
// the length: 16,000 words took 0.8 s), so text is first split on white space, and only the
// pieces written in scripts without spaces between words (Chinese, Japanese, Thai…) go through
// the segmenter. Elsewhere a word is a run of letters, marks, digits and underscores, joined by
// the characters Unicode keeps inside a word (isn't, e.g, 16.6.2, 1,000).

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.[^\s@]+$/iu;
const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.,:][\p{L}\p{M}\p{N}_]+)*/gu;

let segmenter: Intl.Segmenter | undefined;

function segmentCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** Characters that may start a URL or an e-mail address, or a script without spaces. */
const NEEDS_PIECES =
  /[@:]|www\.|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/iu;

export function wordCount(text: string | null | undefined): number {
  if (!text) return 0;
  // Most answers are plain prose: one pass of one expression counts them.
  if (!NEEDS_PIECES.test(text)) return text.match(WORD)?.length ?? 0;
  let count = 0;
  for (const piece of text.split(/\s+/)) {
    if (piece === "") continue;
    // A URL or address standing alone, possibly wrapped in brackets or followed by punctuation.
    const bare = piece.replace(/^[(<[{"'“‘]+|[)>\]}"'”’.,;:!?]+$/gu, "");
    if (URL_LIKE.test(bare)) count += 1;
    else if (NO_SPACE_SCRIPTS.test(piece)) count += segmentCount(piece);
    else count += piece.match(WORD)?.length ?? 0;
  }
  return count;
}

export type WordLimitState = { count: number; max: number; over: boolean };

export function wordLimitState(text: string | null | undefined, max: number): WordLimitState {
  const count = wordCount(text);
  return { count, max, over: count > max };
}
