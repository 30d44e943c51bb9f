import { describe, expect, it } from "vitest";
import { MAX_LONGTEXT_CHARS } from "~/questionnaire/question-types";
import { expectLinear, fastestMs } from "~/questionnaire/timing.test-helper";
import {
  findMatches,
  fold,
  highlightText,
  MAX_QUERY_CHARS,
  normaliseQuery,
  searchText,
  type Segment,
} from "./text-search";

// The search through text answers: what matches, how it is marked, and that it stays linear at
// the largest accepted size (193 answers at their cap) whatever the query.

const shown = (segments: Segment[]) =>
  segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

describe("matching", () => {
  it("ignores case and the kind of white space, and finds every match left to right", () => {
    const hit = searchText("Open data.\nOPEN\tDATA and open data", "open data")!;
    expect(hit.matches).toBe(3);
    expect(shown(hit.excerpts[0]!)).toBe("[Open data].\n[OPEN\tDATA] and [open data]");
  });

  it("does not count overlapping matches twice", () => {
    expect(findMatches("aaaa", "aa")).toEqual([0, 2]);
    expect(findMatches("abababa", "aba")).toEqual([0, 4]);
  });

  it("finds nothing for an empty query, and says so with null", () => {
    expect(findMatches("anything", "")).toEqual([]);
    expect(searchText("open data", "closed")).toBeNull();
  });

  it("looks for the query as written: no pattern, no markup", () => {
    expect(searchText("a+b = c", ".*")).toBeNull();
    expect(searchText("costs (in $) rose", "(in $)")!.matches).toBe(1);
    expect(searchText("aaaa", "(a+)+$")).toBeNull();
    expect(searchText("[x] ^start$ \\d", "^start$")!.matches).toBe(1);
    const markup = searchText("we wrote <mark>here</mark>", "<mark>")!;
    expect(markup.excerpts[0]).toEqual([
      { text: "we wrote ", mark: false },
      { text: "<mark>", mark: true },
      { text: "here</mark>", mark: false },
    ]);
  });

  it("keeps positions when lower-casing would change a text's length (a dotted capital I)", () => {
    expect(fold("İstanbul")).toHaveLength(8);
    const hit = searchText("İstanbul and ISTANBUL", "stanbul")!;
    expect(shown(hit.excerpts[0]!)).toBe("İ[stanbul] and I[STANBUL]");
  });

  it("normalises the query: white space runs as one space, trimmed, cut at its cap", () => {
    expect(normaliseQuery("  open \n\t data  ")).toBe("open data");
    expect(normaliseQuery(null)).toBe("");
    expect(normaliseQuery("x".repeat(10_000))).toHaveLength(MAX_QUERY_CHARS);
  });
});

describe("excerpts and highlights", () => {
  const long = `${"a".repeat(300)} open data ${"b".repeat(300)} open data ${"c".repeat(300)}`;

  it("cuts an excerpt around each match, with … where the answer goes on", () => {
    const hit = searchText(long, "open data", { context: 10 })!;
    expect(hit.matches).toBe(2);
    expect(hit.excerpts.map(shown)).toEqual([
      `…${"a".repeat(9)} [open data] ${"b".repeat(9)}…`,
      `…${"b".repeat(9)} [open data] ${"c".repeat(9)}…`,
    ]);
  });

  it("joins matches close together into one excerpt, and keeps at most the excerpts asked", () => {
    const hit = searchText("x open data open data y", "open data", { context: 5 })!;
    expect(hit.excerpts.map(shown)).toEqual(["x [open data] [open data] y"]);
    expect(searchText(long, "open data", { context: 10, excerpts: 1 })!.excerpts).toHaveLength(1);
  });

  it("never cuts a character written as two code units", () => {
    const text = `😀😀😀 open data 😀😀😀`;
    const hit = searchText(text, "open data", { context: 3 })!;
    for (const piece of hit.excerpts[0]!)
      expect(piece.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it("shows a short answer to its cap, every match in it marked", () => {
    expect(shown(highlightText("Ministry of ICT, ministry of finance", "ministry", 100))).toBe(
      "[Ministry] of ICT, [ministry] of finance",
    );
    expect(shown(highlightText("abcdef", "", 3))).toBe("abc…");
  });
});

describe("the largest accepted search", () => {
  // What a reviewer's search reads at worst: 193 long answers at their cap.
  const answers = (size: number, text: string) =>
    Array.from({ length: 193 }, () => text.repeat(Math.ceil(size / text.length)).slice(0, size));

  it("is linear in the answers for a query that almost matches everywhere (aaa…ab)", async () => {
    const query = `${"a".repeat(MAX_QUERY_CHARS - 1)}b`;
    const prepare = (size: number) => {
      const all = answers(size, "a");
      return () => all.map((answer) => searchText(answer, query));
    };
    await expectLinear(prepare, MAX_LONGTEXT_CHARS, 400);
    // Comparing the query afresh at every position would read each answer 200 times (~2e9
    // comparisons, seconds); Knuth–Morris–Pratt reads it once (~50 ms here).
    expect(await fastestMs(prepare(MAX_LONGTEXT_CHARS))).toBeLessThan(1500);
  });

  it("is linear for a query that matches everywhere, with the excerpts cut in one pass", async () => {
    await expectLinear(
      (size) => {
        const all = answers(size, "ab ");
        return () => all.map((answer) => searchText(answer, "ab"));
      },
      MAX_LONGTEXT_CHARS,
      600,
    );
  });

  it("answers a search over 193 answers at their cap well within a page's time", () => {
    const all = answers(MAX_LONGTEXT_CHARS, "the national digital strategy ");
    const started = performance.now();
    const hits = all.map((answer) => searchText(answer, "digital strategy"));
    expect(hits.every((hit) => hit !== null && hit.matches > 1000)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
