import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText, awkwardText } from "./arbitraries.test-helper";
import { wordCount, wordLimitState } from "./word-count";

// Properties of the word counter over random text (any code point, control characters, bidi
// marks, lone surrogates, huge repeats). numRuns is kept modest: the suite stays quick.

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
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

describe("wordCount, as the rule says", () => {
  // The rule of decision 016 written out the plain way, a character at a time, for text without
  // the four dictionary scripts: a word is a stretch between spaces and East Asian characters
  // that holds a letter or digit, and each East Asian character is one.
  const SPACE = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
  const EAST_ASIAN =
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001-\u3029\u3030-\u303f\u30a0\u30fb\u30fc\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff9f\uffe0-\uffe6]$/u;
  const DICTIONARY = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  function byTheRule(text: string): number {
    let count = 0;
    let lettered = false;
    for (const char of text) {
      if (SPACE.test(char) || EAST_ASIAN.test(char)) {
        if (lettered) count += 1;
        lettered = false;
        if (EAST_ASIAN.test(char)) count += 1;
      } else if (/[\p{L}\p{N}]/u.test(char)) lettered = true;
    }
    return count + (lettered ? 1 : 0);
  }
  const eastAsian = fc.string({
    unit: fc.constantFrom(
      ..."国家电子政务日本のカー・。、，（）「」ＡＢ１ab7-.:/@%“”— \u3000\n\u0301",
    ),
    maxLength: 120,
  });

  it("counts what the rule counts, a character at a time", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), awkwardText(), eastAsian), (text) => {
        fc.pre(!DICTIONARY.test(text));
        expect(wordCount(text)).toBe(byTheRule(text));
      }),
      { numRuns: 400 },
    );
  });

  it("does not change its count for punctuation added inside or around a word", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abZé7Жبα"), minLength: 1, maxLength: 8 });
    const marks = fc.string({ unit: fc.constantFrom(..."-–—.,:;/@'’\"()[]«»•&%+#"), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(marks, word, marks, word, marks)), (parts) => {
        const text = parts.map((p) => p.join("")).join(" ");
        expect(wordCount(text)).toBe(parts.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("wordCount, on long runs of Thai without spaces", () => {
  // A run of Thai goes through the segmenter a window at a time. The dictionary might place a
  // word differently at a window's end than in the whole run; it has not been seen to, and the
  // test allows one word per window. Runs of one window are counted exactly as the segmenter does.
  const thaiWord = fc.constantFrom(
    ..."รัฐบาล ดิจิทัล ของ ประเทศไทย ให้ บริการ ออนไลน์ ผ่าน เว็บไซต์ ตั้งแต่ ปี ภาษา ไทย ประชาชน ข้อมูล เปิด".split(
      " ",
    ),
  );
  const run = (maxLength: number) =>
    fc.array(thaiWord, { minLength: 1, maxLength, size: "max" }).map((w) => w.join(""));

  it("counts what the segmenter finds in a run of one window", () => {
    fc.assert(
      fc.property(
        run(30).filter((text) => text.length <= 256),
        (text) => {
          expect(wordCount(text)).toBe(segmenterCount(text));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts what the segmenter finds in the whole of a long run, within a word per window", () => {
    fc.assert(
      fc.property(run(400), (text) => {
        const windows = Math.ceil(text.length / 224);
        expect(Math.abs(wordCount(text) - segmenterCount(text))).toBeLessThanOrEqual(windows);
      }),
      { numRuns: 60, endOnFailure: true }, // shrinking texts this long takes minutes
    );
  });
});
