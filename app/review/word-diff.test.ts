import { describe, expect, it } from "vitest";
import { expectLinear } from "~/questionnaire/timing.test-helper";
import { MAX_EDITED_WORDS, wordDiff, wordDiffs, type DiffPart } from "./word-diff";

const text = (parts: DiffPart[]) => parts.map((p) => p.text).join("");
const marked = (parts: DiffPart[]) => parts.filter((p) => p.change !== "same").map((p) => p.text);

describe("wordDiff", () => {
  it("marks the words removed from the before text and added to the after text", () => {
    const diff = wordDiff(
      "The portal is run by the Ministry of ICT.",
      "The portal is run by the National Digital Agency.",
    )!;
    expect(text(diff.before)).toBe("The portal is run by the Ministry of ICT.");
    expect(text(diff.after)).toBe("The portal is run by the National Digital Agency.");
    expect(marked(diff.before).join("|")).toMatch(/Ministry of ICT/);
    expect(marked(diff.after).join("|")).toMatch(/National Digital Agency/);
    expect(diff.before[0]).toEqual({ text: "The portal is run by the ", change: "same" });
  });

  it("keeps both texts exactly, in scripts without spaces and with line breaks", () => {
    for (const [before, after] of [
      [
        "Ministries publish on Facebook and Twitter.",
        "Ministries publish on Facebook, X and YouTube, under the 2019 guidelines.",
      ],
      ["two  spaces\tand a tab", "two spaces and a tab"],
      ["电子政务门户网站\n第二行", "电子政务网站\n第二行"],
      ["بوابة الحكومة الإلكترونية", "بوابة الحكومة الرقمية"],
      ["", "new answer"],
      ["old answer", ""],
    ] as const) {
      const diff = wordDiff(before, after)!;
      expect(text(diff.before)).toBe(before);
      expect(text(diff.after)).toBe(after);
    }
  });

  it("gives up, rather than working long, on two long texts that differ everywhere", () => {
    const words = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(" ");
    expect(wordDiff(words("a", MAX_EDITED_WORDS), words("b", MAX_EDITED_WORDS))).toBeNull();
    // A small edit in a long text is still found.
    const long = words("w", 7000);
    expect(marked(wordDiff(long, long.replace("w3500", "changed"))!.after)).toEqual(["changed"]);
  });

  it("shares one budget between a page's answers, so that many rewritten answers stay cheap", async () => {
    const many = (size: number, word: string) =>
      `${word} `.repeat(Math.ceil(size / (word.length + 1))).slice(0, size);
    const rewritten = Array.from({ length: 53 }, () => ({
      before: many(50_000, "alpha"),
      after: many(50_000, "beta"),
    }));
    const small = { before: "Ministry of ICT", after: "Digital Agency" };
    // The small answer is diffed however early or late it comes while the budget lasts.
    const diffs = wordDiffs([small, ...rewritten, small]);
    expect(diffs[0]).not.toBeNull();
    expect(diffs.slice(1, -1).every((d) => d === null)).toBe(true);
    await expectLinear((size) => () => wordDiffs(rewritten.slice(0, size)), 48, 400);
  });

  it("takes time linear in the texts' length, at the 50,000-character cap", async () => {
    const cap = 50_000;
    // Worst cases: every word different; one run of a character; a long text with edits just
    // under the cap of edited words.
    const many = (size: number, word: string) =>
      `${word} `.repeat(Math.ceil(size / (word.length + 1))).slice(0, size);
    await expectLinear((size) => () => wordDiff(many(size, "alpha"), many(size, "beta")), cap, 400);
    await expectLinear((size) => () => wordDiff("a".repeat(size), "b".repeat(size)), cap, 400);
    await expectLinear(
      (size) => {
        const before = many(size, "same");
        const after = before.replace(/same/g, (w, at: number) => (at % 50 === 0 ? "other" : w));
        return () => wordDiff(before, after);
      },
      cap,
      400,
    );
  });
});
