import { allQuestions, findQuestion } from "~/questionnaire";
import type { AnswerValue, Question, Questionnaire } from "~/questionnaire/types";

// Comparing one question between two rounds: for a yes/no or choice question, per answer, the
// Member States that gave it in each round, and among those that answered in both rounds who
// gained it, who lost it and who kept it. Pure: the page (review.compare) loads the answers.

export type ComparableType = "yesno" | "single" | "multi";
const COMPARABLE: readonly string[] = ["yesno", "single", "multi"] satisfies ComparableType[];

export type CompareCheck =
  | { ok: true; from: Question; to: Question; type: ComparableType }
  | { ok: false; reason: "neither" | "only_from" | "only_to" | "type_changed" | "not_choice" };

/** Whether the question `key` can be compared between the two rounds, and why not. */
export function checkComparable(from: Questionnaire, to: Questionnaire, key: string): CompareCheck {
  const a = findQuestion(from, key);
  const b = findQuestion(to, key);
  if (!a && !b) return { ok: false, reason: "neither" };
  if (!b) return { ok: false, reason: "only_from" };
  if (!a) return { ok: false, reason: "only_to" };
  if (a.type !== b.type) return { ok: false, reason: "type_changed" };
  if (!COMPARABLE.includes(b.type)) return { ok: false, reason: "not_choice" };
  return { ok: true, from: a, to: b, type: b.type as ComparableType };
}

/** The questions both rounds ask with the same yes/no or choice type, in the later's order. */
export function comparableQuestions(from: Questionnaire, to: Questionnaire): Question[] {
  return allQuestions(to).filter((q) => checkComparable(from, to, q.key).ok);
}

export type CountryRef = { code: string; name: string };
/** A Member State's answer in a round (its latest submission): null when it left it blank. */
export type RoundAnswer = CountryRef & { value: AnswerValue };

export type OptionComparison = {
  key: string;
  /** In the later round's wording (the earlier's for an option it dropped). */
  text: string;
  /** Whether each round offered the answer (an option may be added or dropped). */
  offered: { from: boolean; to: boolean };
  /** Member States giving it among those that answered, in each round. */
  fromCount: number;
  toCount: number;
  /** Among the Member States that answered in both rounds. */
  gained: CountryRef[];
  lost: CountryRef[];
  kept: CountryRef[];
};

export type RoundComparison = {
  /** Member States that answered the question, in each round. */
  fromAnswered: number;
  toAnswered: number;
  /** Member States that answered in both rounds: the base of gained, lost and kept. */
  inBoth: number;
  options: OptionComparison[];
  /** Answered in both rounds with the same answer (for several choices: the same set). */
  unchanged: CountryRef[];
  changed: CountryRef[];
  /** Not compared: submitted in one round only, or left the question blank in one of them. */
  onlyFrom: CountryRef[];
  onlyTo: CountryRef[];
  unansweredInOne: CountryRef[];
};

const answered = (value: AnswerValue | undefined): value is string | string[] =>
  value !== null &&
  value !== undefined &&
  (Array.isArray(value) ? value.length > 0 : value.trim() !== "");

const holds = (value: string | string[], option: string) =>
  Array.isArray(value) ? value.includes(option) : value === option;

const sameAnswer = (a: string | string[], b: string | string[]) => {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (!Array.isArray(a)) return a === b;
  const set = new Set(a);
  return a.length === b.length && (b as string[]).every((k) => set.has(k));
};

const byName = (a: CountryRef, b: CountryRef) => a.name.localeCompare(b.name);
const ref = ({ code, name }: CountryRef): CountryRef => ({ code, name });

/**
 * The comparison of one question between two rounds, from every Member State's answer in each
 * (those with a submission there). `yesNo` labels the answers of a yes/no question.
 */
export function compareAnswers(input: {
  check: Extract<CompareCheck, { ok: true }>;
  from: readonly RoundAnswer[];
  to: readonly RoundAnswer[];
  yesNo: { yes: string; no: string };
}): RoundComparison {
  const { check } = input;
  const options = optionsOf(check, input.yesNo);
  const fromBy = new Map(input.from.map((a) => [a.code, a]));
  const toBy = new Map(input.to.map((a) => [a.code, a]));
  const fromAnswers = input.from.filter((a) => answered(a.value));
  const toAnswers = input.to.filter((a) => answered(a.value));

  const onlyFrom = input.from.filter((a) => !toBy.has(a.code)).map(ref);
  const onlyTo = input.to.filter((a) => !fromBy.has(a.code)).map(ref);
  const both = input.to
    .filter((a) => fromBy.has(a.code))
    .map((b) => ({ country: ref(b), from: fromBy.get(b.code)!.value, to: b.value }));
  const unansweredInOne = both
    .filter((p) => !answered(p.from) || !answered(p.to))
    .map((p) => p.country);
  const pairs = both.filter(
    (p): p is typeof p & { from: string | string[]; to: string | string[] } =>
      answered(p.from) && answered(p.to),
  );

  return {
    fromAnswered: fromAnswers.length,
    toAnswered: toAnswers.length,
    inBoth: pairs.length,
    options: options.map((option) => ({
      ...option,
      fromCount: fromAnswers.filter((a) => holds(a.value as string | string[], option.key)).length,
      toCount: toAnswers.filter((a) => holds(a.value as string | string[], option.key)).length,
      gained: pairs
        .filter((p) => !holds(p.from, option.key) && holds(p.to, option.key))
        .map((p) => p.country)
        .sort(byName),
      lost: pairs
        .filter((p) => holds(p.from, option.key) && !holds(p.to, option.key))
        .map((p) => p.country)
        .sort(byName),
      kept: pairs
        .filter((p) => holds(p.from, option.key) && holds(p.to, option.key))
        .map((p) => p.country)
        .sort(byName),
    })),
    unchanged: pairs
      .filter((p) => sameAnswer(p.from, p.to))
      .map((p) => p.country)
      .sort(byName),
    changed: pairs
      .filter((p) => !sameAnswer(p.from, p.to))
      .map((p) => p.country)
      .sort(byName),
    onlyFrom: onlyFrom.sort(byName),
    onlyTo: onlyTo.sort(byName),
    unansweredInOne: unansweredInOne.sort(byName),
  };
}

/** The answers compared: the later round's options, then any the earlier one had and dropped. */
function optionsOf(
  check: Extract<CompareCheck, { ok: true }>,
  yesNo: { yes: string; no: string },
): Pick<OptionComparison, "key" | "text" | "offered">[] {
  if (check.type === "yesno")
    return [
      { key: "yes", text: yesNo.yes, offered: { from: true, to: true } },
      { key: "no", text: yesNo.no, offered: { from: true, to: true } },
    ];
  const from = "options" in check.from ? check.from.options : [];
  const to = "options" in check.to ? check.to.options : [];
  const fromKeys = new Set(from.map((o) => o.key));
  const toKeys = new Set(to.map((o) => o.key));
  return [
    ...to.map((o) => ({
      key: o.key,
      text: o.text,
      offered: { from: fromKeys.has(o.key), to: true },
    })),
    ...from
      .filter((o) => !toKeys.has(o.key))
      .map((o) => ({ key: o.key, text: o.text, offered: { from: true, to: false } })),
  ];
}
