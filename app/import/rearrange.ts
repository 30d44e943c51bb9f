import type { Question } from "~/questionnaire";
import type { DocLine } from "./lines";
import { problem, type ImportWarning } from "./problems";
import type { QuestionSpec } from "./question-specs";

// Answers that stand apart from their label, put back where a careful reader would put them:
//
// 1. Labels listed before their values ("Name:", "Title:", then "Mrs. J. N…", "Government
//    Chief Information Officer"): empty one-line fields followed by a field holding one line per
//    field take those lines in order.
// 2. A lettered sub-question left empty right after a sibling whose space holds two separate
//    blocks ("b. E-participation: <urls>, blank line, <open-data urls>", then an empty
//    "c. Open government data:"): the last block belongs to the empty one.

type Regions = Map<string, DocLine[]>;

const isOneLine = (q: Question) => q.type === "text" || q.type === "email" || q.type === "url";
const isList = (q: Question) => q.type === "lines";
const numberOf = (q: Question) => /^(\d+)\./.exec(q.text)?.[1] ?? null;
const filled = (lines: DocLine[] | undefined) => (lines ?? []).filter((l) => l.text.trim() !== "");
// Whether a region holds any text: stops at the first line that does (regions can be huge).
const hasText = (lines: DocLine[] | undefined) => (lines ?? []).some((l) => l.text.trim() !== "");
/** A question's wording as the document prints it, without its number. */
const label = (q: Question) => q.text.replace(/^\d+\.\s*/, "");

function blocks(lines: DocLine[]): DocLine[][] {
  const out: DocLine[][] = [[]];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (out[out.length - 1]!.length > 0) out.push([]);
    } else out[out.length - 1]!.push(line);
  }
  return out.filter((block) => block.length > 0);
}

function valuesAfterLabels(specs: readonly QuestionSpec[], regions: Regions): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (let start = 0; start < specs.length; start++) {
    let end = start;
    while (
      end < specs.length &&
      isOneLine(specs[end]!.question) &&
      regions.has(specs[end]!.question.key) &&
      !hasText(regions.get(specs[end]!.question.key))
    )
      end++;
    const holder = specs[end];
    if (
      end === start ||
      !holder ||
      !isOneLine(holder.question) ||
      !regions.has(holder.question.key)
    )
      continue;
    const values = filled(regions.get(holder.question.key));
    const fields = specs.slice(start, end + 1).map((s) => s.question);
    if (values.length !== fields.length) continue;
    fields.forEach((q, i) => regions.set(q.key, [values[i]!]));
    warnings.push({
      field: fields[0]!.key,
      ...problem("valuesAfterLabels", {
        labels: fields.map((q) => problem("quoted", { text: label(q) })),
      }),
    });
    start = end;
  }
  return warnings;
}

function blockAboveEmptySibling(specs: readonly QuestionSpec[], regions: Regions): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (let i = 1; i < specs.length; i++) {
    const above = specs[i - 1]!.question;
    const empty = specs[i]!.question;
    if (!isList(above) || !isList(empty) || numberOf(above) !== numberOf(empty)) continue;
    if (!regions.has(empty.key) || hasText(regions.get(empty.key))) continue;
    const parts = blocks(regions.get(above.key) ?? []);
    if (parts.length < 2) continue;
    const moved = parts.pop()!;
    regions.set(
      above.key,
      parts.flatMap((block, n) => (n === 0 ? block : [{ text: "", indent: 0 }, ...block])),
    );
    regions.set(empty.key, moved);
    warnings.push({
      field: empty.key,
      ...problem("answerMovedDown", { above: label(above), empty: label(empty) }),
    });
  }
  return warnings;
}

/** Moves misplaced answers between the regions (in place) and says what it moved. */
export function rearrangeAnswers(
  specs: readonly QuestionSpec[],
  regions: Regions,
): ImportWarning[] {
  return [...valuesAfterLabels(specs, regions), ...blockAboveEmptySibling(specs, regions)];
}
