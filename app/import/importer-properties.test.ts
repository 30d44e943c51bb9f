import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { FILES, readDocument } from "./documents.test-helper";
import { stripMarkup } from "./markup";
import { inEnglish, refusalInEnglish } from "./messages.test-helper";
import { parseMsqDocument } from "./parse-msq";
import { readMsqItems } from "./read-document";

// Whatever a file holds, the importer gives a reading or a refusal that says why, never an
// exception: random Unicode with control characters, bidi marks, lone surrogates and markup
// pieces, on its own, as a whole file, inside a real response, and huge.

const odd = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\r",
  "\f",
  "\t",
  "\u200B",
  "\u200E",
  "\u202E",
  "\u2066",
  "\uFEFF",
  "\uD800",
  "\uDFFF",
  "☒",
  "☐",
  "[X]",
  "[ ]",
  "<a href='",
  "</a>",
  "<sup>",
  "](",
  "[",
  "(",
  "\\",
  "&#x110000;",
  "&#99999999999;",
  "**",
  "Name:",
  "max 250 words",
  "@",
  ".",
  "-\n",
  "\n",
);
const text = fc
  .array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), odd), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));
const rwanda = readDocument(FILES.rwanda);
const rwandaLines = rwanda.split("\n");

function expectReadingOrRefusal(result: ReturnType<typeof parseMsqDocument>) {
  if (result.ok) expect(Object.keys(result.answers).length).toBeGreaterThan(0);
  else expect(inEnglish(result.error)).toMatch(/^This is not an MSQ 2020 response: /);
}

describe("the importer on any text", () => {
  it("strips markup from any line without throwing", () => {
    fc.assert(
      fc.property(text, (line) => typeof stripMarkup(line) === "string"),
      { numRuns: 300 },
    );
  });

  it("parses or refuses any text", () => {
    fc.assert(
      fc.property(text, (t) => expectReadingOrRefusal(parseMsqDocument(t, msq2020))),
      {
        numRuns: 200,
      },
    );
  });

  it("reads a real response with random text inserted, still as Rwanda's", () => {
    fc.assert(
      fc.property(text, fc.nat(rwandaLines.length), (inserted, at) => {
        const lines = [...rwandaLines];
        lines.splice(at, 0, inserted);
        const result = parseMsqDocument(lines.join("\n"), msq2020);
        expectReadingOrRefusal(result);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses or reads any bytes as a file, with a message naming it", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const reading = readMsqItems(bytes, "random.txt", msq2020);
        if (!reading.ok) expect(refusalInEnglish(reading.error)).toMatch(/random\.txt/);
      }),
      { numRuns: 200 },
    );
  });

  it("parses or refuses huge random text (up to 2 MB)", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50_000 }), (unit, times) => {
        const huge = (unit || "x").repeat(times).slice(0, 2 * 1024 * 1024);
        expectReadingOrRefusal(parseMsqDocument(huge, msq2020));
      }),
      { numRuns: 8 },
    );
  });
});
