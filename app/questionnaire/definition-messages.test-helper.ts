// A definition file's problems as an English-speaking administrator reads them: what the tests
// compare with, rather than sentences of their own. Test-only.
import { copyFor } from "~/i18n/catalogues.server";
import { definitionMessage } from "./definition-messages";
import type { DefinitionIssue, DefinitionProblem } from "./definition-problems";
import type { DefinitionResult } from "./definition-schema";

const english = copyFor("en");

/** A problem in English, after its path when it has one. */
export const inEnglish = (problem: DefinitionProblem | DefinitionIssue) =>
  definitionMessage(english, problem);

/** A file's problems in English, one line each (none for a valid file). */
export const issuesInEnglish = (result: DefinitionResult) =>
  result.ok ? [] : result.issues.map(inEnglish);
