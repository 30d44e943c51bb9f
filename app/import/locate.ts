import type { DocLine } from "./lines";
import type { QuestionSpec } from "./question-specs";
import { align, tokenize, type Token } from "./tokens";
import { lineStartTokens, linesByFirstWord, lowerBound, type Postings } from "./word-index";

// Where each question stands in the document. Main questions are matched by their words, not
// their numbers (numbering can be wrong), and the set of matches is chosen so that questions
// keep the definition's order: two questions with the same wording (11 and 13) cannot swap,
// and one missing question does not make the next one be found in its place. Short labels
// ("Name", "b. Education") are then looked for at line starts between their neighbours.

export type Anchor = {
  key: string;
  /** "intro": the shared introduction of a lettered group ("2. Please also provide URLs …"). */
  role: "question" | "intro";
  line: number;
  endLine: number;
  /** What follows a short label on its own line ("Name: Amir Nazemi" → "Amir Nazemi"). */
  inline: string;
};

export type Located = { anchors: Anchor[]; mainQuestions: number; mainFound: number };

type Candidate = { start: number; end: number; score: number };

/** Long wordings may differ a little; short ones must all be there. */
function matchesEnough(matched: number, length: number): boolean {
  return length <= 4 ? matched === length : matched >= 4 && matched / length >= 0.7;
}

/** More places than this for one question means a document that is not a response anyway. */
const MAX_CANDIDATES = 20;

/** The document's tokens with the index of those that start a line. */
type Words = { tokens: readonly Token[]; starts: Postings };

/**
 * Where one of the wordings starts a line (tokens `from` to `to`) and matches well enough; the
 * best of overlapping ones. Places are taken in document order, then in the wordings' order.
 */
function candidates(
  patterns: readonly (readonly string[])[],
  { tokens, starts }: Words,
  from = 0,
  to = tokens.length,
): Candidate[] {
  // Where each wording's first (or, after a number, second) word starts a line, merged.
  const lists = patterns.flatMap((pattern, p) =>
    [0, 1].map((skip) => {
      const word = pattern[skip];
      const list = (word !== undefined && starts.get(word)) || [];
      return { pattern: patterns[p]!, skip, list, next: lowerBound(list, from) };
    }),
  );
  const found: Candidate[] = [];
  for (;;) {
    let j = to;
    for (const l of lists) if (l.next < l.list.length) j = Math.min(j, l.list[l.next]!);
    if (j >= to || found.length > MAX_CANDIDATES) break;
    for (const l of lists) {
      if (l.list[l.next] !== j) continue;
      l.next++;
      const { matched, last } = align(l.pattern, tokens, j, l.skip, { end: to });
      if (!matchesEnough(matched, l.pattern.length)) continue;
      const candidate = { start: j, end: last, score: matched / l.pattern.length };
      const overlapping = found[found.length - 1];
      if (overlapping && overlapping.end >= candidate.start) {
        if (candidate.score > overlapping.score) found[found.length - 1] = candidate;
      } else found.push(candidate);
    }
  }
  return found;
}

type Chain = { count: number; score: number; previous: [number, number] | null };

const better = (a: Chain, b: Chain) =>
  a.count > b.count || (a.count === b.count && a.score > b.score);

/** One candidate per question (or none), in increasing document order, as many as possible. */
function chooseInOrder(options: Candidate[][]): (Candidate | null)[] {
  const chains: Chain[][] = options.map(() => []);
  let best: [number, number] | null = null;
  options.forEach((list, m) => {
    list.forEach((candidate, c) => {
      let chain: Chain = { count: 1, score: candidate.score, previous: null };
      for (let pm = 0; pm < m; pm++) {
        options[pm]!.forEach((earlier, pc) => {
          if (earlier.end >= candidate.start) return;
          const before = chains[pm]![pc]!;
          const extended = {
            count: before.count + 1,
            score: before.score + candidate.score,
            previous: [pm, pc] as [number, number],
          };
          if (better(extended, chain)) chain = extended;
        });
      }
      chains[m]![c] = chain;
      if (!best || better(chain, chains[best[0]]![best[1]]!)) best = [m, c];
    });
  });
  const chosen: (Candidate | null)[] = options.map(() => null);
  for (let at: [number, number] | null = best; at; at = chains[at[0]]![at[1]]!.previous) {
    chosen[at[0]] = options[at[0]]![at[1]]!;
  }
  return chosen;
}

const LEADING_MARKERS = /^(?:[-*•]\s+)?(?:[a-z][.)]\s+)?/i;

/** "Name:  Amir Nazemi" matches the label "name" with inline "Amir Nazemi"; "Names of …" does not. */
export function matchLabel(label: readonly string[], text: string): { inline: string } | null {
  const bare = withoutMarkers(text);
  // Labels are short: the start of the line is enough (and keeps this cheap on a huge line).
  const tokens = tokenize(bare.slice(0, 200));
  if (tokens.length < label.length || label.some((word, i) => tokens[i]!.word !== word))
    return null;
  return labelTail(bare, tokens[label.length - 1]!.end);
}

