import type { Option } from "~/questionnaire";
import { TICKED, UNTICKED } from "./normalise";
import { problem, type ImportProblem } from "./problems";
import { forwardFinder } from "./scan";
import { align, tokenize, withoutAsides, words, type Token } from "./tokens";

// Reading tick boxes. A line may hold one option ("☒ Has an implementation plan."), several
// ("☐ Artificial Intelligence (AI) ☐ Blockchain", or without boxes "Robotics    Internet of
// Things (IOT)"), and text after the last option (the respondent's comment). Options are
// recognised by the definition's option texts, tolerating footnote marks and asides.

export type TickState = "ticked" | "unticked" | "unknown";

export type OptionMark = {
  key: string;
  state: TickState;
  /** Text between this option and the next one on the line (after "Other:", a comment). */
  after: string;
};

export type OptionLine = { marks: OptionMark[] };

const BOX = new RegExp(`^\\s*([${TICKED}${UNTICKED}])\\s*`);
const BOX_CHAR = new RegExp(`[${TICKED}${UNTICKED}]`, "g");
const LIST_MARKER = /^\s*(?:[-*+•·▪–—]\s+)/;

/** Short options ("Blockchain", "Big data") must match whole; long ones may differ a little. */
function optionAccepted(matched: number, length: number): boolean {
  return length <= 3 ? matched === length : matched / length >= 0.6;
}

/**
 * The option whose text best matches the words at `at`. Each option is tried with and without
 * its asides: a document may print "(AI)" but turn "(related to SDG Indicator 16.6.1)" into a
 * footnote.
 */
/** Each option's wordings, worked out once per list of options (they are read on every line). */
const optionWordings = new WeakMap<readonly Option[], string[][][]>();

function wordingsOf(options: readonly Option[]): string[][][] {
  let wordings = optionWordings.get(options);
  if (!wordings) {
    wordings = options.map((option) => [words(option.text), words(withoutAsides(option.text))]);
    optionWordings.set(options, wordings);
  }
  return wordings;
}

function bestOption(options: readonly Option[], tokens: Token[], at: number) {
  let best: { key: string; last: number; ratio: number; matched: number } | null = null;
  const wordings = wordingsOf(options);
  for (const [index, option] of options.entries()) {
    for (const pattern of wordings[index]!) {
      if (pattern.length === 0 || tokens[at]?.word !== pattern[0]) continue;
      const { matched, last } = align(pattern, tokens, at, 0, { maxExtra: 2, maxLines: 0 });
      const ratio = matched / pattern.length;
      if (!optionAccepted(matched, pattern.length)) continue;
      if (!best || ratio > best.ratio || (ratio === best.ratio && matched > best.matched)) {
        best = { key: option.key, last, ratio, matched };
      }
    }
  }
  return best;
}

/** The options named on a line, with their tick state; null when the line names none first. */
export function readOptionLine(text: string, options: readonly Option[]): OptionLine | null {
  const line = text.replace(LIST_MARKER, "");
  const tokens = tokenize(line);
  // Both move forward only: each option found is looked for from where the last one ended, so a
  // line of a thousand options ("☒Yes ☒Yes …") is read once, not once per option.
  const nextBox = forwardFinder(line, BOX_CHAR);
  let at = 0;
  const marks: { key: string; state: TickState; start: number; end: number }[] = [];
  let position = 0;
  for (;;) {
    let rest = line.slice(position);
    let box = BOX.exec(rest);
    if (!box && marks.length > 0) {
      // A comment between two boxes belongs to the option before it; without boxes, the next
      // option must follow after spaces (a column layout), anything else is a comment.
      const boxAt = nextBox(position);
      if (boxAt > position) {
        position = boxAt;
        rest = line.slice(position);
        box = BOX.exec(rest);
      } else if (!/^\s/.test(rest)) break;
    }
    const textStart = position + (box ? box[0].length : /^\s*/.exec(rest)![0].length);
    while (at < tokens.length && tokens[at]!.start < textStart) at++;
    if (at >= tokens.length || tokens[at]!.start !== textStart) break;
    const found = bestOption(options, tokens, at);
    if (!found) break;
    const state: TickState = box ? (box[1] === TICKED ? "ticked" : "unticked") : "unknown";
    const wordEnd = tokens[found.last]!.end;
    const end = wordEnd + /^[)\].,;:!?'"”’]*/.exec(line.slice(wordEnd))![0].length;
    marks.push({ key: found.key, state, start: position, end });
    position = end;
  }
  if (marks.length === 0) return null;
  return {
    marks: marks.map((mark, i) => ({
      key: mark.key,
      state: mark.state,
      after: line.slice(mark.end, marks[i + 1]?.start ?? line.length).trim(),
    })),
  };
}

/** A comment next to an option, without the punctuation that joined it (". Yes, …", ": …"). */
export function commentText(after: string): string {
  return after.replace(/^[\s.,:;–—-]+/, "").trim();
}

const YES_NO: readonly Option[] = [
  { key: "yes", text: "Yes" },
  { key: "no", text: "No" },
];

export type YesNoReading = {
  value: "yes" | "no" | null;
  problem: ImportProblem | null;
  extra: string[];
};

/**
 * "☒Yes ☐No" → yes; "Yes." or "No, …" written out → that; "Yes No" with no boxes (tick marks lost
 * in conversion), both or neither ticked → null with the reason.
 */
export function readYesNo(lines: readonly string[]): YesNoReading {
  const marks: OptionMark[] = [];
  const extra: string[] = [];
  for (const text of lines) {
    if (text.trim() === "") continue;
    const read = readOptionLine(text, YES_NO);
    // "Yes No" or boxes: the form's own choices. "Yes." or "No, because …": a written answer.
    // "No information" is an answer of its own, not a "no".
    const written = WRITTEN_YES_NO.exec(text);
    if (read && (read.marks.length > 1 || read.marks.some((m) => m.state !== "unknown"))) {
      for (const mark of read.marks) marks.push(mark); // a spread of 100,000 overflows the stack
      const comment = commentText(read.marks[read.marks.length - 1]!.after);
      if (comment) extra.push(comment);
    } else if (written && marks.length === 0) {
      marks.push({ key: written[1]!.toLowerCase(), state: "unknown", after: "" });
      const comment = commentText(text.slice(written[0].length));
      if (comment) extra.push(comment);
    } else extra.push(text.trim());
  }
  const boxed = marks.filter((m) => m.state !== "unknown");
  if (boxed.length > 0) {
    const ticked = [...new Set(boxed.filter((m) => m.state === "ticked").map((m) => m.key))];
    if (ticked.length === 1) return { value: ticked[0] as "yes" | "no", problem: null, extra };
    const why = problem(ticked.length === 0 ? "neitherYesNorNo" : "bothYesAndNo");
    return { value: null, problem: why, extra };
  }
  const written = [...new Set(marks.map((m) => m.key))];
  if (written.length === 1) return { value: written[0] as "yes" | "no", problem: null, extra };
  // "Yes No" written out without boxes: the tick marks were lost in conversion.
  if (written.length === 2) return { value: null, problem: problem("yesNoMarksLost"), extra };
  return { value: null, problem: problem("noYesNo"), extra };
}

const WRITTEN_YES_NO = /^\s*(?:[-*•]\s+)?(yes|no)\b(?!\s+\p{L})/iu;
