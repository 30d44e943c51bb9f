import fc from "fast-check";
import { MAX_LONGTEXT_CHARS } from "./validation";

// Random text for property-based tests: any code point, with a good share of what breaks text
// handling (control characters, bidi marks, lone surrogates, joiners, the characters the word
// counter and the form parser treat specially), and huge repeats of it.

const AWKWARD = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\t",
  "\n",
  "\r",
  "\r\n",
  " ",
  "\u00a0",
  "\u2028",
  "\u200b",
  "\u200c",
  "\u200d",
  "\ufeff",
  "\u00ad",
  // bidi marks, embeddings, overrides and isolates
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  // lone surrogates (no valid UTF-16 pair)
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "@",
  ".",
  ",",
  ":",
  "/",
  "://",
  "www.",
  "[",
  "<",
  "(",
  ")",
  "'",
  "’",
  '"',
  "=",
  "_",
  "a",
  "Z",
  "7",
  "é",
  "\u0301",
  "国",
  "家",
  "カ",
  "の",
  "ภา",
  "。",
  "、",
  "!",
  "🇫🇷",
  "👍🏽",
  "א",
  "ب",
];

const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...AWKWARD), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Up to `maxLength` units of random, often awkward, text. */
export const awkwardText = (maxLength = 80) => fc.string({ unit, maxLength });

/** Short awkward text repeated up to about `maxLength` characters: inputs near the caps. */
export const hugeText = (maxLength = MAX_LONGTEXT_CHARS + 100) =>
  fc
    .tuple(
      awkwardText(6).filter((s) => s !== ""),
      fc.integer({ min: 1, max: maxLength }),
    )
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any text, small or huge. */
export const anyText = () =>
  fc.oneof({ arbitrary: awkwardText(), weight: 9 }, { arbitrary: hugeText(), weight: 1 });

/** What FormData and HTTP make of a string: lone surrogates become U+FFFD. */
export const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
