import { describe, expect, it } from "vitest";
import { allQuestions, completeAnswers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { MultiQuestion, Question } from "~/questionnaire";
import { answerText } from "./answer-text";
import { checkAnswers } from "./check-answers";
import { readOptionLine, readYesNo } from "./checkboxes";
import { removeWordLimits } from "./furniture";
import { parseDate, readHeader } from "./header";
import { documentLines, type DocLine } from "./lines";
import { locateQuestions, matchLabel } from "./locate";
import { inEnglish } from "./messages.test-helper";
import { stripMarkup } from "./markup";
import { readMulti } from "./multi";
import { normaliseCharacters, startsWithAddress } from "./normalise";
import { MAX_LINES, parseMsqDocument } from "./parse-msq";
import { questionSpecs } from "./question-specs";
import { readMsqItems } from "./read-document";
import { tokenize } from "./tokens";
import {
  LONG_LINE_DOCUMENTS,
  repeat,
  responseWith,
  WORST_DOCUMENTS,
  WORST_LINES,
} from "./worst-cases.test-helper";

// Every step of the importer, and the whole parse, on the inputs that made it quadratic or worse:
// the whole parse at the size of the largest upload (2 MB), each step on a quarter of it (enough
// for a quadratic step to take minutes; the whole run stays short on a shared machine).
// Measured on this 2-core machine while others ran their tests: a step takes at most ~400 ms,
// a whole parse at most ~1.5 s (docs/performance.md). The bounds are several times that; the
// quadratic versions took from seconds (a 3 KB file) to hours (2 MB), so they fail them by far.
const STEP_BOUND_MS = 1_500;
const PARSE_BOUND_MS = 5_000;

function elapsed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const specs = questionSpecs(msq2020);
const question = (test: (q: Question) => boolean) => allQuestions(msq2020).find(test)!;
const multi = question((q) => q.type === "multi") as MultiQuestion;
const linesField = question((q) => q.type === "lines");
const longText = question((q) => q.type === "longtext");
const email = question((q) => q.type === "email");
const docLines = (texts: string[]): DocLine[] => texts.map((text) => ({ text, indent: 0 }));

const quarter = (line: string) => line.slice(0, 512 * 1024);

describe("each step on a 512 KB line", () => {
  const steps: [string, (line: string) => unknown][] = [
    ["normalise", normaliseCharacters],
    ["strip markup", stripMarkup],
    ["remove word limits", removeWordLimits],
    ["tokenize", tokenize],
    ["starts with an address", startsWithAddress],
    ["match a label", (line) => matchLabel(["name"], line)],
    ["read an option line", (line) => readOptionLine(line, multi.options)],
    ["read yes/no", (line) => readYesNo([line])],
    ["parse a date", parseDate],
    ["read the header", (line) => readHeader(docLines(["Rwanda", line]), msq2020)],
    ["answer text", (line) => answerText(longText, docLines([line, line]))],
    ["read a tick-box question", (line) => readMulti(multi, docLines([line, line]))],
  ];
  for (const [step, run] of steps) {
    it.each(Object.entries(WORST_LINES))(`${step}: %s`, (_, line) => {
      const input = quarter(line);
      expect(elapsed(() => run(input))).toBeLessThan(STEP_BOUND_MS);
    });
  }
});

describe("each step on a 2 MB document of as many lines as allowed", () => {
  it.each(Object.entries(LONG_LINE_DOCUMENTS))(
    "document lines and locating questions: %s",
    (_, text) => {
      const time = elapsed(() => locateQuestions(documentLines(text, msq2020, specs), specs));
      expect(time).toBeLessThan(PARSE_BOUND_MS);
    },
  );

  it.each(Object.entries(LONG_LINE_DOCUMENTS))("answers from a region of %s", (_, text) => {
    const region = docLines(text.split("\n"));
    expect(elapsed(() => answerText(linesField, region))).toBeLessThan(STEP_BOUND_MS);
    expect(elapsed(() => readMulti(multi, region))).toBeLessThan(STEP_BOUND_MS);
    expect(elapsed(() => readYesNo(region.map((l) => l.text)))).toBeLessThan(STEP_BOUND_MS);
    expect(elapsed(() => readHeader(region, msq2020))).toBeLessThan(STEP_BOUND_MS);
  });

  it("checks answers at 2 MB each: an e-mail of dots, a long text of words", () => {
    const answers = completeAnswers(msq2020, {
      [email.key]: `a@${repeat(".")}@`,
      [longText.key]: repeat("a@. "),
    });
    let warnings: string[] = [];
    const time = elapsed(() => {
      warnings = checkAnswers(msq2020, answers).warnings.map(inEnglish);
    });
    expect(time).toBeLessThan(STEP_BOUND_MS);
    expect(warnings.some((w) => w.startsWith("Not a single e-mail address"))).toBe(true);
  });
});

describe("the whole parse", () => {
  it("refuses the 3 KB file of spaces that took 20 s, at once", () => {
    const text = WORST_DOCUMENTS["3 KB of spaces after a country"]!;
    let result: ReturnType<typeof parseMsqDocument> | undefined;
    expect(elapsed(() => (result = parseMsqDocument(text, msq2020)))).toBeLessThan(200);
    expect(result).toMatchObject({ ok: false });
  });

  it.each(Object.entries(WORST_LINES))("a 2 MB line of %s", (_, line) => {
    expect(
      elapsed(() => readMsqItems(new TextEncoder().encode(line), "x.txt", msq2020)),
    ).toBeLessThan(PARSE_BOUND_MS);
  });

  it.each(Object.entries({ ...WORST_DOCUMENTS, ...LONG_LINE_DOCUMENTS }))(
    "a 2 MB document: %s",
    (_, text) => {
      expect(elapsed(() => parseMsqDocument(text, msq2020))).toBeLessThan(PARSE_BOUND_MS);
    },
  );

  it("refuses a document of more lines than any questionnaire, naming how many", () => {
    const result = parseMsqDocument(repeat("a\n", 2 * (MAX_LINES + 1)), msq2020);
    expect(result).toEqual({
      ok: false,
      error: { code: "tooManyLines", values: { round: "2020", lines: MAX_LINES + 2 } },
    });
    expect(!result.ok && inEnglish(result.error)).toBe(
      `This is not an MSQ 2020 response: it has ${(MAX_LINES + 2).toLocaleString("en")} lines, and a questionnaire's text has a few hundred.`,
    );
  });

  it.each(Object.entries(WORST_LINES))(
    "a real response with 100 KB of %s after each label, its answers still read",
    (_, line) => {
      const text = responseWith(line.slice(0, 100_000));
      let result: ReturnType<typeof parseMsqDocument> | undefined;
      expect(elapsed(() => (result = parseMsqDocument(text, msq2020)))).toBeLessThan(
        PARSE_BOUND_MS,
      );
      expect(result).toMatchObject({ ok: true, country: "RWA" });
    },
  );

  it("a real response with Name and 2,000 spaces after each label (6 s before)", () => {
    const text = responseWith(`Name${" ".repeat(2000)}x`);
    expect(elapsed(() => parseMsqDocument(text, msq2020))).toBeLessThan(200);
  });
});
