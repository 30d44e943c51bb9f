import { TranslationNotice } from "~/components/questionnaire/question-text";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "~/zod/parse.server";
import { requireFocalPointFor, requireUserKeepingInput } from "~/auth/guards.server";
import { takePendingInput } from "~/auth/pending-input.server";
import { AnswerList } from "~/components/questionnaire/answer-list";
import { SectionNav } from "~/components/questionnaire/section-nav";
import { useCopy } from "~/i18n";
import { progressAndIssues } from "~/models/questionnaire-view.server";
import { AUTHORIZATION_KEY, EDITABLE, findResponse, saveAnswers } from "~/models/response.server";
import { currentRound, isAnswerable, isAnswerableNow } from "~/models/round.server";
import { composeSubmissionEmails } from "~/models/submission-emails.server";
import { authorisationOf, checkAnswersSchema } from "~/models/submission-schemas.server";
import { submitResponse } from "~/models/submission.server";
import { completeAnswers, sectionOf } from "~/questionnaire";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { carryOf } from "~/rounds/carry-forward";
import { fingerprint } from "~/questionnaire/form-data";
import { POST_FIELDS, shownField } from "~/questionnaire/section-protocol";
import type { Questionnaire } from "~/questionnaire/types";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import type { Locale } from "~/i18n/locale";
import { localeFor } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().checkAnswers.title);

/** The round, its questionnaire and the country's response. */
async function checkAnswersContext(countryCode: string, locale: Locale) {
  const round = await currentRound();
  const questionnaire: Questionnaire = await requireQuestionnaire(round, locale);
  return { round, questionnaire, response: await findResponse(round.id, countryCode) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code);
  const locale = localeFor(request, user);
  const { round, questionnaire, response } = await checkAnswersContext(countryCode, locale);
  const answers = completeAnswers(questionnaire, response?.answers ?? {});
  const { progress, issues } = progressAndIssues({
    questionnaire,
    answers,
    locale,
    carry: carryOf(response),
  });
  const authorizePublication = response?.authorizePublication ?? null;
  // The authorisation ticked (or not) when the session had expired, with what the person had
  // seen then, so that saving it still detects a colleague's change in between.
  const pending = await takePendingInput(request);
  const kept = pending ? parseWithZod(pending.formData, { schema: checkAnswersSchema() }) : null;
  const restored = kept?.status === "success" ? authorisationOf(kept.value) : null;
  return data(
    {
      roundId: round.id,
      questionnaire,
      countryCode,
      answers,
      progress,
      errors: issues.filter((i) => i.blocksSubmit),
      unanswered: issues.filter((i) => i.code === "unanswered").map((i) => i.field),
      authorizePublication: restored ? restored.authorizePublication : authorizePublication,
      authorizationShown: restored ? restored.shown : fingerprint(authorizePublication),
      revision: restored ? restored.revision : (response?.revision ?? 0),
      restored: restored !== null,
      editable: isAnswerable(round) && (!response || EDITABLE.includes(response.status)),
    },
    { headers: pending ? { "Set-Cookie": pending.clearCookie } : undefined },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const session = await requireUserKeepingInput(request, context, formData);
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code, session);
  const post = parseWithZod(formData, { schema: checkAnswersSchema() });
  if (post.status !== "success") return data({ problem: "invalid" as const }, { status: 400 });
  const { intent } = post.value;
  const { authorizePublication, shown, revision } = authorisationOf(post.value);
  const locale = localeFor(request, user);
  const { round, questionnaire } = await checkAnswersContext(countryCode, locale);
  // A closed round is read only: nothing is saved or submitted into it.
  // The cached round, then the stored one (another process may have just closed it).
  if (!isAnswerable(round) || !(await isAnswerableNow(round.id)))
    return data({ problem: "notEditable" as const }, { status: 409 });
  // The authorisation is an answer like any other: saved (with conflict detection) first.
  const saved = await saveAnswers({
    roundId: round.id,
    countryCode,
    actorId: user.id,
    baseRevision: revision,
    changes: {},
    authorizePublication,
    shown: { [AUTHORIZATION_KEY]: shown },
    questionnaireVersion: questionnaire.version,
  });
  if (!saved.ok) return data({ problem: "notEditable" as const }, { status: 409 });
  if (saved.conflicts.length > 0) return data({ problem: "changed" as const }, { status: 409 });
  if (intent === "save") throw redirect(`/countries/${countryCode}/review`);

  const result = await submitResponse({
    questionnaire,
    roundId: round.id,
    countryCode,
    actorId: user.id,
    confirmNoPublication: intent === "confirm-submit",
    locale,
    emails: (submitted) =>
      composeSubmissionEmails({ round, countryCode, submittedById: user.id, ...submitted }),
  });
  if (!result.ok) {
    const problem =
      result.reason === "errors"
        ? "errors"
        : result.reason === "needs-confirmation"
          ? "confirm"
          : result.reason === "not-editable"
            ? "notEditable"
            : result.reason;
    return data({ problem }, { status: problem === "confirm" ? 200 : 409 });
  }
  throw redirect(`/countries/${countryCode}?submitted=1`);
}

