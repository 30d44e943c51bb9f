import { describe, expect, it } from "vitest";
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
    expect(wordLimitState(words(250), 250)).toEqual({ count: 250, max: 250, over: false });
    expect(wordLimitState(words(251), 250)).toEqual({ count: 251, max: 250, over: true });
  });
});
