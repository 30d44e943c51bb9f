import { useCopy } from "~/i18n";
import type { Questionnaire } from "~/questionnaire/types";

/** "On this page": links to the review page's parts and to each section of the answers. */
export function ReviewNav({
  questionnaire,
  hasChanges,
  hasDecisions,
}: {
  questionnaire: Questionnaire;
  hasChanges: boolean;
  hasDecisions: boolean;
}) {
  const r = useCopy().reviewPage;
  // Folded behind "On this page" on a phone (the same disclosure as the section list); open
  // beside the answers on a wide screen.
  return (
    <details className="section-nav-details review-nav-details">
      <summary>{r.onThisPage}</summary>
      <nav className="review-nav" aria-labelledby="review-nav-title" tabIndex={0}>
        <h2 id="review-nav-title" className="review-nav__title">
          {r.onThisPage}
        </h2>
        <ul>
          {hasChanges ? (
            <li>
              <a href="#changes-title">{r.changedTitle}</a>
            </li>
          ) : null}
          {hasDecisions ? (
            <li>
              <a href="#decision-title">{r.decisions}</a>
            </li>
          ) : null}
          <li>
            <a href="#response-comments">{r.commentsTitle}</a>
          </li>
          {questionnaire.sections.map((section) => (
            <li key={section.id}>
              <a href={`#s-${section.id}`}>
                {section.id}. {section.title}
              </a>
            </li>
          ))}
          <li>
            <a href="#history-title">{r.history}</a>
          </li>
        </ul>
      </nav>
    </details>
  );
}