export default function CheckAnswers() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useCopy();
  const r = copy.checkAnswers;
  const questionnaire: Questionnaire = page.questionnaire;
  const base = `/countries/${page.countryCode}`;
  const sectionLink = (field: string) =>
    `${base}/sections/${sectionOf(questionnaire, field)?.id}#q-${field}`;
  const problem = actionData?.problem;
  return (
    <section aria-labelledby="review-title" className="questionnaire">
      <h1 id="review-title">{r.title}</h1>
      <p>{r.intro}</p>
      <TranslationNotice status={questionnaire.language?.status} />
      {page.restored ? (
        <p className="notice notice--warning" role="status">
          {copy.questionnaire.restoredNoJs}
        </p>
      ) : null}
      {problem === "confirm" ? (
        // Without JavaScript the page comes back at its top: say where the question waits.
        <p className="notice notice--warning">
          <a href="#confirm-title">{r.confirmTitle}</a>
        </p>
      ) : null}
      {problem === "changed" ||
      problem === "notEditable" ||
      problem === "empty" ||
      problem === "invalid" ? (
        <p className="notice notice--error" role="alert">
          {r[problem]}
        </p>
      ) : null}
      {page.errors.length > 0 ? (
        <section
          className="notice notice--error error-summary"
          id="error-summary"
          role={problem === "errors" ? "alert" : undefined}
          aria-labelledby="errors-title"
          tabIndex={-1}
          // The GOV.UK error summary: focused on arrival, so it is read first and seen first.
          autoFocus
        >
          <h2 id="errors-title">{r.errorsTitle}</h2>
          <ul>
            {page.errors.map((issue) => (
              <li key={`${issue.field}-${issue.code}`}>
                <a href={sectionLink(issue.field)}>{issue.message}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.unanswered.length > 0 ? (
        <details className="notice notice--warning">
          <summary>{r.unansweredTitle({ n: page.unanswered.length })}</summary>
          <p>{r.unansweredText}</p>
          <ul>
            {page.unanswered.map((field) => (
              <li key={field}>
                <a href={sectionLink(field)}>
                  {
                    questionnaire.sections.flatMap((s) => s.questions).find((q) => q.key === field)
                      ?.text
                  }
                </a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Form method="post" className="questionnaire-form">
        <input type="hidden" name={POST_FIELDS.base} value={page.revision} />
        <input type="hidden" name={shownField(AUTHORIZATION_KEY)} value={page.authorizationShown} />
        <div className="questionnaire-layout">
          <SectionNav progress={page.progress} current={null} />
          <div className="questions">
            <AnswerList
              questionnaire={questionnaire}
              answers={page.answers}
              editBase={page.editable ? base : undefined}
            />
            <div className="declaration" aria-labelledby="declaration-title" role="group">
              <h2 id="declaration-title">{r.declarationTitle}</h2>
              <fieldset className="field authorisation" disabled={!page.editable}>
                <legend>{r.authorisationTitle}</legend>
                <div className="choice">
                  <input
                    type="checkbox"
                    id="authorize_publication"
                    name="authorize_publication"
                    value="yes"
                    defaultChecked={page.authorizePublication === true}
                  />
                  <label htmlFor="authorize_publication">{questionnaire.authorizationText}</label>
                </div>
                {page.editable ? (
                  <button type="submit" name="intent" value="save" className="secondary">
                    {r.saveAuthorisation}
                  </button>
                ) : null}
              </fieldset>
              {problem === "confirm" ? (
                <div
                  className="notice notice--warning"
                  role="alertdialog"
                  aria-labelledby="confirm-title"
                  aria-describedby="confirm-text"
                >
                  <h2 id="confirm-title">{r.confirmTitle}</h2>
                  <p id="confirm-text">{r.confirmText}</p>
                  <div className="actions">
                    <button type="submit" name="intent" value="confirm-submit">
                      {r.confirmSubmit}
                    </button>
                    <a href="#authorize_publication">{r.goBack}</a>
                  </div>
                </div>
              ) : null}
              {page.editable ? (
                <>
                  {page.errors.length > 0 ? (
                    <p
                      className="field-error submit-blocked"
                      id="submit-blocked"
                      role={problem === "errors" ? "alert" : undefined}
                    >
                      {r.submitBlocked({ n: page.errors.length })}{" "}
                      <a href="#error-summary">{r.submitBlockedLink}</a>
                    </p>
                  ) : null}
                  <div className="actions">
                    <button
                      type="submit"
                      name="intent"
                      value="submit"
                      aria-describedby={page.errors.length > 0 ? "submit-blocked" : undefined}
                    >
                      {r.submit}
                    </button>
                    <Link to={`${base}/sections/${questionnaire.sections.at(-1)!.id}`}>
                      {copy.questionnaire.back}
                    </Link>
                  </div>
                </>
              ) : null}
            </div>
          </div>
        </div>
      </Form>
    </section>
  );
}
