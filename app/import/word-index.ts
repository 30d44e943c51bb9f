import type { DocLine } from "./lines";
import { firstToken, type Token } from "./tokens";

// Where words start lines, so that locate.ts looks a question's first words up instead of reading
// the whole document once per question: on a document of a million short lines, reading it once
// for each of a hundred questions and labels took a minute.

/** For each word, the ascending indices (of tokens or lines) where it stands. */
export type Postings = Map<string, number[]>;

function post(index: Postings, word: string, at: number) {
  const list = index.get(word);
  if (list) list.push(at);
  else index.set(word, [at]);
}

/** Index of the first element of an ascending list that is at least `value`. */
export function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A question starts its line, after at most a number or a letter ("22.", "b."). */
export function lineStartTokens(tokens: readonly Token[]): Postings {
  const index: Postings = new Map();
  let position = 0;
  tokens.forEach((token, j) => {
    position = j > 0 && tokens[j - 1]!.line === token.line ? position + 1 : 0;
    const afterMarker = position === 1 && /^(?:\d+|[a-z])$/.test(tokens[j - 1]!.word);
    if (position === 0 || afterMarker) post(index, token.word, j);
  });
  return index;
}

/** Lines by their first word once `bare` has taken list and letter markers off. */
export function linesByFirstWord(lines: readonly DocLine[], bare: (text: string) => string) {
  const index: Postings = new Map();
  lines.forEach((line, i) => {
    const first = firstToken(bare(line.text).slice(0, 200));
    if (first) post(index, first.word, i);
  });
  return index;
}
