import type { DocLine } from "./lines";
import type { QuestionSpec } from "./question-specs";
import { align, tokenize, type Token } from "./tokens";

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
function accepted(matched: number, length: number): boolean {
  return length <= 4 ? matched === length : matched >= 4 && matched / length >= 0.7;
}

/** For each token, how many tokens precede it on its line. */
function positionsInLine(tokens: readonly Token[]): number[] {
  const positions: number[] = [];
  tokens.forEach((t, j) => {
    positions.push(j > 0 && tokens[j - 1]!.line === t.line ? positions[j - 1]! + 1 : 0);
  });
  return positions;
}

/** A question starts its line, after at most a number or a letter ("22.", "b."). */
function startsLine(tokens: readonly Token[], positions: readonly number[], j: number): boolean {
  const position = positions[j]!;
  return position === 0 || (position === 1 && /^(?:\d+|[a-z])$/.test(tokens[j - 1]!.word));
}

/** More places than this for one question means a document that is not a response anyway. */
const MAX_CANDIDATES = 20;

/** Where one of the wordings starts a line and matches well enough; the best of overlapping ones. */
function candidates(
  patterns: readonly (readonly string[])[],
  tokens: readonly Token[],
): Candidate[] {
  const found: Candidate[] = [];
  const positions = positionsInLine(tokens);
  for (let j = 0; j < tokens.length && found.length <= MAX_CANDIDATES; j++) {
    if (!startsLine(tokens, positions, j)) continue;
    for (const pattern of patterns) {
      for (const from of [0, 1]) {
        if (tokens[j]!.word !== pattern[from]) continue;
        const { matched, last } = align(pattern, tokens, j, from);
        if (!accepted(matched, pattern.length)) continue;
        const candidate = { start: j, end: last, score: matched / pattern.length };
        const overlapping = found[found.length - 1];
        if (overlapping && overlapping.end >= candidate.start) {
          if (candidate.score > overlapping.score) found[found.length - 1] = candidate;
        } else found.push(candidate);
      }
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
  const bare = text.replace(LEADING_MARKERS, "");
  // Labels are short: the start of the line is enough (and keeps this cheap on a huge line).
  const tokens = tokenize(bare.slice(0, 200));
  if (tokens.length < label.length || label.some((word, i) => tokens[i]!.word !== word))
    return null;
  const rest = bare.slice(tokens[label.length - 1]!.end);
  const tail = /^\s*(?:\d{1,2})?\s*(?:\([^)]*\))?\s*(?::\s*([\s\S]*))?$/.exec(rest);
  if (!tail) return null;
  return { inline: (tail[1] ?? "").trim() };
}

function findLabel(label: readonly string[], lines: DocLine[], from: number, to: number) {
  for (let i = from; i < to; i++) {
    const match = matchLabel(label, lines[i]!.text);
    if (match) return { line: i, inline: match.inline };
  }
  return null;
}

function findWording(
  wording: readonly string[],
  tokens: readonly Token[],
  from: number,
  to: number,
) {
  const inRange = tokens.filter((t) => t.line >= from && t.line < to);
  const found = candidates([wording], inRange)[0];
  return found ? { line: inRange[found.start]!.line, endLine: inRange[found.end]!.line } : null;
}

export function locateQuestions(lines: DocLine[], specs: readonly QuestionSpec[]): Located {
  const tokens = lines.flatMap((line, i) => tokenize(line.text, i));
  const mains = specs.filter((spec) => spec.kind === "main");
  const chosen = chooseInOrder(mains.map((spec) => candidates(spec.patterns, tokens)));
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
      const found = findLabel(spec.label, lines, cursor, limit);
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
      const found = findWording(wording, tokens, cursor, limit);
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
