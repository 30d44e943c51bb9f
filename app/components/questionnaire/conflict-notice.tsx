import { formatLocalTime } from "~/components/time";
import { useCopy, useLocale } from "~/i18n";
import { formatAnswer } from "~/questionnaire/format";
import type { AnswerValue, Question } from "~/questionnaire/types";

import type { FieldConflict as Conflict } from "~/questionnaire/section-protocol";

/** Both versions of an answer two people changed at once, and the choice of which to keep. */
export function ConflictNotice({
  question,
  conflict,
  names,
  onResolve,
}: {
  question: Question;
  conflict: Conflict;
  names?: Record<string, string>;
  /** With JavaScript (autosave); without it the buttons post the form. */
  onResolve?: (field: string, choice: "mine" | "theirs") => void;
}) {
  const copy = useCopy().questionnaire;
  const locale = useLocale();
  const labels = { yes: copy.yes, no: copy.no };
  const show = (value: unknown) =>
    formatAnswer(question, value as AnswerValue, labels) ?? copy.notAnswered;
  const who = (conflict.by && names?.[conflict.by]) || copy.someColleague;
  const when = conflict.at ? formatLocalTime(locale, conflict.at) : "";
  return (
    <div className="conflict" role="group" aria-labelledby={`conflict-${question.key}`}>
      <p id={`conflict-${question.key}`} className="conflict__title">
        {copy.conflictTitle}
      </p>
      <p suppressHydrationWarning>{copy.conflictText({ who, time: when })}</p>
      <div className="conflict__versions">
        <div>
          <p className="conflict__label">{copy.theirVersion}</p>
          <p className="multiline">{show(conflict.theirs)}</p>
        </div>
        <div>
          <p className="conflict__label">{copy.yourVersion}</p>
          <p className="multiline">{show(conflict.yours)}</p>
        </div>
      </div>
      <div className="actions">
        {onResolve ? (
          <>
            <button type="button" onClick={() => onResolve(question.key, "mine")}>
              {copy.keepMine}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => onResolve(question.key, "theirs")}
            >
              {copy.keepTheirs}
            </button>
          </>
        ) : (
          <>
            <button type="submit" name="intent" value={`keep:${question.key}`}>
              {copy.keepMine}
            </button>
            <button
              type="submit"
              name="intent"
              value={`theirs:${question.key}`}
              className="secondary"
            >
              {copy.keepTheirs}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
