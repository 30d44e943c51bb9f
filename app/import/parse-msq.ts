import { completeAnswers } from "~/questionnaire";
import type { Answers, Questionnaire } from "~/questionnaire";
import { answerText } from "./answer-text";
import { checkAnswers } from "./check-answers";
import { readYesNo } from "./checkboxes";
import { readHeader } from "./header";
import { documentLines, type DocLine } from "./lines";
import { locateQuestions, type Anchor } from "./locate";
import { readMulti } from "./multi";
import { problem, type ImportProblem, type ImportWarning } from "./problems";
import { questionSpecs, type QuestionSpec } from "./question-specs";
import { rearrangeAnswers } from "./rearrange";

// Reads a completed questionnaire (text converted from PDF, Word or Markdown) into answers keyed
// by the definition's field keys. Pure: no Node APIs, no database; the browser can run it too.
//
// 1. lines.ts cleans the text (characters, markup, page furniture, broken lines);
// 2. locate.ts finds each question by its wording, in the definition's order;
// 3. each question's answer is what stands between its label and the next label, read according
//    to its type (checkboxes.ts, multi.ts, answer-text.ts), after rearrange.ts has put back
//    answers that stand apart from their label;
// 4. check-answers.ts adds what follows from the answers (an implied yes, misplaced followups).
// Whatever could not be read is null, with a warning saying why (a code and its values,
// problems.ts: put into words where it is shown, in the reader's language).

export type { ImportWarning };

export type ParsedMsq = {
  ok: true;
  /** ISO 3166-1 alpha-3 code of the responding Member State. */
  country: string | null;
  /** "YYYY-MM-DD" as written on the questionnaire. */
  responseDate: string | null;
  authorizePublication: boolean | null;
  /** Every key of the definition; null when not answered or not readable. */
  answers: Answers;
  warnings: ImportWarning[];
};

export type MsqParseFailure = { ok: false; error: ImportProblem };

export type MsqParseResult = ParsedMsq | MsqParseFailure;

/** Below this share of its questions found, a document is not a response to the questionnaire. */
const MIN_SHARE_FOUND = 0.25;
/**
 * A converted questionnaire has a few hundred lines (the four seed responses 247 to 394). Every
 * step is linear, but each line costs a few microseconds in each: a 2 MB file of a million short
 * lines would take seconds to be refused for its content. Far beyond any response, refused at once.
 */
export const MAX_LINES = 10_000;

export function parseMsqDocument(text: string, questionnaire: Questionnaire): MsqParseResult {
  const round = questionnaire.round;
  const lineCount = countLines(text);
  if (lineCount > MAX_LINES) {
    return { ok: false, error: problem("tooManyLines", { round, lines: lineCount }) };
  }
  const specs = questionSpecs(questionnaire);
  const lines = documentLines(text, questionnaire, specs);
  const { anchors, mainQuestions, mainFound } = locateQuestions(lines, specs);
  if (mainFound === 0) {
    return { ok: false, error: problem("noQuestionsFound", { round }) };
  }
  if (mainFound < mainQuestions * MIN_SHARE_FOUND) {
    const found = { round, found: mainFound, total: mainQuestions };
    return { ok: false, error: problem("fewQuestionsFound", found) };
  }

  const warnings: ImportWarning[] = [];
  const header = readHeader(lines.slice(0, anchors[0]?.line ?? 0), questionnaire);
  warnings.push(...headerWarnings(header));

  const regions = regionsOf(anchors, lines);
  warnings.push(...rearrangeAnswers(specs, regions));
  const answers: Answers = {};
  for (const spec of specs) {
    readAnswer(spec, specs, regions, answers, warnings);
  }
  const complete = completeAnswers(questionnaire, answers);
  const checked = checkAnswers(questionnaire, complete);
  const kept = warnings.filter((w) => !checked.inferred.has(w.field ?? ""));
  kept.push(...checked.warnings);
  return {
    ok: true,
    country: header.country,
    responseDate: header.responseDate,
    authorizePublication: header.authorizePublication,
    answers: complete,
    warnings: sortWarnings(kept, specs),
  };
}

