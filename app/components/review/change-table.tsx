import { useMemo } from "react";
import { useCopy } from "~/i18n";
import { findQuestion } from "~/questionnaire";
import { formatAnswer } from "~/questionnaire/format";
import type { AnswerValue, Questionnaire } from "~/questionnaire/types";
import { wordDiffs, type DiffPart } from "~/review/word-diff";

export type AnswerChange = { field: string; before: AnswerValue; after: AnswerValue };

/** "What changed" between two submissions: each changed answer before and after, marked word by word. */
export function ChangeTable({
  questionnaire,
  changes,
}: {
  questionnaire: Questionnaire;
  changes: AnswerChange[];
}) {
  const copy = useCopy();
  const r = copy.reviewPage;
  const rows = useMemo(() => {
    const labels = { yes: copy.questionnaire.yes, no: copy.questionnaire.no };
    const text = (field: string, value: AnswerValue) => {
      const question = findQuestion(questionnaire, field);
      return (question && formatAnswer(question, value, labels)) ?? "";
    };
    const pairs = changes.map((c) => ({
      before: text(c.field, c.before),
      after: text(c.field, c.after),
    }));
    const diffs = wordDiffs(pairs);
    return changes.map((change, i) => ({ change, ...pairs[i]!, diff: diffs[i] ?? null }));
  }, [questionnaire, changes, copy]);
  return (
    <table className="change-table">
      <thead>
        <tr>
          <th scope="col">{copy.questionView.choose}</th>
          <th scope="col">{r.before}</th>
          <th scope="col">{r.after}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ change, before, after, diff }) => (
          <tr key={change.field}>
            <th scope="row">
              <a href={`#answer-${change.field}`}>
                {findQuestion(questionnaire, change.field)?.text ?? change.field}
              </a>
            </th>
            <td className="multiline" data-label={r.before}>
              {before === "" ? (
                <span className="not-answered">{copy.questionnaire.notAnswered}</span>
              ) : diff ? (
                <Marked parts={diff.before} />
              ) : (
                before
              )}
            </td>
            <td className="multiline" data-label={r.after}>
              {after === "" ? (
                <span className="not-answered">{copy.questionnaire.notAnswered}</span>
              ) : diff ? (
                <Marked parts={diff.after} />
              ) : (
                <>
                  {after}
                  <span className="hint change-table__whole">{r.changedWhole}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Kept text plain, removed text struck through, added text highlighted; each said in words too. */
function Marked({ parts }: { parts: DiffPart[] }) {
  const r = useCopy().reviewPage;
  return (
    <>
      {parts.map((part, i) =>
        part.change === "same" ? (
          part.text
        ) : part.change === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{r.removedText} </span>
            {part.text}
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">{r.addedText} </span>
            {part.text}
          </ins>
        ),
      )}
    </>
  );
}
