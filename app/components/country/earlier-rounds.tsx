import { Link } from "@remix-run/react";
import { useCopy } from "~/i18n";
import type { EarlierResponse } from "~/models/earlier-responses.server";
import { withRound } from "~/models/round-choice";

/**
 * The country's responses to earlier rounds, each linked to its print view in that round: read
 * only, whoever reads the page (nothing there can be edited).
 */
export function EarlierRounds({
  code,
  responses,
  isFocalPoint,
}: {
  code: string;
  responses: readonly EarlierResponse[];
  isFocalPoint: boolean;
}) {
  const copy = useCopy();
  const r = copy.rounds;
  if (responses.length === 0) return null;
  return (
    <section aria-labelledby="earlier-rounds">
      <h2 id="earlier-rounds">{r.earlierTitle}</h2>
      <p className="hint">{isFocalPoint ? r.earlierIntro : r.earlierIntroReviewer}</p>
      <ul>
        {responses.map((response) => (
          <li key={response.roundId}>
            <Link to={withRound(`/print/${code}`, { id: response.roundId, current: false })}>
              {r.earlierResponse({ round: response.roundName })}
            </Link>{" "}
            · {copy.statuses[response.status]}
          </li>
        ))}
      </ul>
    </section>
  );
}
