import type { ReactNode } from "react";
import { AnswerList } from "~/components/questionnaire/answer-list";
import { useHydrated } from "~/components/use-hydrated";
import type { PrintableResponse as Printable } from "~/export/printable";
import { useCopy, useLocale } from "~/i18n";
import { formatDay } from "~/i18n/dates";
import type { Questionnaire } from "~/questionnaire/types";

// One response laid out for reading and for "Print to PDF": the print page and the published
// page, in the page's language: its copy, its dates ("22 November 2026", "22 novembre 2026", the
// same on the server and in every browser: UTC) and `questionnaire`, which the route localizes
// in the same language. Styles in app/styles/print.css (linked by those routes).

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function PrintableResponse({
  response,
  questionnaire,
  versionNote,
  roundNote,
  children,
}: {
  response: Printable;
  questionnaire: Questionnaire;
  /** Says which answers these are, instead of the default (e.g. "as accepted", when published). */
  versionNote?: string;
  /** Says the response is to an earlier round, read only (printed too). */
  roundNote?: string;
  /** Links shown above the header on screen, never printed (e.g. "back to the list"). */
  children?: ReactNode;
}) {
  const copy = useCopy();
  const locale = useLocale();
  const p = copy.exports.printable;
  const hydrated = useHydrated();
  const isDraft = response.version.kind === "draft";
  const dateOrNone = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDay(iso, locale)}</time> : p.notRecorded;
  const status = response.status
    ? (copy.statuses[response.status as keyof typeof copy.statuses] ?? response.status)
    : copy.countries.notStarted;
  return (
    <article className="printable" aria-labelledby="printable-title">
      <div className="printable__tools no-print">
        {children}
        {hydrated ? (
          <button type="button" className="secondary" onClick={() => window.print()}>
            {p.print}
          </button>
        ) : null}
      </div>
      <header className="printable__header">
        <p className="printable__survey">{questionnaire.title}</p>
        <h1 id="printable-title">
          {response.country.name}
          {isDraft ? <span className="printable__draft-mark"> · {p.draft}</span> : null}
        </h1>
        {roundNote ? <p className="notice printable__round">{roundNote}</p> : null}
        <p className={isDraft ? "notice notice--warning" : "printable__version"}>
          {response.version.kind === "draft"
            ? p.draftNotice
            : (versionNote ?? p.submissionNotice({ n: response.version.number }))}
        </p>
        <dl className="facts printable__facts">
          <Fact label={p.round}>{response.roundName}</Fact>
          <Fact label={p.status}>{status}</Fact>
          <Fact label={p.submittedAt}>{dateOrNone(response.submittedAt)}</Fact>
          <Fact label={p.acceptedAt}>{dateOrNone(response.acceptedAt)}</Fact>
          <Fact label={p.responseDate}>{dateOrNone(response.responseDate)}</Fact>
        </dl>
        {response.imported ? <p className="printable__imported">{p.imported}</p> : null}
      </header>
      <AnswerList questionnaire={questionnaire} answers={response.answers} />
      <section className="printable__authorisation" aria-labelledby="printable-authorisation">
        <h2 id="printable-authorisation">{p.authorisationTitle}</h2>
        <p>{questionnaire.authorizationText}</p>
        <p>
          <strong>
            {response.authorizePublication === true
              ? p.authorised
              : response.authorizePublication === false
                ? p.notAuthorised
                : p.authorisationUnknown}
          </strong>
        </p>
      </section>
    </article>
  );
}
