// Worst-case inputs for the importer: the shapes that made its regular expressions and loops
// quadratic or worse, at the size of the largest upload. Test-only.
import { MAX_FILE_BYTES } from "./check-file";
import { FILES, readDocument } from "./documents.test-helper";
import { MAX_LINES } from "./parse-msq";

/** `unit` repeated to `size` characters (the largest upload by default). */
export const repeat = (unit: string, size = MAX_FILE_BYTES) =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** One line each: the largest upload without a line break. */
export const WORST_LINES: Record<string, string> = {
  spaces: `${repeat(" ")}a`,
  letters: repeat("a"),
  words: repeat("a "),
  brackets: repeat("["),
  "bracket pairs": repeat("[a]("),
  parentheses: repeat("("),
  "html links": repeat("<a "),
  "html tags": repeat("<a"),
  "href without close": `<a href="x">${repeat("<b")}`,
  autolinks: repeat("<http://a"),
  "ticked yes": repeat("☒Yes "),
  "yes without boxes": repeat("Yes "),
  boxes: repeat("☐ "),
  "word limits": repeat("max 1 "),
  "word limit spaces": `(${repeat(" ")}max`,
  emphasis: repeat(" *a"),
  entities: repeat("&#x1"),
  "name and spaces": `Name${repeat(" ")}x`,
  dots: `a@${repeat(".")}@`,
  backslashes: repeat("\\["),
};

/** Documents of many lines, each the largest upload. */
export const WORST_DOCUMENTS: Record<string, string> = {
  "3 KB of spaces after a country": `Rwanda\n${" ".repeat(3000)}a\n`,
  "hyphenated lines": repeat("a-\n"),
  "addresses ending with a colon": repeat("x.org:\n"),
  "bare numbers": repeat("1\n\n"),
  "list markers": repeat("-\n"),
  "real responses": repeat(readDocument(FILES.rwanda) + "\n"),
};

/** As many copies of the line as a document may have lines, up to the largest upload. */
export const atLineCap = (line: string) =>
  `${line}\n`.repeat(MAX_LINES - 1).slice(0, MAX_FILE_BYTES);

/** Documents at the line cap, their lines long enough to make the document 2 MB. */
export const LONG_LINE_DOCUMENTS: Record<string, string> = {
  "hyphenated lines": atLineCap(`${"x".repeat(196)} a-`),
  "addresses ending with a colon": atLineCap(`${"x".repeat(194)}.org:`),
  "lower-case continuations": atLineCap(`and ${"a ".repeat(98)}for`),
  "options with comments": atLineCap(`☒ Blockchain ${"comment ".repeat(23)}`),
  "labels with spaces": atLineCap(`Name${" ".repeat(196)}`),
  "bare numbers and titles": atLineCap(
    `1\nUnited Nations E-Government Survey 2020 ${"x".repeat(150)}`,
  ),
};

/** A real response with a worst-case line after each of its lines that starts with a label. */
export function responseWith(line: string, file: string = FILES.rwanda): string {
  return readDocument(file).replace(/^(Name|Title|E-?mail)\b.*$/gm, (label) => `${label}\n${line}`);
}
