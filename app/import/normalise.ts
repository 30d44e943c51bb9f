// Character-level clean-up, before anything looks at the words: every export of the form
// (PDF text, Word, Markdown, another tool's "[X]" boxes) should reach the parser in one shape.

/** The two box marks the parser understands; every other spelling is mapped onto them. */
export const TICKED = "☒";
export const UNTICKED = "☐";

const BOM = /^\uFEFF/;
// No-break, narrow no-break, figure, thin and other fixed-width spaces read as plain spaces.
const ODD_SPACES = /[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// "[X] Yes", "[x]", "[✓]": ticked; "[ ]": not ticked. Never "[X](url)", which is a link.
const BRACKET_TICKED = /\[[xX✓✔]\](?!\()/g;
const BRACKET_UNTICKED = /\[ \](?!\()/g;
const OTHER_TICKED = /[☑✅✓✔■▣]/g;
const OTHER_UNTICKED = /[□❑❒▢]/g;

export function normaliseCharacters(text: string): string {
  return text
    .normalize("NFC")
    .replace(BOM, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .replace(/\t/g, "  ")
    .replace(BRACKET_TICKED, TICKED)
    .replace(BRACKET_UNTICKED, UNTICKED)
    .replace(OTHER_TICKED, TICKED)
    .replace(OTHER_UNTICKED, UNTICKED);
}

/** A URL, a bare domain ("mehnat.tj", "gb.mporg.ir/x") or an e-mail address at the start. */
export function startsWithAddress(text: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|@|[\w-]+(?:\.[\w-]+)+(?:[/\s,;:)]|$)|[^\s@]+@)/i.test(
    text.trim(),
  );
}

/** The whole line is one URL or address (possibly with trailing punctuation). */
export function isSingleAddress(text: string): boolean {
  const trimmed = text.trim();
  return !/\s/.test(trimmed) && startsWithAddress(trimmed);
}
