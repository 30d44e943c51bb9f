import { describe, expect, it } from "vitest";
import { pathologicalTexts } from "./pathological.test-helper";
import { expectLinear, fastestMs } from "./timing.test-helper";
import { MAX_LONGTEXT_CHARS } from "./validation";
import { wordCount, wordLimitState } from "./word-count";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

describe("wordCount", () => {
  it("counts nothing in empty or blank input", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount(null)).toBe(0);
    expect(wordCount(undefined)).toBe(0);
    expect(wordCount("   \n\t ")).toBe(0);
  });

  it("counts English words, ignoring punctuation", () => {
    expect(wordCount("Yes, the national strategy (2018–2024) is aligned.")).toBe(8);
    expect(wordCount("— ... !!! ,")).toBe(0);
    expect(wordCount("e-government isn't hard")).toBe(4);
  });

  it("counts Arabic words", () => {
    expect(wordCount("نعم، توجد استراتيجية وطنية للحكومة الإلكترونية")).toBe(6);
  });

  it("counts Russian words", () => {
    expect(wordCount("Да, существует национальная стратегия.")).toBe(4);
  });

  it("counts Chinese by word segments, not by characters or spaces", () => {
    const count = wordCount("国家电子政务战略");
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThan(8);
  });

  it("counts a URL or an e-mail address as one word", () => {
    expect(wordCount("https://irembo.gov.rw/rolportal/en/web/guest/home")).toBe(1);
    expect(wordCount("See www.umuturage.gov.rw and https://data.gov.qa/pages/home?x=1 now")).toBe(
      5,
    );
    expect(wordCount("Write to dpidg@un.org today")).toBe(4);
  });

  it("is exact at the 250-word boundary", () => {
    expect(wordCount(words(250))).toBe(250);
    expect(wordCount(words(251))).toBe(251);
    expect(wordCount(words(250, "كلمة"))).toBe(250);
    expect(wordCount(words(251, "كلمة"))).toBe(251);
  });

  it("agrees with Unicode word segmentation on ordinary prose", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    const reference = (text: string) =>
      [...segmenter.segment(text)].filter((s) => s.isWordLike).length;
    for (const text of [
      "The e-government strategy (2018–2024) isn't finished; see SDG 16.6.2, e.g. indicator 1,000.",
      "Правительство использует социальные сети — Facebook, VK и Telegram.",
      "تستخدم الحكومة وسائل التواصل الاجتماعي، مثل فيسبوك وتويتر.",
      "日本の電子政府戦略 and 中国 are counted by segment.",
      "snake_case words, O'Brien's team: 50% of staff.",
    ]) {
      expect(wordCount(text), text).toBe(reference(text));
    }
  });

  it("counts across line breaks", () => {
    expect(wordCount("one\ntwo\r\nthree\n\nfour")).toBe(4);
  });
});

describe("wordLimitState", () => {
  it("reports over the limit only above it", () => {
    expect(wordLimitState(words(250), 250)).toEqual({
      count: 250,
      max: 250,
      over: false,
      more: false,
    });
    expect(wordLimitState(words(251), 250)).toEqual({
      count: 251,
      max: 250,
      over: true,
      more: false,
    });
  });
});

describe("wordCount on the worst inputs an answer can hold", () => {
  // Linear, the fastest of five runs takes 0.1–20 ms on an idle 2-core machine, up to 80 ms on a
  // busy one; quadratic (a backtracking expression, the segmenter given the whole text) 150 ms
  // (Thai) to 9 s, growing 50 times for 8 times the text.
  const BOUND_MS = 100;
  for (const shape of Object.keys(pathologicalTexts(10))) {
    it(`counts a long answer at its cap quickly: ${shape}`, async () => {
      const answer = (length: number) => pathologicalTexts(length)[shape]!;
      expect(answer(MAX_LONGTEXT_CHARS)).toHaveLength(MAX_LONGTEXT_CHARS);
      await expectLinear(
        (length) => {
          const text = answer(length);
          return () => wordCount(text);
        },
        MAX_LONGTEXT_CHARS,
        BOUND_MS,
      );
    });
  }

  it("counts the same as before: one word for the address-like shapes, one per segment", () => {
    const texts = pathologicalTexts(MAX_LONGTEXT_CHARS);
    expect(wordCount(texts["a@ + dots + @"])).toBe(1);
    expect(wordCount(texts["@ + closing punctuation"])).toBe(1);
    expect(wordCount(texts["no spaces"])).toBe(1);
    expect(wordCount(texts["runs of spaces"])).toBe(2);
    expect(wordCount(texts["[[[["])).toBe(0);
    expect(wordCount(texts["<a<a<a"])).toBe(MAX_LONGTEXT_CHARS / 2);
    expect(wordCount(texts["Chinese and Latin letters"])).toBe(MAX_LONGTEXT_CHARS);
  });

  it("checks a limit without counting far past it: an answer at its cap in Chinese stays cheap", async () => {
    const texts = pathologicalTexts(MAX_LONGTEXT_CHARS);
    for (const shape of ["Chinese without punctuation", "Chinese and Latin letters"] as const) {
      const state = wordLimitState(texts[shape], 250);
      expect(state).toEqual({ count: 2500, max: 250, over: true, more: true });
      // Counting 2,500 words of 50,000 characters: well under the 20 ms of an answer at its cap.
      expect(await fastestMs(() => wordLimitState(texts[shape], 250))).toBeLessThan(20);
    }
    // Within ten times the limit, the count is exact.
    const within = "词 ".repeat(700);
    expect(wordLimitState(within, 250)).toEqual({ count: 700, max: 250, over: true, more: false });
    expect(wordLimitState("word ".repeat(250), 250)).toMatchObject({ over: false, more: false });
  });
});
