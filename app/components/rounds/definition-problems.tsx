import { useCopy } from "~/i18n";
import { definitionMessage } from "~/questionnaire/definition-messages";
import type { DefinitionIssue, DefinitionProblem } from "~/questionnaire/definition-problems";

// What is wrong with an uploaded definition file, in the page's language: each problem with
// where it is in the file, or why the round refused a valid file and what it would change.

/** `refused`: the file is valid, but the round refuses it (the list: why, then what changes). */
export type UploadProblems = { refused: boolean; list: (DefinitionIssue | DefinitionProblem)[] };

export function DefinitionProblems({ problems }: { problems: UploadProblems }) {
  const all = useCopy();
  const copy = all.roundAdmin;
  const lines = problems.list.map((problem) => definitionMessage(all, problem));
  return (
    <div className="notice notice--error" role="alert" id="definition-problems">
      <p>{problems.refused ? copy.refused : copy.invalid({ count: lines.length })}</p>
      <ul className="problems">
        {lines.map((line) => (
          <li key={line}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
