import { sectionProgress } from "~/questionnaire/progress";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { answerIssues, type FieldIssue } from "~/questionnaire/validation";
import { englishValidationMessages } from "~/i18n/validation-messages";
import { carriedIssues, type Carry } from "~/rounds/carry-forward";

/**
 * Every issue of the answers, and one per carried answer still to confirm, in questionnaire
 * order: what the pages show and what submitting checks.
 */
export function withCarriedIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  carry: Carry | null,
): FieldIssue[] {
  const issues = answerIssues(questionnaire, answers);
  const pending = carriedIssues(carry, answers, englishValidationMessages.carriedUnconfirmed);
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
 * Progress by section and every issue, for the pages that show a response. `version` names
 * these exact answers (response id and revision); the result is then reused. Do not change it.
 */
export function progressAndIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  version?: string,
  carry: Carry | null = null,
): ProgressAndIssues {
  if (!version) return computeProgressAndIssues(questionnaire, answers, carry);
  const key = `${questionnaire.round}:${questionnaire.version}:${version}:${carry ? "carry" : ""}`;
  const known = recent.get(key);
  if (known) return known;
  const computed = computeProgressAndIssues(questionnaire, answers, carry);
  recent.set(key, computed);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return computed;
}

function computeProgressAndIssues(
  questionnaire: Questionnaire,
  answers: Answers,
  carry: Carry | null,
) {
  const issues = withCarriedIssues(questionnaire, answers, carry);
  return {
    progress: sectionProgress(questionnaire, answers, issues).map(({ errors, ...section }) => ({
      ...section,
      errors: errors.length,
    })),
    issues,
  };
}
