import { useState } from "react";
import { conditionHint } from "~/components/questionnaire/condition-hint";
import { QuestionField } from "~/components/questionnaire/question-field";
import { useHydrated } from "~/components/use-hydrated";
import { useCopy, useLocale } from "~/i18n";
import { isAnswered, isAsked } from "~/questionnaire";
import { answersFromFormData } from "~/questionnaire/form-data";
import type { Answers, Questionnaire, Section } from "~/questionnaire/types";

// A section as focal points will see it, from the same fields, hints and follow-up rules as the
// section page, in a form that posts nowhere: what an administrator checks before opening.

export function SectionPreview({
  questionnaire,
  section,
}: {
  questionnaire: Questionnaire;
  section: Section;
}) {
  const q = useCopy().questionnaire;
  const locale = useLocale();
  const hydrated = useHydrated();
  const [live, setLive] = useState<Answers>({});
  const onChange = (event: React.FormEvent<HTMLFormElement>) =>
    setLive(answersFromFormData(new FormData(event.currentTarget), section.questions));
  return (
    <form
      className="questionnaire-form preview"
      onInput={onChange}
      onChange={onChange}
      onSubmit={(event) => event.preventDefault()}
      noValidate
      aria-labelledby="preview-section-title"
    >
      <h3 id="preview-section-title">
        {section.id}. {section.title}
      </h3>
      {section.help ? <p className="hint">{section.help}</p> : null}
      <div className="questions">
        {section.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            value={null}
            conditionHint={hydrated ? undefined : conditionHint(questionnaire, question, q, locale)}
            hidden={
              hydrated &&
              !!question.when &&
              !isAsked(question, live) &&
              !isAnswered(live[question.key])
            }
          />
        ))}
      </div>
    </form>
  );
}
