import { isAnswered, isAsked } from "./index";
import type { Answers, Section } from "./types";

// Kept apart from progress.ts, which validates answers (with zod): the section page runs this
// in the browser, and the validator would add 50 KB to the JavaScript of every section page.

/**
 * A section's progress after its answers changed in the browser: the server's count moved by
 * what changed between the answers the page was loaded with and the ones saved since (so the
 * rest of the response, which the page does not hold, keeps the server's word).
 */
export function progressAfterSaves<P extends { total: number; answered: number }>(
  base: P,
  section: Section,
  loaded: Answers,
  saved: Answers,
): P {
  const count = (answers: Answers) => {
    const asked = section.questions.filter((q) => isAsked(q, answers));
    return {
      total: asked.length,
      answered: asked.filter((q) => isAnswered(answers[q.key])).length,
    };
  };
  const before = count(loaded);
  const after = count({ ...loaded, ...saved });
  return {
    ...base,
    total: base.total + after.total - before.total,
    answered: base.answered + after.answered - before.answered,
  };
}
