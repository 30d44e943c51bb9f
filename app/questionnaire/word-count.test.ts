import { describe, expect, it } from "vitest";
import { pathologicalTexts } from "./pathological.test-helper";
import { expectLinear, fastestMs } from "./timing.test-helper";
import { MAX_LONGTEXT_CHARS } from "./validation";
import type { WordLimits } from "./types";
import { answerScript, wordCount, wordLimitFor, wordLimitState } from "./word-count";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

describe("wordCount", () => {
  it("counts nothing in empty or blank input", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount(null)).toBe(0);
    expect(wordCount(undefined)).toBe(0);
    expect(wordCount("   \n\t \u3000\u00a0")).toBe(0);
  });

  it("counts a run of characters between spaces holding a letter or a digit as one word", () => {
    expect(wordCount("Yes, the national strategy (2018–2024) is aligned.")).toBe(7);
    expect(wordCount("e-government, cross-agency and multi-stakeholder isn't hard")).toBe(6);
    expect(wordCount("SDG 16.6.2: 1,000 people, 71.5% of them")).toBe(7);
    expect(wordCount("Ministry of Youth & ICT – see below • item")).toBe(7);
    expect(wordCount("— ... !!! , & • – 👍")).toBe(0);
  });

  it("counts Arabic words", () => {
    expect(wordCount("نعم، توجد استراتيجية وطنية للحكومة الإلكترونية")).toBe(6);
    expect(wordCount("بلغت النسبة 78٪ وفق المؤشر 16.6.2 - انظر")).toBe(7);
  });

  it("counts Russian words", () => {
    expect(wordCount("Да, существует национальная стратегия.")).toBe(4);
    expect(wordCount("онлайн-консультации и т.п. – круглосуточно")).toBe(4);
  });

  it("counts each Chinese or Japanese character, and each full-width punctuation mark, as a word", () => {
    expect(wordCount("国家电子政务战略")).toBe(8);
    expect(wordCount("国家，电子。")).toBe(6);
    expect(wordCount("日本の電子政府戦略")).toBe(9);
    expect(wordCount("マイナンバーカード")).toBe(9);
    // A run of other letters or digits among them is one word; half-width punctuation is none.
    expect(wordCount("中国abc国家123电子")).toBe(8);
    expect(wordCount("达到95%以上,详见https://www.gov.cn。")).toBe(9);
    expect(wordCount("“互联网+政务服务”")).toBe(7);
  });

  it("counts Korean by the spaces between its words", () => {
    expect(wordCount("전자정부 서비스는 정부24 포털에서 제공된다.")).toBe(5);
  });

  it("counts Thai, Lao, Khmer and Myanmar words with the segmenter's dictionary", () => {
    expect(wordCount("ภาษาไทย")).toBe(2);
    expect(wordCount("รัฐบาลดิจิทัล https://www.egov.go.th ตั้งแต่ปี 2562")).toBe(6);
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
    expect(wordCount("国".repeat(250))).toBe(250);
  });

  it("counts across line breaks, and not at a zero-width no-break space", () => {
    expect(wordCount("one\ntwo\r\nthree\n\nfour\u2028five")).toBe(5);
    expect(wordCount("one\ufefftwo")).toBe(1);
  });
});

describe("wordLimitFor", () => {
  const question = (maxWords: WordLimits) => ({ maxWords });
  const limits = question({ default: 250, zh: 500, ar: 300, ru: 280 });

  it("is the definition's one limit when it gives one", () => {
    expect(wordLimitFor(question(250), "国家电子政务战略")).toBe(250);
  });

  it("is the limit of the script most of the answer's words are written in", () => {
    expect(
      wordLimitFor(limits, "国家电子政务战略，详见https://www.gov.cn/zhengce/index.html"),
    ).toBe(500);
    expect(wordLimitFor(limits, "نعم، توجد استراتيجية وطنية https://www.hukoomi.gov.qa")).toBe(300);
    expect(wordLimitFor(limits, "Да, существует стратегия (Digital Russia).")).toBe(280);
    expect(
      wordLimitFor(
        limits,
        "Yes: a national e-government strategy, adopted in 2016 by the State Council as 国家电子政务战略.",
      ),
    ).toBe(250);
    expect(wordLimitFor(limits, "Oui, une stratégie nationale.")).toBe(250);
    expect(wordLimitFor(limits, "")).toBe(250);
    expect(wordLimitFor(limits, null)).toBe(250);
  });

  it("falls back to the default for a script without its own limit", () => {
    expect(wordLimitFor(question({ default: 250, zh: 500 }), "Да, существует стратегия.")).toBe(
      250,
    );
  });

  it("decides by words, not by letters: digits and punctuation do not vote", () => {
    expect(answerScript("国家 2019 2020 2021 2022 — ... 16.6.2")).toBe("zh");
    expect(answerScript("Да да yes no")).toBeNull();
    expect(answerScript("Да да да yes no")).toBe("ru");
    // Among its first `upTo` words at most.
    expect(answerScript(`${"Да ".repeat(10)}${"yes ".repeat(100)}`, 10)).toBe("ru");
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
  // (Thai) to 9 s, growing 50 times for 8 times the text. The limit's script is read by the same
  // scan.
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
      await expectLinear(
        (length) => {
          const text = answer(length);
          return () => answerScript(text);
        },
        MAX_LONGTEXT_CHARS,
        BOUND_MS,
      );
    });
  }

  it("counts them by the rule: a word for a run without spaces, one per Chinese character", () => {
    const texts = pathologicalTexts(MAX_LONGTEXT_CHARS);
    expect(wordCount(texts["a@ + dots + @"])).toBe(1);
    expect(wordCount(texts["@ + closing punctuation"])).toBe(1);
    expect(wordCount(texts["http:// + slashes and dots"])).toBe(1);
    expect(wordCount(texts["no spaces"])).toBe(1);
    expect(wordCount(texts["runs of spaces"])).toBe(2);
    expect(wordCount(texts["[[[["])).toBe(0);
    expect(wordCount(texts["<a<a<a"])).toBe(1);
    expect(wordCount(texts["= + quotes, commas and CRLF"])).toBe(0);
    expect(wordCount(texts["Chinese without punctuation"])).toBe(MAX_LONGTEXT_CHARS);
    expect(wordCount(texts["Chinese and Latin letters"])).toBe(MAX_LONGTEXT_CHARS);
  });

  it("checks a limit without counting far past it: an answer at its cap in Chinese stays cheap", async () => {
    const texts = pathologicalTexts(MAX_LONGTEXT_CHARS);
    for (const shape of ["Chinese without punctuation", "Chinese and Latin letters"] as const) {
      const state = wordLimitState(texts[shape], 250);
      expect(state).toEqual({ count: 2500, max: 250, over: true, more: true });
      // Counting 2,500 words of 50,000 characters: well under the 20 ms of an answer at its cap.
      expect(await fastestMs(() => wordLimitState(texts[shape], 250))).toBeLessThan(20);
      // Choosing the limit by script reads no further than ten times the largest limit either.
      const byScript = { maxWords: { default: 250, zh: 500 } };
      expect(wordLimitFor(byScript, texts[shape])).toBe(500);
      expect(await fastestMs(() => wordLimitFor(byScript, texts[shape]))).toBeLessThan(20);
    }
    // Within ten times the limit, the count is exact.
    const within = "词 ".repeat(700);
    expect(wordLimitState(within, 250)).toEqual({ count: 700, max: 250, over: true, more: false });
    expect(wordLimitState("word ".repeat(250), 250)).toMatchObject({ over: false, more: false });
  });
});
