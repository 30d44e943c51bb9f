import { isAnswered, isAsked } from "./index";
import type { Answers, Questionnaire } from "./types";
import { shownWhileFilling, type FieldIssue } from "./validation";

export type SectionProgress = {
  id: string;
  title: string;
  /** Questions asked (follow-ups count only when their condition holds). */
  total: number;
  answered: number;
  /** Issues that would block a submission (over a limit, a bad e-mail, a stray follow-up). */
  errors: FieldIssue[];
  /** Answers carried from the previous round that wait for "Still accurate" or a change. */
  toConfirm: number;
};

/** Progress by section, derived from the answers and their issues (answerIssues). */
export function sectionProgress(
  questionnaire: Questionnaire,
  answers: Answers,
  allIssues: FieldIssue[],
): SectionProgress[] {
  const issues = allIssues.filter((issue) => issue.blocksSubmit && shownWhileFilling(issue));
  const pending = allIssues.filter((issue) => issue.code === "carried_unconfirmed");
  return questionnaire.sections.map((section) => {
    const asked = section.questions.filter((q) => isAsked(q, answers));
    const keys = new Set(section.questions.map((q) => q.key));
    return {
      id: section.id,
      title: section.title,
      total: asked.length,
      answered: asked.filter((q) => isAnswered(answers[q.key])).length,
      errors: issues.filter((issue) => keys.has(issue.field)),
      toConfirm: pending.filter((issue) => keys.has(issue.field)).length,
    };
  });
}
