import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { messageFor } from "~/i18n/copy";
import { AUTHORIZATION_KEY, findQuestion } from "~/questionnaire";
import type { Questionnaire } from "~/questionnaire/types";

type HistoryEntry = { id: string; kind: string; at: string; who: string; fields: string[] };

/** What happened to the response, newest first, with the questions each save touched. */
export function HistoryList({
  history,
  questionnaire,
}: {
  history: HistoryEntry[];
  questionnaire: Questionnaire;
}) {
  const c = useCopy().country;
  if (history.length === 0) return <p>{c.noHistory}</p>;
  // A few words of each question name it well enough; the authorisation is a header field.
  const label = (key: string) =>
    key === AUTHORIZATION_KEY
      ? c.authorisationField
      : (findQuestion(questionnaire, key)?.text.split(" ").slice(0, 6).join(" ") ?? key);
  return (
    <ol className="history">
      {history.map((event) => (
        <li key={event.id}>
          <LocalTime iso={event.at} withDate /> · {event.who}{" "}
          {messageFor(c.events, event.kind, { fields: event.fields.length }, event.kind)}
          {event.fields.length > 0 && event.fields.length <= 5 ? (
            <span className="history__fields"> ({event.fields.map(label).join("; ")})</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
