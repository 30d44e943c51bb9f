import type { MultiQuestion } from "~/questionnaire";
import { commentText, readOptionLine, type OptionMark } from "./checkboxes";
import type { DocLine } from "./lines";
import { TICKED, UNTICKED } from "./normalise";
import { problem, type ImportProblem } from "./problems";

// A tick-box question's block: its options, which are ticked, and the text around them, which
// belongs to the question's followups ("If any checked, please explain further", "Other:").

export type MultiReading = {
  value: string[] | null;
  /** What could not be read with certainty (each one a warning). */
  problems: ImportProblem[];
  /** Text for the explanation followup: comments next to options and text after them. */
  explanation: DocLine[];
  /** What was written after "Other:" on its line. */
  otherText: string;
};

type ReadLine = { line: DocLine; marks: OptionMark[] | null };

/**
 * Options are listed once: a later line that happens to start like an option ("E-procurement –
 * http://…" in an explanation) is text, and so is everything once every option has been seen.
 */
function classify(question: MultiQuestion, region: readonly DocLine[]): ReadLine[] {
  const seen = new Set<string>();
  return region.map((line) => {
    const read =
      seen.size < question.options.length ? readOptionLine(line.text, question.options) : null;
    if (!read || seen.has(read.marks[0]!.key)) return { line, marks: null };
    read.marks.forEach((mark) => seen.add(mark.key));
    return { line, marks: read.marks };
  });
}

const withoutBoxes = (line: DocLine) => ({ ...line, text: line.text.replace(BOXES, "").trim() });
const BOXES = new RegExp(`[${TICKED}${UNTICKED}]\\s*`, "g");

export function readMulti(question: MultiQuestion, region: readonly DocLine[]): MultiReading {
  const lines = classify(question, region);
  const optionRows = lines.flatMap((row, i) => (row.marks ? [i] : []));
  if (optionRows.length === 0) {
    return {
      value: null,
      problems: [problem("optionsNotFound")],
      explanation: [...region],
      otherText: "",
    };
  }
  const lastRow = optionRows[optionRows.length - 1]!;
  const marks = optionRows.flatMap((i) => lines[i]!.marks!);
  const other = marks.find((m) => m.key === "other");
  const otherText = other ? commentText(other.after) : "";

  // A comment is text after an option (not after "Other:", which is the Other box's text), or
  // text lines between one option line and the next; the option line then heads its comment.
  const commented = new Set<string>();
  const explanation: DocLine[] = [];
  const headed = new Set<number>();
  let owner = optionRows[0]!; // the last option line at or before the current line
  lines.forEach((row, i) => {
    if (row.marks) owner = i;
    if (i < optionRows[0]! || row.line.text === "") return; // before the options: question wording
    const marks = lines[owner]!.marks!;
    const last = marks[marks.length - 1]!;
    const ownComment = last.key !== "other" && commentText(last.after) !== "";
    if (row.marks && !ownComment) return;
    if (!row.marks && owner !== lastRow && !headed.has(owner))
      explanation.push(withoutBoxes(lines[owner]!.line));
    if (row.marks || owner !== lastRow) commented.add(last.key);
    headed.add(owner);
    explanation.push(withoutBoxes(row.line));
  });

  const boxed = marks.filter((m) => m.state !== "unknown");
  if (boxed.length > 0) {
    const ticked = question.options
      .map((o) => o.key)
      .filter((key) => boxed.some((m) => m.key === key && m.state === "ticked"));
    const unseen = question.options
      .filter((o) => !marks.some((m) => m.key === o.key))
      .map((o) => o.key);
    const unboxed = marks.filter((m) => m.state === "unknown").map((m) => m.key);
    const problems = [
      ...(unseen.length ? [problem("optionsMissing", { options: unseen })] : []),
      ...(unboxed.length ? [problem("optionsWithoutBox", { options: unboxed })] : []),
    ];
    return { value: ticked, problems, explanation, otherText };
  }
  if (commented.size > 0) {
    const keys = question.options.map((o) => o.key).filter((key) => commented.has(key));
    // Options without a comment may or may not have been ticked.
    const code =
      keys.length < question.options.length ? "ticksFromSomeComments" : "ticksFromComments";
    return { value: keys, problems: [problem(code, { options: keys })], explanation, otherText };
  }
  return {
    value: null,
    problems: [problem("ticksLost")],
    explanation,
    otherText,
  };
}
