import type { Copy } from "~/i18n/copy";
import type {
  DefinitionIssue,
  DefinitionProblem,
  DefinitionProblemCode,
  DefinitionProblemValues,
} from "./definition-problems";

// A definition file's problems in words, in the language of `copy` (its `definitionProblems.*`):
// on the Rounds pages in the administrator's language, in English for `npm run round:create`
// and for the errors of the definitions that ship with the portal (copyFor("en")). Pure, so that
// pages format in the browser as well.

/** The values as the message takes them: lists joined. */
type Worded<V> = { [K in keyof V]: V[K] extends readonly unknown[] ? string : V[K] };

/** What the catalogue must hold for every code: checked when `copy.definitionProblems` is read. */
type Messages = {
  [C in DefinitionProblemCode]: DefinitionProblemValues[C] extends Record<string, never>
    ? string
    : (values: Worded<DefinitionProblemValues[C]>) => string;
};

type AnyMessage = string | ((values: Record<string, unknown>) => string);

/**
 * A problem in words, after the path of the file it is at when it has one:
 * `definitionMessage(copyFor("fr"), issue)` → `sections[0].questions[1].options : clé « ai » en double`.
 */
export function definitionMessage(
  copy: Copy,
  problem: DefinitionProblem | DefinitionIssue,
): string {
  // A catalogue without one of the codes, or asking for other values, does not compile here.
  const messages: Messages = copy.definitionProblems;
  const message = messages[problem.code] as AnyMessage;
  const text =
    typeof message === "string" ? message : message(worded(copy, problem.values as object));
  return "path" in problem && problem.path
    ? copy.definitionProblems.atPath({ path: problem.path, problem: text })
    : text;
}

function worded(copy: Copy, values: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(copy.definitionProblems.listSeparator) : value,
    ]),
  );
}
