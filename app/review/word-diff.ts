import { diffWordsWithSpace } from "diff";

// Word-by-word differences between two versions of an answer, for the reviewer's "What
// changed": the before text with what was removed marked, the after text with what was added.
// jsdiff (a well-kept Myers diff) costs time in proportion to the texts' length times the number
// of edits it explores, so the edits are capped, and a page's diffs share one budget of
// (characters × edits): a response whose every answer was rewritten at its cap is shown whole
// rather than freezing the server. Caps are counts, not timeouts, so the server's render and the
// browser's hydration always agree.

export type DiffPart = { text: string; change: "same" | "added" | "removed" };
export type WordDiff = { before: DiffPart[]; after: DiffPart[] };

/** More added and removed words than this and the texts are shown whole, unmarked. */
export const MAX_EDITED_WORDS = 500;
/** Characters × edits that one page may spend on diffs: about 30 ms on a slow core. */
export const PAGE_BUDGET = 20_000_000;

/** The two texts split into kept, removed and added runs, or null when they differ too much. */
export function wordDiff(
  before: string,
  after: string,
  maxEdits: number = MAX_EDITED_WORDS,
): WordDiff | null {
  if (maxEdits < 1) return null;
  const changes = diffWordsWithSpace(before, after, { maxEditLength: maxEdits });
  if (!changes) return null;
  const result: WordDiff = { before: [], after: [] };
  for (const change of changes) {
    if (change.removed) result.before.push({ text: change.value, change: "removed" });
    else if (change.added) result.after.push({ text: change.value, change: "added" });
    else {
      result.before.push({ text: change.value, change: "same" });
      result.after.push({ text: change.value, change: "same" });
    }
  }
  return { before: joinRuns(result.before), after: joinRuns(result.after) };
}

/**
 * One marked run for "Ministry of ICT" rather than three: white space kept between two changed
 * runs joins them (the texts stay exactly the same).
 */
function joinRuns(parts: DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = joined[joined.length - 1];
    const next = parts[i + 1];
    if (
      last &&
      next &&
      part.change === "same" &&
      last.change !== "same" &&
      next.change === last.change &&
      /^\s+$/.test(part.text)
    ) {
      last.text += part.text + next.text;
      i++;
    } else if (last && part.change !== "same" && part.change === last.change) {
      last.text += part.text;
    } else {
      joined.push({ ...part });
    }
  }
  return joined;
}

/** The diffs of a page's changed answers, in order, sharing PAGE_BUDGET between them. */
export function wordDiffs(
  pairs: readonly { before: string; after: string }[],
  budget: number = PAGE_BUDGET,
): (WordDiff | null)[] {
  let left = budget;
  return pairs.map(({ before, after }) => {
    const chars = before.length + after.length + 1;
    const maxEdits = Math.min(MAX_EDITED_WORDS, Math.floor(left / chars));
    left -= chars * Math.max(maxEdits, 0);
    return wordDiff(before, after, maxEdits);
  });
}
