// Where LibreOffice Writer counts words differently from Word's rule (decision 016), for
// scripts/word-processor-texts.ts (which has LibreOffice count each text both as it is and
// without those differences) and word-count.word-processor.test.ts. Test-only.

const SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
/** Characters counted one word each by both (as word-count.ts's EAST_ASIAN). */
const EAST_ASIAN =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3001-\\u3029\\u3030-\\u303f\\u30a0\\u30fb\\u30fc\\ufe10-\\ufe1f\\ufe30-\\ufe4f\\uff01-\\uff9f\\uffe0-\\uffe6";
const TOKEN = new RegExp(`[^${SPACE}]+`, "gu");
const PART = new RegExp(`[${EAST_ASIAN}]|[^${EAST_ASIAN}]+`, "gu");
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉";

/**
 * The text without what LibreOffice (7.4, default options) counts differently from Word's
 * rule, where that can be taken out without touching a word:
 * - an en or em dash (its "additional separators") splits a word there: `2018–2024` is two
 *   words; `--` followed by more splits too. Both become a hyphen.
 * - a superscript or subscript digit is a word of its own (`km²` is two): it becomes a digit.
 * - punctuation or symbols standing alone (`-` as a bullet, `&`, `%`, `:` after a space in
 *   French, `“` beside a Chinese character) count as a word: they are taken out.
 * Korean (a word per syllable) and Thai or Lao (a word per character) are left as they are.
 */
export function withoutLibreOfficeDifferences(text: string): string {
  const dashes = text
    .replace(/[–—]/gu, "-")
    .replace(/-{2,}/gu, "-")
    .replace(new RegExp(`[${SUPERSCRIPTS}]`, "gu"), (digit) =>
      String(SUPERSCRIPTS.indexOf(digit) % 10),
    );
  return dashes.replace(TOKEN, (token) =>
    [...token.matchAll(PART)]
      .map(([part]) =>
        new RegExp(`^[${EAST_ASIAN}]`, "u").test(part) || /[\p{L}\p{N}]/u.test(part) ? part : "",
      )
      .join(""),
  );
}

/** Korean, Thai or Lao: LibreOffice counts a word per syllable or character there. */
export const COUNTED_PER_CHARACTER = /[\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}]/u;