/** Line breaks as normalise.ts counts them: "\n", "\r\n", a lone "\r" and a form feed. */
function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 12 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** Each question's own lines: after its label, up to the next label. */
function regionsOf(anchors: readonly Anchor[], lines: readonly DocLine[]): Map<string, DocLine[]> {
  const regions = new Map<string, DocLine[]>();
  anchors.forEach((anchor, i) => {
    if (anchor.role !== "question") return;
    const end = anchors[i + 1]?.line ?? lines.length;
    const inline = anchor.inline ? [{ text: anchor.inline, indent: 0 }] : [];
    regions.set(anchor.key, [...inline, ...lines.slice(anchor.endLine + 1, end)]);
  });
  return regions;
}

function readAnswer(
  spec: QuestionSpec,
  specs: readonly QuestionSpec[],
  regions: Map<string, DocLine[]>,
  answers: Answers,
  warnings: ImportWarning[],
) {
  const { question } = spec;
  const region = regions.get(question.key);
  const warn = (why: ImportProblem) => warnings.push({ field: question.key, ...why });
  if (spec.kind === "followup") return; // read with the tick-box question it follows
  if (!region) {
    answers[question.key] = null;
    warn(problem("questionNotFound"));
    return;
  }
  if (question.type === "yesno") {
    const reading = readYesNo(region.map((line) => line.text));
    answers[question.key] = reading.value;
    if (reading.problem) warn(reading.problem);
    if (reading.extra.length > 0)
      warn(problem("yesNoTextDropped", { text: reading.extra.join(" ") }));
    return;
  }
  if (question.type !== "multi") {
    answers[question.key] = answerText(question, region);
    return;
  }
  const reading = readMulti(question, region);
  answers[question.key] = reading.value;
  reading.problems.forEach(warn);
  const followups = specs.filter((s) => s.parent?.key === question.key);
  const explaining = followups[followups.length - 1];
  const other = followups.find((s) => s.isOther);
  if (other && other !== explaining) {
    answers[other.question.key] = reading.otherText || null;
  }
  if (explaining) {
    const before =
      explaining === other && reading.otherText ? [{ text: reading.otherText, indent: 0 }] : [];
    const own = regions.get(explaining.question.key) ?? [];
    answers[explaining.question.key] = answerText(explaining.question, [
      ...before,
      ...reading.explanation,
      ...own,
    ]);
  } else if (reading.explanation.length > 0) {
    const text = reading.explanation.map((l) => l.text).join(" ");
    warn(problem("optionsTextDropped", { text }));
  }
}

function headerWarnings(header: ReturnType<typeof readHeader>): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (!header.country) {
    const seen = header.unrecognisedNames;
    warnings.push({
      field: "country",
      ...(seen.length > 0
        ? problem("countryUnrecognised", {
            names: seen.map((text) => problem("quoted", { text })),
            count: seen.length,
          })
        : problem("countryNotFound")),
    });
  }
  if (!header.responseDate) {
    warnings.push({
      field: "response_date",
      ...(header.unreadableDate
        ? problem("dateInvalid", { date: header.unreadableDate })
        : problem("dateNotFound")),
    });
  }
  if (header.authorisationProblem) {
    warnings.push({ field: "authorize_publication", ...header.authorisationProblem });
  }
  return warnings;
}

/** Header warnings first, then in questionnaire order; stable within a field. */
function sortWarnings(warnings: ImportWarning[], specs: readonly QuestionSpec[]): ImportWarning[] {
  const order = new Map(specs.map((s, i) => [s.question.key, i] as const));
  const rank = (w: ImportWarning) => (w.field === null ? -2 : (order.get(w.field) ?? -1));
  return warnings
    .map((w, i) => [w, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([w]) => w);
}
