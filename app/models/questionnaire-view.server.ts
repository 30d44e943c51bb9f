import { sectionProgress } from "~/questionnaire/progress";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { answerIssues } from "~/questionnaire/validation";

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
): ProgressAndIssues {
  if (!version) return computeProgressAndIssues(questionnaire, answers);
  const key = `${questionnaire.round}:${questionnaire.version}:${version}`;
  const known = recent.get(key);
  if (known) return known;
  const computed = computeProgressAndIssues(questionnaire, answers);
  recent.set(key, computed);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return computed;
}

function computeProgressAndIssues(questionnaire: Questionnaire, answers: Answers) {
  const issues = answerIssues(questionnaire, answers);
  return {
    progress: sectionProgress(questionnaire, answers, issues).map(({ errors, ...section }) => ({
      ...section,
      errors: errors.length,
    })),
    issues,
  };
}
