import { allQuestions } from "~/questionnaire";
import type { MultiQuestion, Question, Questionnaire } from "~/questionnaire";
import { withoutAsides, words } from "./tokens";

// How to find each question of a definition in a document, derived from the definition's own
// wording (never a second list of questions):
// - "main": a numbered question with a real sentence, found by fuzzy matching its words;
// - "label": a short sub-question ("4. Name", "5. b. Education", "Email"), found at the start of
//   a line near its parent;
// - "followup": the text that follows a tick-box question ("8. (If any checked, please explain
//   further.)", "15. Other:"), read from what comes after the options.

export type QuestionSpec = {
  question: Question;
  kind: "main" | "label" | "followup";
  /**
   * Wordings of a main question (or of the shared introduction of a lettered group, "2. …: a."):
   * with and without its asides, since a document may print "(or planning to offer)" but turn
   * "(CIO or a similar senior official …)" into a footnote.
   */
  patterns: string[][];
  /** Words of a short label: "e-services", "name"; null for a main question without one. */
  label: string[] | null;
  /** Followups: the tick-box question they belong to. */
  parent: MultiQuestion | null;
  /** Followups: wordings that may stand in a document as the followup's own label. */
  followupLabels: string[][];
  /** Followups: true when the followup is the "Other:" option's text box. */
  isOther: boolean;
};

const NUMBER = /^(\d+)\.\s*/;
const LETTERED = /^[a-z]\.\s+(.*)$/;
const FIRST_OF_GROUP = /^(.*?[:?.])\s+a\.\s+(.*)$/;
/** Labels are short: "Name", "E-mail", "Energy/Water", "Social Protection and Welfare". */
const MAX_LABEL_WORDS = 4;

const numberOf = (question: Question) => NUMBER.exec(question.text)?.[1] ?? null;
const unnumbered = (question: Question) => question.text.replace(NUMBER, "");

/** "(If any checked, please explain further.)" is all aside: then its inside is the wording. */
function coreWords(text: string): string[] {
  const trimmed = text.trim();
  const wholeAside = /^\((.*)\)$/.exec(trimmed);
  return words(wholeAside ? wholeAside[1]! : withoutAsides(trimmed));
}

function wordings(text: string): string[][] {
  const core = coreWords(text);
  const full = words(text);
  return full.join(" ") === core.join(" ") ? [core] : [core, full];
}

function parentMulti(questions: Question[], index: number): MultiQuestion | null {
  const number = numberOf(questions[index]!);
  if (number === null) return null;
  for (let i = index - 1; i >= 0; i--) {
    const previous = questions[i]!;
    if (numberOf(previous) !== number) return null;
    if (previous.type === "multi") return previous;
  }
  return null;
}

function followupSpec(question: Question, parent: MultiQuestion): QuestionSpec {
  const optionWordings = parent.options.map((option) => words(option.text).join(" "));
  const alternatives = unnumbered(question)
    .split(" / ")
    .map(coreWords)
    .filter((w) => w.length > 0);
  const isOptionText = (w: string[]) => optionWordings.includes(w.join(" "));
  return {
    question,
    kind: "followup",
    patterns: [],
    label: null,
    parent,
    followupLabels: alternatives.filter((w) => !isOptionText(w)),
    isOther: alternatives.some(isOptionText),
  };
}

function specFor(questions: Question[], index: number): QuestionSpec {
  const question = questions[index]!;
  const base = { question, parent: null, followupLabels: [], isOther: false };
  const parent = parentMulti(questions, index);
  if (parent && question.type !== "multi") return followupSpec(question, parent);

  const text = unnumbered(question);
  const lettered = LETTERED.exec(text);
  if (lettered) return { ...base, kind: "label", patterns: [], label: coreWords(lettered[1]!) };

  const next = questions[index + 1];
  const first = FIRST_OF_GROUP.exec(text);
  if (first && next && LETTERED.test(unnumbered(next))) {
    return { ...base, kind: "main", patterns: wordings(first[1]!), label: coreWords(first[2]!) };
  }
  const core = coreWords(text);
  if (core.length <= MAX_LABEL_WORDS && question.type !== "multi" && question.type !== "yesno") {
    return { ...base, kind: "label", patterns: [], label: core };
  }
  return { ...base, kind: "main", patterns: wordings(text), label: null };
}

export function questionSpecs(questionnaire: Questionnaire): QuestionSpec[] {
  const questions = allQuestions(questionnaire);
  return questions.map((_, index) => specFor(questions, index));
}

/** Every short label's wording, to recognise a label line wherever it stands. */
export function labelWordings(specs: readonly QuestionSpec[]): Set<string> {
  return new Set(specs.flatMap((spec) => (spec.label ? [spec.label.join(" ")] : [])));
}