/**
 * What may follow a label's words: a footnote number, an aside, then the end of the line or ":"
 * and the answer. Read by hand: as one expression, its optional parts between runs of spaces
 * made "Name" followed by 2,000 spaces take seconds.
 */
function labelTail(text: string, from: number): { inline: string } | null {
  let at = skipSpaces(text, from);
  const digits = /^\d{1,2}/.exec(text.slice(at, at + 2))?.[0].length ?? 0;
  at = skipSpaces(text, at + digits);
  if (text[at] === "(") {
    const close = text.indexOf(")", at);
    if (close < 0) return null;
    at = skipSpaces(text, close + 1);
  }
  if (at === text.length) return { inline: "" };
  return text[at] === ":" ? { inline: text.slice(at + 1).trim() } : null;
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** Takes list and letter markers off a line ("- ", "b. "), without copying it. */
const withoutMarkers = (text: string) => text.slice(LEADING_MARKERS.exec(text)![0].length);

/** The first line from `from` to `to` that is the label; `byFirstWord` indexes the lines. */
function findLabel(
  label: readonly string[],
  lines: DocLine[],
  byFirstWord: Postings,
  from: number,
  to: number,
) {
  const list = byFirstWord.get(label[0]!) ?? [];
  for (let k = lowerBound(list, from); k < list.length && list[k]! < to; k++) {
    const match = matchLabel(label, lines[list[k]!]!.text);
    if (match) return { line: list[k]!, inline: match.inline };
  }
  return null;
}

function findWording(wording: readonly string[], words: Words, from: number, to: number) {
  const { tokens } = words;
  const found = candidates([wording], words, firstOnLine(tokens, from), firstOnLine(tokens, to))[0];
  return found ? { line: tokens[found.start]!.line, endLine: tokens[found.end]!.line } : null;
}

/** Index of the first token on line `line` or later (tokens are in document order). */
function firstOnLine(tokens: readonly Token[], line: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function locateQuestions(lines: DocLine[], specs: readonly QuestionSpec[]): Located {
  const tokens = lines.flatMap((line, i) => tokenize(line.text, i));
  const words = { tokens, starts: lineStartTokens(tokens) };
  const byFirstWord = linesByFirstWord(lines, withoutMarkers);
  const mains = specs.filter((spec) => spec.kind === "main");
  const chosen = chooseInOrder(mains.map((spec) => candidates(spec.patterns, words)));
  const mainAnchor = new Map<string, Anchor>();
  mains.forEach((spec, m) => {
    const found = chosen[m];
    if (!found) return;
    const role = spec.label ? "intro" : "question";
    const last = tokens[found.end]!;
    const inline = role === "question" ? answerAfter(lines[last.line]!.text, last.end, spec) : "";
    const anchor = {
      key: spec.question.key,
      role,
      line: tokens[found.start]!.line,
      endLine: last.line,
      inline,
    } as const;
    mainAnchor.set(spec.question.key, anchor);
  });

  const anchors: Anchor[] = [];
  let cursor = 0;
  specs.forEach((spec, index) => {
    const main = mainAnchor.get(spec.question.key);
    if (main) {
      anchors.push(main);
      cursor = main.endLine + 1;
    }
    const limit = nextMainLine(specs, index, mainAnchor) ?? lines.length;
    if (spec.label) {
      const found = findLabel(spec.label, lines, byFirstWord, cursor, limit);
      if (found) {
        anchors.push({
          key: spec.question.key,
          role: "question",
          line: found.line,
          endLine: found.line,
          inline: found.inline,
        });
        cursor = found.line + 1;
      }
    }
    for (const wording of spec.followupLabels) {
      const found = findWording(wording, words, cursor, limit);
      if (!found) continue;
      anchors.push({ key: spec.question.key, role: "question", ...found, inline: "" });
      cursor = found.endLine + 1;
      break;
    }
  });
  anchors.sort((a, b) => a.line - b.line);
  return { anchors, mainQuestions: mains.length, mainFound: mainAnchor.size };
}

/**
 * An answer written on the question's own line ("10. Do you collect …? ☒Yes ☐No"): what follows
 * the matched words, unless it is only more of the question's wording ("(Please explain …)").
 */
function answerAfter(text: string, end: number, spec: QuestionSpec): string {
  const rest = text
    .slice(end)
    .replace(/^[\s?:.,;)]+/, "")
    .trim();
  const own = new Set(spec.patterns.flat());
  return tokenize(rest).every((t) => own.has(t.word) || /^\d+$/.test(t.word)) && !/[☒☐]/.test(rest)
    ? ""
    : rest;
}

function nextMainLine(specs: readonly QuestionSpec[], index: number, found: Map<string, Anchor>) {
  for (let i = index + 1; i < specs.length; i++) {
    const anchor = found.get(specs[i]!.question.key);
    if (anchor) return anchor.line;
  }
  return null;
}
