import { Link } from "@remix-run/react";
import { useCopy } from "~/i18n";

export type SectionTask = {
  id: string;
  title: string;
  total: number;
  answered: number;
  errors: number;
  toConfirm?: number;
};

type TaskState = "notStarted" | "inProgress" | "completed" | "problems" | "toConfirm";

/** A section's state in words a focal point reads at a glance (GOV.UK's task list). */
export function taskState(section: SectionTask): TaskState {
  if (section.errors > 0) return "problems";
  if (section.toConfirm) return "toConfirm";
  if (section.answered === 0) return "notStarted";
  return section.answered >= section.total ? "completed" : "inProgress";
}

/**
 * The response's sections with their state: each a link to the section for a focal point who
 * may edit, with the count of answers as its hint and the state as a tag.
 */
export function TaskList({
  sections,
  base,
  linked,
}: {
  sections: SectionTask[];
  /** "/countries/RWA" */
  base: string;
  linked: boolean;
}) {
  const copy = useCopy();
  const t = copy.country.tasks;
  return (
    <ul className="task-list">
      {sections.map((section) => {
        const state = taskState(section);
        const hintId = `task-hint-${section.id}`;
        const stateId = `task-state-${section.id}`;
        const name = `${section.id}. ${section.title}`;
        return (
          <li key={section.id} className="task-list__item">
            <div className="task-list__name">
              {linked ? (
                <Link
                  to={`${base}/sections/${section.id}`}
                  aria-describedby={`${hintId} ${stateId}`}
                >
                  {name}
                </Link>
              ) : (
                name
              )}
              <p className="task-list__hint" id={hintId}>
                {copy.questionnaire.answered({ answered: section.answered, total: section.total })}
              </p>
            </div>
            <p className={`task-list__state tag tag--${state}`} id={stateId}>
              {state === "problems"
                ? t.problems({ n: section.errors })
                : state === "toConfirm"
                  ? t.toConfirm({ n: section.toConfirm! })
                  : t[state]}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
