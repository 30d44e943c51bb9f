import { SectionTitle, TranslationNotice } from "~/components/questionnaire/question-text";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo, useRef, useState } from "react";
import { ConflictNotice } from "~/components/questionnaire/conflict-notice";
import { CarriedAnswer } from "~/components/questionnaire/carried-answer";
import { carriedState } from "~/rounds/carry-forward";
import { conditionHint } from "~/components/questionnaire/condition-hint";
import { QuestionField } from "~/components/questionnaire/question-field";
import { SectionNav } from "~/components/questionnaire/section-nav";
import {
  AutosaveStatusLine,
  AutosaveStatusRepeat,
} from "~/components/questionnaire/autosave-status";
import { localBackupKey } from "~/components/questionnaire/local-backup";
import { useAutosave } from "~/components/questionnaire/use-autosave";
import { useHydrated } from "~/components/use-hydrated";
import { useCopy, useLocale } from "~/i18n";
import { formatLocalTime, LocalTime } from "~/components/time";
import { findSection, isAnswered, isAsked } from "~/questionnaire";
import { answersFromFormData, fingerprint } from "~/questionnaire/form-data";
import { POST_FIELDS, shownField } from "~/questionnaire/section-protocol";
import { progressAfterSaves } from "~/questionnaire/progress-after-saves";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import type { action, loader } from "./route";

// The section page's React tree, apart from its route module so that the benchmark's framework
// ceiling (app/routes/bench.framework-ceiling.tsx) renders the very same tree from constant data.
// It reads the loader data of whichever route renders it.

