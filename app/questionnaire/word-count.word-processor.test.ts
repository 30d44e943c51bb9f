import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { wordCount } from "./word-count";
import { COUNTED_PER_CHARACTER, withoutLibreOfficeDifferences } from "./word-processor.test-helper";

// The portal's counter against a real word processor's: LibreOffice Writer's word counts of the
// seed responses' long answers and of paragraphs of our own (tests/fixtures/
// word-processor-counts.json, written by scripts/word-processor-counts.py, which CI does not
// run). Microsoft Word is not at hand; the portal counts by Word's rule (decision 016), which
// LibreOffice follows except in known ways:
// - it splits a word at an en or em dash (`2018–2024` is two words) and after `--`;
// - it counts punctuation or symbols standing alone as words: `-` as a bullet, `&`, `%`, `/`,
//   `:` and `;` after a space (French), « », and “ ” or + beside Chinese characters;
// - it counts a superscript digit as a word (`km²` is two);
// - it counts each Korean syllable and each Thai or Lao character as a word, where Word counts
//   Korean by its spaces and Thai with a dictionary.
// Where the first three apply, the fixture also has LibreOffice's count of the text without them
// (withoutLibreOfficeDifferences), and the portal's count of the text must equal that. The
// Korean and Thai paragraphs are recorded, not compared.

type Counted = { text: string; count: number };
type Entry = Counted & { source: string; withoutDifferences?: Counted };
const fixture = JSON.parse(readFileSync("tests/fixtures/word-processor-counts.json", "utf8")) as {
  countedBy: { program: string; version: string; additionalSeparators: string };
  texts: Entry[];
};
const compared = fixture.texts.filter((entry) => !COUNTED_PER_CHARACTER.test(entry.text));

describe("word counts against LibreOffice's", () => {
  it("has the seed responses' long answers and our own paragraphs, counted by LibreOffice", () => {
    expect(fixture.countedBy.program).toBe("LibreOffice Writer");
    expect(fixture.countedBy.version).toMatch(/^\d+\.\d+/);
    // The dashes it splits at, as the differences above assume.
    expect([...fixture.countedBy.additionalSeparators].sort()).toEqual(["–", "—"]);
    const seed = fixture.texts.filter((entry) => !entry.source.startsWith("own:"));
    expect(seed.length).toBeGreaterThanOrEqual(60);
    for (const language of ["Arabic", "Chinese", "Russian", "French"])
      expect(fixture.texts.some((entry) => entry.source.startsWith(`own: ${language}`))).toBe(true);
  });

  it("counts as LibreOffice does, where LibreOffice counts by Word's rule", () => {
    for (const { source, text, count, withoutDifferences } of compared)
      if (!withoutDifferences) expect(wordCount(text), source).toBe(count);
  });

  it("counts as LibreOffice does on the text without what LibreOffice counts differently", () => {
    for (const { source, text, withoutDifferences } of compared) {
      if (!withoutDifferences) continue;
      // The fixture is up to date, and taking those out changes no word by the portal's rule.
      expect(withoutDifferences.text, source).toBe(withoutLibreOfficeDifferences(text));
      expect(wordCount(withoutDifferences.text), source).toBe(wordCount(text));
      expect(wordCount(text), source).toBe(withoutDifferences.count);
    }
  });

  it("counts no more words than LibreOffice in any text, Korean and Thai included", () => {
    for (const { source, text, count } of fixture.texts)
      expect(wordCount(text), source).toBeLessThanOrEqual(count);
  });
});
