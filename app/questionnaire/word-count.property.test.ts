import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText, awkwardText } from "./arbitraries.test-helper";
import { wordCount, wordLimitState } from "./word-count";

// Properties of the word counter over random text (any code point, control characters, bidi
// marks, lone surrogates, huge repeats). numRuns is kept modest: the suite stays quick.

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
const segmenterCount = (text: string) =>
  [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;

describe("wordCount, for any text", () => {
  it("counted up to a bound, gives the full count or the bound, whichever is less", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), awkwardText()), fc.nat(40), (text, upTo) => {
        expect(wordCount(text, upTo)).toBe(Math.min(wordCount(text), upTo));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, and counts at most one word per character", () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const count = wordCount(text);
        expect(Number.isInteger(count)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 200 },
    );
  });

  it("adds up across a space: count(a + ' ' + b) = count(a) + count(b)", () => {
    // Text is split on white space before anything else, and no step looks across a piece.
    fc.assert(
      fc.property(awkwardText(), awkwardText(), (a, b) => {
        expect(wordCount(`${a} ${b}`)).toBe(wordCount(a) + wordCount(b));
      }),
      { numRuns: 300 },
    );
  });

  it("says a text is over its limit exactly when it counts more words than the limit", () => {
    fc.assert(
      fc.property(anyText(), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const state = wordLimitState(text, max);
        const count = wordCount(text);
        // Exact up to ten times the limit; beyond, "more than" ten times the limit.
        expect(state).toEqual(
          count > max * 10
            ? { count: max * 10, max, over: true, more: true }
            : { count, max, over: count > max, more: false },
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("wordCount, on long text without spaces in Chinese, Japanese or Thai", () => {
  // Mixed scripts and punctuation, no white space and nothing like a URL or an address, so the
  // whole text is one piece for the segmenter, counted a window at a time.
  const letters = fc.constantFrom(
    ..."国家电子政务战略日本のカタナภาษาไทยabZ7é\u0301'’.,:_\u200d\u200e👍🏽🇫🇷א\"ב",
  );
  const stretch = fc.string({ unit: letters, maxLength: 200, size: "max" });
  const punctuation = fc.constantFrom(..."。、!?()[]「」-/#");
  const longPiece = fc
    .array(fc.tuple(stretch, punctuation), { minLength: 2, maxLength: 25, size: "max" })
    .map((parts) => `国${parts.map(([text, mark]) => text + mark).join("")}`);

  it("counts exactly what the segmenter finds in the whole text at once", () => {
    fc.assert(
      fc.property(longPiece, (text) => {
        expect(wordCount(text)).toBe(segmenterCount(text));
      }),
      { numRuns: 60, endOnFailure: true }, // shrinking texts this long takes minutes
    );
  });

  it("counts exactly what the segmenter finds, without punctuation to cut at, outside dictionary scripts", () => {
    // Windows end at boundaries the segmenter finds well before their end; only Chinese,
    // Japanese and Thai words, found with a dictionary, could move at such a cut.
    const latin = fc.string({
      unit: fc.constantFrom(..."abZ7é\u0301'’.,:_"),
      minLength: 300,
      maxLength: 1500,
    });
    fc.assert(
      fc.property(latin, (text) => {
        expect(wordCount(`国${text}`)).toBe(segmenterCount(`国${text}`));
      }),
      { numRuns: 60, endOnFailure: true }, // shrinking texts this long takes minutes
    );
  });
});
