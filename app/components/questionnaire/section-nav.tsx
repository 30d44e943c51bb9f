import { useCopy } from "~/i18n";

type Progress = {
  id: string;
  title: string;
  total: number;
  answered: number;
  errors: number;
  toConfirm?: number;
};

/**
 * The list of sections: each entry saves the page and goes there (a submit button). On a phone
 * it folds behind a "Sections" disclosure above the first question; on a wide screen it is
 * always open beside the questions (app.css opens it through ::details-content, no script).
 */
export function SectionNav({
  progress,
  current,
}: {
  progress: Progress[];
  current: string | null;
}) {
  const copy = useCopy().questionnaire;
  const position = progress.findIndex((section) => section.id === current);
  return (
    <details className="section-nav-details">
      <summary>
        {copy.sections}
        {position >= 0 ? ` · ${copy.sectionOf({ n: position + 1, total: progress.length })}` : ""}
      </summary>
      <nav className="section-nav" aria-label={copy.sections}>
        <ol>
          {progress.map((section) => (
            <li key={section.id}>
              <button
                type="submit"
                name="intent"
                value={`goto:${section.id}`}
                className="link"
                aria-current={section.id === current ? "step" : undefined}
                formNoValidate
              >
                {section.id}. {section.title}
              </button>
              <span className="section-nav__progress">
                {copy.answered({ answered: section.answered, total: section.total })}
                {section.errors > 0 ? ` · ${copy.errorsCount({ n: section.errors })}` : ""}
                {section.toConfirm ? ` · ${copy.toConfirmCount({ n: section.toConfirm })}` : ""}
              </span>
            </li>
          ))}
          <li>
            <button
              type="submit"
              name="intent"
              value="review"
              className="link"
              aria-current={current === null ? "step" : undefined}
              formNoValidate
            >
              {copy.review}
            </button>
          </li>
        </ol>
      </nav>
    </details>
  );
}