export function SectionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const copy = useCopy();
  const locale = useLocale();
  const q = copy.questionnaire;
  const hydrated = useHydrated();
  const questionnaire: Questionnaire = page.questionnaire;
  const section = findSection(questionnaire, page.sectionId)!;
  const index = questionnaire.sections.indexOf(section);
  const formRef = useRef<HTMLFormElement>(null);

  // After a conflict, the form shows what the person typed; saving again keeps it (they have
  // now seen their colleague's answer, which becomes the value "shown").
  const conflicts = actionData?.conflicts ?? [];
  const values: Answers = { ...page.values, ...(actionData?.posted ?? {}) };
  const shown = { ...page.shown };
  for (const c of conflicts) shown[c.field] = fingerprint(c.theirs as Answers[string]);

  const autosave = useAutosave({
    formRef,
    questions: section.questions,
    initial: page.values,
    initialShown: shown,
    endpoint: `/countries/${page.country.code}/sections/${section.id}/autosave`,
    storageKey: localBackupKey({
      userId: page.userId,
      roundId: page.roundId,
      country: page.country.code,
      section: section.id,
    }),
    enabled: page.editable,
  });
  const [live, setLive] = useState<Answers>(values);
  const onFormChange = () => {
    if (formRef.current)
      setLive({
        ...values,
        ...answersFromFormData(new FormData(formRef.current), section.questions),
      });
    autosave.onChange();
  };

  const issuesByField = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of page.issues)
      map.set(issue.field, [...(map.get(issue.field) ?? []), issue.message]);
    return map;
  }, [page.issues]);
  const allConflicts = [...conflicts, ...autosave.conflicts];
  const toConfirm = Object.entries(page.carry?.fields ?? {}).filter(
    ([key, c]) => carriedState(c, live[key], c.confirmed) === "to_confirm",
  );
  // The section list follows autosave: this section's count moves as its answers are saved.
  const progress = page.progress.map((p) =>
    p.id === section.id ? progressAfterSaves(p, section, page.values, autosave.savedAnswers) : p,
  );

  return (
    <section aria-labelledby="section-title" className="questionnaire">
      <p className="breadcrumb">
        <Link to={`/countries/${page.country.code}`}>{page.country.name}</Link>
      </p>
      <h1 id="section-title">
        <span className="step">
          {q.sectionOf({ n: index + 1, total: questionnaire.sections.length })}
        </span>{" "}
        <SectionTitle section={section} />
      </h1>
      <TranslationNotice status={questionnaire.language?.status} />
      {page.roundLock?.kind === "closed" ? (
        <p className="notice">{q.roundClosed}</p>
      ) : page.roundLock?.kind === "opens" ? (
        <p className="notice">
          {q.roundOpensOn} <LocalTime iso={page.roundLock.at} withDate />
        </p>
      ) : !page.editable ? (
        <p className="notice">{q.locked}</p>
      ) : null}
      {page.restored ? (
        <p className="notice notice--warning" role="status">
          {q.restoredNoJs}
        </p>
      ) : null}
      {searchParams.get("saved") && page.lastSaved && !actionData ? (
        <p className="notice notice--success" role="status" suppressHydrationWarning>
          {q.saved({
            time: formatLocalTime(locale, page.lastSaved.at),
          })}
        </p>
      ) : null}
      {searchParams.get("confirmed") && !actionData ? (
        <p className="notice notice--success" role="status">
          {searchParams.get("confirmed") === "all"
            ? copy.carried.confirmedAllNotice
            : copy.carried.confirmedNotice}
        </p>
      ) : null}
      {actionData?.malformed ? (
        <p className="notice notice--error" role="alert">
          {q.invalidForm}
        </p>
      ) : null}
      {allConflicts.length > 0 ? (
        <div className="notice notice--warning" role="alert">
          <p>{q.conflictsSummary}</p>
          <ul>
            {allConflicts.map((c) => (
              <li key={c.field}>
                <a href={`#q-${c.field}`}>
                  {section.questions.find((x) => x.key === c.field)?.text ?? c.field}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <AutosaveStatusLine
        status={autosave.status}
        savedAt={autosave.savedAt}
        restoredAt={autosave.restoredAt}
      />

      <Form
        method="post"
        ref={formRef}
        onInput={onFormChange}
        onChange={onFormChange}
        onSubmit={autosave.forgetStored}
        noValidate
        className="questionnaire-form"
      >
        <input
          type="hidden"
          name={POST_FIELDS.base}
          value={actionData?.revision ?? page.revision}
        />
        {section.questions.map((question) => (
          <input
            key={question.key}
            type="hidden"
            name={shownField(question.key)}
            value={shown[question.key] ?? fingerprint(null)}
          />
        ))}
        <div className="questionnaire-layout">
          <SectionNav progress={progress} current={section.id} />
          <fieldset disabled={!page.editable} className="questions">
            {toConfirm.length > 0 && page.editable ? (
              <div className="notice carried-section">
                <p>
                  {copy.carried.sectionIntro({
                    count: toConfirm.length,
                    round: page.carry!.fromRound,
                  })}
                </p>
                <button type="submit" name="intent" value="confirm-section" className="secondary">
                  {copy.carried.allStillAccurate}
                </button>
              </div>
            ) : null}
            {section.questions.map((question) => {
              const carried = page.carry?.fields[question.key];
              const conflict = allConflicts.find((c) => c.field === question.key);
              // Without JavaScript every follow-up is shown, saying when it applies; with it,
              // a follow-up that does not apply (and has no answer) is hidden.
              const hidden =
                hydrated &&
                !!question.when &&
                !isAsked(question, live) &&
                !isAnswered(live[question.key]);
              return (
                <QuestionField
                  key={question.key}
                  question={question}
                  value={values[question.key] ?? null}
                  conditionHint={
                    hydrated ? undefined : conditionHint(questionnaire, question, q, locale)
                  }
                  errors={issuesByField.get(question.key)}
                  hidden={hidden}
                >
                  {page.comments
                    .filter((c) => c.fieldKey === question.key)
                    .map((c) => (
                      <aside key={c.id} className="reviewer-comment" aria-label={q.reviewerComment}>
                        <p className="reviewer-comment__who">
                          {q.reviewerComment} · {c.author}
                        </p>
                        <p className="multiline">{c.body}</p>
                      </aside>
                    ))}
                  {carried ? (
                    <CarriedAnswer
                      question={question}
                      carried={carried}
                      confirmed={carried.confirmed}
                      current={live[question.key]}
                      fromRound={page.carry!.fromRound}
                      editable={page.editable}
                    />
                  ) : null}
                  {conflict ? (
                    <ConflictNotice
                      question={question}
                      conflict={conflict}
                      onResolve={
                        hydrated && autosave.conflicts.some((c) => c.field === question.key)
                          ? autosave.resolve
                          : undefined
                      }
                    />
                  ) : null}
                </QuestionField>
              );
            })}
          </fieldset>
        </div>
        {page.editable ? (
          <div className="actions">
            <AutosaveStatusRepeat status={autosave.status} savedAt={autosave.savedAt} />
            <button type="submit" name="intent" value="back" className="secondary">
              {q.back}
            </button>
            <button type="submit" name="intent" value="save" className="secondary">
              {q.saveDraft}
            </button>
            <button type="submit" name="intent" value="next">
              {q.next}
            </button>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
