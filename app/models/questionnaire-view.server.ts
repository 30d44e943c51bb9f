import { sectionProgress } from "~/questionnaire/progress";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { answerIssues } from "~/questionnaire/validation";

/** Progress by section and every issue, for the pages that show a response. */
export function progressAndIssues(questionnaire: Questionnaire, answers: Answers) {
  const issues = answerIssues(questionnaire, answers);
  return {
    progress: sectionProgress(questionnaire, answers, issues).map(({ errors, ...section }) => ({
      ...section,
      errors: errors.length,
    })),
    issues,
  };
}
