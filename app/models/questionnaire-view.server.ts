import { sectionProgress } from "~/questionnaire/progress";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { answerIssues, type FieldIssue } from "~/questionnaire/validation";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { validationMessages, type ValidationMessages } from "~/i18n/validation-messages";
import { carriedIssues, type Carry } from "~/rounds/carry-forward";

/**
 * Every issue of the answers, and one per carried answer still to confirm, in questionnaire
 * order: what the pages show and what submitting checks.
 */
export function withCarriedIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  carry: Carry | null,
  m: ValidationMessages,
): FieldIssue[] {
  const issues = answerIssues(questionnaire, answers, m);
  const pending = carriedIssues(carry, answers, m.carriedUnconfirmed);
  if (pending.length === 0) return issues;
  const order = new Map(
    questionnaire.sections.flatMap((s) => s.questions).map((q, i) => [q.key, i] as const),
  );
  return [...issues, ...pending].sort(
    (a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0),
  );
}

type ProgressAndIssues = ReturnType<typeof computeProgressAndIssues>;

// Counting the words of every long answer on every page view is a measurable share of a
// section page; a response's revision changes with every save, so results are kept by
// response and revision (a few hundred, the most recent).
const recent = new Map<string, ProgressAndIssues>();
const KEEP = 500;

/**
 * Progress by section and every issue, in the page's language, for the pages that show a
 * response. `version` names these exact answers (response id and revision); the result is then
 * reused. Do not change it.
 */
export function progressAndIssues({
  questionnaire,
  answers,
  locale,
  version,
  carry = null,
}: {
  questionnaire: Questionnaire;
  answers: Answers;
  locale: Locale;
  version?: string;
  carry?: Carry | null;
}): ProgressAndIssues {
  const m = validationMessages(copyFor(locale));
  if (!version) return computeProgressAndIssues(questionnaire, answers, carry, m);
  const key = `${questionnaire.round}:${questionnaire.version}:${locale}:${version}:${carry ? "carry" : ""}`;
  const known = recent.get(key);
  if (known) return known;
  const computed = computeProgressAndIssues(questionnaire, answers, carry, m);
  recent.set(key, computed);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return computed;
}

function computeProgressAndIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  carry: Carry | null,
  m: ValidationMessages,
) {
  const issues = withCarriedIssues(questionnaire, answers, carry, m);
  return {
    progress: sectionProgress(questionnaire, answers, issues).map(({ errors, ...section }) => ({
      ...section,
      errors: errors.length,
    })),
    issues,
  };
}
