// One word counter for the browser (live counters) and the server (validation), counting as
// Microsoft Word does (decision 016), so an answer drafted in a word processor counts the same
// here:
// - A word is a run of characters between spaces (any Unicode white space but U+FEFF) that holds
//   at least one letter or digit. A hyphenated word (e-government), a number (16.6.2, 1,000), a
//   URL or an e-mail address is one word; a lone dash, bullet or `&` is none.
// - In Chinese and Japanese each Han or Kana character is one word, and so is each full-width
//   punctuation mark (、。「」（），), as in Word's statistics; a run of other letters or digits
//   between them (`5G`, `ICT`, a URL) is one word.
// - Thai, Lao, Khmer and Myanmar are written without spaces between words, and Word counts them
//   with its dictionary: their runs go through Intl.Segmenter's dictionary, the closest at hand.
// Korean is written with spaces between words and is counted by them, as in Word.
//
// Every answer up to its cap (50,000 characters) is counted on each submit and review page, so
// every step is linear in the length of the text: one scan by an expression whose alternatives
// take disjoint characters (nothing to backtrack into), and Intl.Segmenter, slow on long strings
// (each segment costs time in proportion to the whole string), only on runs of the four scripts,
// at most SEGMENTED_CHARS characters at a time.

import type { LimitScript, WordLimits } from "./types";

/** White space, as JavaScript's `\s` but without U+FEFF (a zero-width no-break space). */
const SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
/**
 * Characters that are a word each: Han and Kana, the Katakana middle dot and length mark, CJK
 * punctuation and symbols (not the ideographic space, not the combining tone marks), vertical
 * and compatibility forms, full-width and half-width forms.
 */
const EAST_ASIAN =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3001-\\u3029\\u3030-\\u303f\\u30a0\\u30fb\\u30fc\\ufe10-\\ufe1f\\ufe30-\\ufe4f\\uff01-\\uff9f\\uffe0-\\uffe6";
/** Scripts without spaces between words, whose words Word finds with a dictionary. */
const DICTIONARY = "\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}";

/** An East Asian character, a run of a dictionary script, or a run of anything else but space. */
const PIECE = new RegExp(
  `[${EAST_ASIAN}]|[${DICTIONARY}]+|[^${SPACE}${EAST_ASIAN}${DICTIONARY}]+`,
  "gu",
);
const STARTS_EAST_ASIAN = new RegExp(`^[${EAST_ASIAN}]`, "u");
const STARTS_DICTIONARY = new RegExp(`^[${DICTIONARY}]`, "u");
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The most the segmenter is given at once: its cost grows with the square of the length. */
const SEGMENTED_CHARS = 256;
/** A boundary found this close to the end of a window may move with what follows the window. */
const LOOKAHEAD_CHARS = 32;

let segmenter: Intl.Segmenter | undefined;

/**
 * Word-like segments of `text` from its start, taken while they end by `until`, and not after
 * `enough` characters are taken (beyond the first segment); `end` is where the last one ends.
 */
function leadingWords(text: string, until: number, enough = Infinity) {
  // One locale everywhere (not the reader's): the browser's counter and the server then ask the
  // segmenter the same question. Thai, Lao, Khmer and Myanmar use their dictionaries in any.
  segmenter ??= new Intl.Segmenter("th", { granularity: "word" });
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

/**
 * The segmenter's words in a run of Thai, Lao, Khmer or Myanmar, a window at a time: a window
 * ends at a boundary the segmenter finds well before the window's end (after 224 characters
 * without a space, the dictionary might place that word differently in the whole run).
 */
function dictionaryWords(run: string, upTo: number): number {
  let count = 0;
  let start = 0;
  while (run.length - start > SEGMENTED_CHARS && count < upTo) {
    // A segment longer than the window (a long word) is found in a window twice as long.
    for (let size = SEGMENTED_CHARS; ; size *= 2) {
      const window = run.slice(start, start + size);
      const whole = start + size >= run.length;
      const until = whole ? window.length : size - LOOKAHEAD_CHARS;
      const taken = leadingWords(window, until, SEGMENTED_CHARS - LOOKAHEAD_CHARS);
      if (taken.end === 0) continue;
      count += taken.words;
      start += taken.end;
      break;
    }
  }
  if (start < run.length && count < upTo) count += leadingWords(run.slice(start), Infinity).words;
  return count;
}

/**
 * The number of words, or `upTo` when there are at least that many: a check against a limit
 * stops counting once the answer is far past it (the bound of decision 013).
 */
export function wordCount(text: string | null | undefined, upTo = Infinity): number {
  if (!text) return 0;
  let count = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    if (STARTS_EAST_ASIAN.test(piece)) count += 1;
    else if (STARTS_DICTIONARY.test(piece)) count += dictionaryWords(piece, upTo - count);
    else if (LETTER_OR_DIGIT.test(piece)) count += 1;
    if (count >= upTo) return upTo;
  }
  return count;
}

// --- the limit for an answer ---------------------------------------------------------------

/** The scripts a definition may give its own limit for, by the key it uses. */
const LIMIT_SCRIPTS = {
  zh: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ar: /^\p{Script=Arabic}/u,
  ru: /^\p{Script=Cyrillic}/u,
} satisfies Record<LimitScript, RegExp>;

const FIRST_LETTER = /\p{L}/u;
const ANY_LIMIT_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Cyrillic}]/u;

/**
 * The script most of an answer's words are written in: "zh" (Han or Kana), "ar" (Arabic
 * script) or "ru" (Cyrillic) when more than half of its words holding a letter start in it,
 * otherwise null. Words, not letters, are counted, so a URL's forty Latin letters weigh as one
 * word against the Chinese characters around it. One linear scan, of the first `upTo` such
 * words at most.
 */
export function answerScript(text: string | null | undefined, upTo = Infinity): LimitScript | null {
  if (!text || !ANY_LIMIT_SCRIPT.test(text)) return null;
  const words = { zh: 0, ar: 0, ru: 0 };
  let lettered = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    const letter = FIRST_LETTER.exec(piece)?.[0];
    if (letter === undefined) continue;
    lettered += 1;
    if (LIMIT_SCRIPTS.zh.test(letter)) words.zh += 1;
    else if (LIMIT_SCRIPTS.ar.test(letter)) words.ar += 1;
    else if (LIMIT_SCRIPTS.ru.test(letter)) words.ru += 1;
    if (lettered >= upTo) break;
  }
  for (const script of ["zh", "ar", "ru"] as const) if (words[script] * 2 > lettered) return script;
  return null;
}

/**
 * The word limit for this answer to this question: the definition's one limit, or, when it
 * gives limits by script (`{ "default": 250, "zh": 500 }`), the limit of the script most of the
 * answer is written in, else the default. Decided by the text alone, so the browser's counter
 * and the server's validation agree whoever submits, in whatever language the page is shown.
 * Like the count (decision 013), the choice reads no further than ten times the largest limit.
 */
export function wordLimitFor(question: { maxWords: WordLimits }, text: string | null | undefined) {
  const limits = question.maxWords;
  if (typeof limits === "number") return limits;
  const largest = Math.max(limits.default, limits.zh ?? 0, limits.ar ?? 0, limits.ru ?? 0);
  const script = answerScript(text, largest * COUNTED_TIMES_THE_LIMIT + 1);
  return (script ? limits[script] : undefined) ?? limits.default;
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
