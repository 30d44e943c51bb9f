import { Form, Link } from "@remix-run/react";
import { AnswerList } from "~/components/questionnaire/answer-list";
import { useCopy } from "~/i18n";
import type { Copy } from "~/i18n/copy";
import { importMessage, refusalLines } from "~/import/import-messages";
import type { ImportWarning } from "~/import/problems";
import { findQuestion } from "~/questionnaire";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import type { ItemView } from "~/routes/admin.imports/schemas";

// What the import page shows of a file: the preview (what was read, what importing will do),
// the confirmation, and the outcome. Warnings, refusals and reasons come as codes and are put
// into words here, in the page's language.

/** Refused because people worked on the response since: forcing would replace it. */
export const isForceable = (item: ItemView) =>
  item.ok && item.outcome?.kind === "refused" && Boolean(item.outcome.responseId);

type ImportsCopy = Copy["imports"];

const yesNo = (value: boolean | null, copy: ImportsCopy) =>
  value === null ? copy.notStated : value ? copy.yes : copy.no;

/** Why importing a response is refused, in the page's language. */
const reasonText = (item: ItemView & { ok: true }, all: Copy) =>
  item.outcome?.reason ? importMessage(all, item.outcome.reason) : "";

function plannedText(item: ItemView & { ok: true }, all: Copy): string | null {
  const copy = all.imports;
  const name = `${item.countryName} (${item.country})`;
  const outcome = item.outcome;
  if (!outcome) return null;
  return outcome.kind === "refused"
    ? copy.planned.refused({ country: name, reason: reasonText(item, all) })
    : copy.planned[outcome.kind]({ country: name });
}

export function Preview({
  name,
  items,
  questionnaire,
}: {
  name: string;
  items: ItemView[];
  questionnaire: Questionnaire;
}) {
  const all = useCopy();
  const copy = all.imports;
  const responses = items.filter((item): item is ItemView & { ok: true } => item.ok);
  const total = questionnaire.sections.reduce((n, section) => n + section.questions.length, 0);
  const found = (answers: Answers) => Object.values(answers).filter((v) => v !== null).length;
  if (responses.length !== 1) {
    return (
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{copy.previewTitle({ name })}</h2>
        <p>{copy.previewIntro}</p>
        <div className="table-scroll">
          <table>
            <caption>{copy.severalTitle({ n: responses.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.country}</th>
                <th scope="col">{copy.responseDate}</th>
                <th scope="col">{copy.authorisation}</th>
                <th scope="col">{copy.answersFound}</th>
                <th scope="col">{copy.warnings}</th>
                <th scope="col">{copy.willDo}</th>
              </tr>
            </thead>
            <tbody>
              {responses.map((item) => (
                <tr key={item.country}>
                  <th scope="row">
                    {item.countryName} ({item.country})
                  </th>
                  <td>{item.responseDate ?? copy.noDate}</td>
                  <td>{yesNo(item.authorizePublication, copy)}</td>
                  <td>{copy.answersFoundValue({ found: found(item.answers), total })}</td>
                  <td>
                    {item.warnings.length === 0 ? (
                      "0"
                    ) : (
                      <ul>
                        {item.warnings.map((warning, i) => (
                          <li key={i}>{warningText(questionnaire, warning, all)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{plannedText(item, all)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  const item = responses[0]!;
  const refused = item.outcome?.kind === "refused";
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{copy.previewTitle({ name })}</h2>
      <p>{copy.previewIntro}</p>
      <dl className="facts">
        <div>
          <dt>{copy.country}</dt>
          <dd>
            <strong>
              {item.countryName} ({item.country})
            </strong>
          </dd>
        </div>
        <div>
          <dt>{copy.responseDate}</dt>
          <dd>{item.responseDate ?? copy.noDate}</dd>
        </div>
        <div>
          <dt>{copy.authorisation}</dt>
          <dd>{yesNo(item.authorizePublication, copy)}</dd>
        </div>
        <div>
          <dt>{copy.answersFound}</dt>
          <dd>{copy.answersFoundValue({ found: found(item.answers), total })}</dd>
        </div>
        <div>
          <dt>{copy.warnings}</dt>
          <dd>{copy.warningCount({ n: item.warnings.length })}</dd>
        </div>
      </dl>
      <p className={`notice ${refused ? "notice--warning" : ""}`}>
        <strong>{copy.willDo}:</strong> {plannedText(item, all)}
      </p>
      <div className="questionnaire-layout">
        <div>
          <h3 id="warnings-title">{copy.warningsTitle({ n: item.warnings.length })}</h3>
          {item.warnings.length > 0 ? (
            <ul className="import-warnings">
              {item.warnings.map((warning, i) => (
                <li key={i} className="field-warning">
                  {warning.field && findQuestion(questionnaire, warning.field) ? (
                    <a href={`#answer-${warning.field}`}>
                      {findQuestion(questionnaire, warning.field)!.text}
                    </a>
                  ) : (
                    copy.wholeDocument
                  )}
                  : {importMessage(all, warning)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <AnswerList questionnaire={questionnaire} answers={item.answers} />
        </div>
      </div>
    </section>
  );
}

function warningText(questionnaire: Questionnaire, warning: ImportWarning, all: Copy): string {
  const question = warning.field ? findQuestion(questionnaire, warning.field) : undefined;
  return `${question?.text ?? all.imports.wholeDocument}: ${importMessage(all, warning)}`;
}

export function Confirm({
  hash,
  round,
  items,
}: {
  hash: string;
  round: string;
  items: ItemView[];
}) {
  const copy = useCopy().imports;
  const responses = items.filter((item) => item.ok);
  const forceable = responses.some(isForceable);
  return (
    <section aria-labelledby="confirm-title">
      <h2 id="confirm-title">{copy.confirmTitle}</h2>
      <Form method="post">
        <input type="hidden" name="upload" value={hash} />
        <input type="hidden" name="round" value={round} />
        {forceable ? (
          <div className="field">
            <div className="choice">
              <input type="checkbox" id="force" name="force" aria-describedby="force-hint" />
              <label htmlFor="force">{copy.force}</label>
            </div>
            <p className="hint" id="force-hint">
              {copy.forceHint}
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit">
            {responses.length === 1 ? copy.confirmOne : copy.confirmMany({ n: responses.length })}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function Outcome({ items }: { items: ItemView[] }) {
  const all = useCopy();
  const copy = all.imports;
  const refused = items.some((item) => !item.ok || item.outcome?.kind === "refused");
  return (
    <section
      aria-labelledby="outcome-title"
      className={`notice ${refused ? "notice--error" : "notice--success"}`}
      role={refused ? "alert" : "status"}
    >
      <h2 id="outcome-title">{copy.outcomeTitle}</h2>
      <ul>
        {items.map((item, i) => {
          if (!item.ok) return <li key={i}>{refusalLines(all, item.error).join(" ")}</li>;
          const name = `${item.countryName} (${item.country})`;
          const outcome = item.outcome;
          return (
            <li key={item.country}>
              {outcome?.kind === "refused"
                ? copy.outcome.refused({ country: name, reason: reasonText(item, all) })
                : outcome
                  ? copy.outcome[outcome.kind]({ country: name })
                  : null}{" "}
              <Link to={`/review/${item.country}`}>
                {copy.review({ country: item.countryName })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
