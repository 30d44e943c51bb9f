import { QuestionText, SectionTitle } from "~/components/questionnaire/question-text";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
} from "@remix-run/react";
import { parseWithZod } from "~/zod/parse.server";
import { requireReviewer } from "~/auth/guards.server";
import { ChangeTable } from "~/components/review/change-table";
import { CommentThread } from "~/components/review/comment-thread";
import { DecisionPanel } from "~/components/review/decision-panel";
import { ReviewNav } from "~/components/review/review-nav";
import { LocalTime } from "~/components/time";
import { countryName } from "~/countries";
import { useCopy } from "~/i18n";
import { messageFor } from "~/i18n/copy";
import { storedWarningMessage } from "~/import/import-messages";
import type { Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import type { Role } from "~/generated/prisma/enums";
import { loadReviewPage } from "./page.server";
import { reviewerCommentSchema } from "~/models/comment-schemas.server";
import { decisionSchema } from "~/models/review-schemas.server";
import { addComment, decide } from "~/models/review.server";
import { currentRound } from "~/models/round.server";
import { findQuestion } from "~/questionnaire";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { formatAnswer } from "~/questionnaire/format";
import type { Questionnaire } from "~/questionnaire/types";
import { wordLimitFor, wordLimitState } from "~/questionnaire/word-count";
import { wordsOfAnswer } from "~/components/questionnaire/word-counter";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? pageCopy().reviewPage.title({ country: data.country.name }) : undefined);

// A refused decision (409: the status or the submission changed meanwhile) reloads the page's
// data, so the reviewer sees what changed; Remix skips that after 4xx by default.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  return loadReviewPage((params.code ?? "").toUpperCase(), user.role, localeFor(request, user));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const copy = copyForRequest(request, user);
  const countryCode = (params.code ?? "").toUpperCase();
  const form = await request.formData();
  switch (form.get("intent")) {
    case "comment":
      return comment(form, countryCode, user.id, copy);
    default:
      return decideOn(form, countryCode, user, copy, localeFor(request, user));
  }
}

async function comment(form: FormData, countryCode: string, authorId: string, copy: Copy) {
  const post = parseWithZod(form, { schema: reviewerCommentSchema(copy) });
  if (post.status !== "success") {
    const problem = post.error?.body?.[0] ?? copy.questionnaire.invalidForm;
    return data({ message: null, problem }, { status: 400 });
  }
  const { body, field, parent } = post.value;
  const round = await currentRound();
  const questionnaire = await requireQuestionnaire(round);
  const added = await addComment({
    roundId: round.id,
    countryCode,
    fieldKey: field && findQuestion(questionnaire, field) ? field : null,
    parentId: parent ?? null,
    body,
    authorId,
  });
  if (!added) throw new Response("Not found", { status: 404 });
  return { message: null, problem: null };
}

async function decideOn(
  form: FormData,
  countryCode: string,
  user: { id: string; role: Role; name: string | null; email: string },
  copy: Copy,
  locale: Locale,
) {
  const decision = parseWithZod(form, { schema: decisionSchema() });
  if (decision.status !== "success") {
    return data({ message: null, problem: copy.questionnaire.invalidForm }, { status: 400 });
  }
  const round = await currentRound();
  const result = await decide({
    decision: decision.value.intent,
    roundId: round.id,
    countryCode,
    submission: decision.value.submission,
    actor: { id: user.id, role: user.role, name: user.name ?? user.email },
    message: decision.value.message ?? "",
  });
  if (!result.ok) {
    const refused = copy.reviewPage.refused;
    const stale = { country: countryName(countryCode, locale), at: new Date(0) };
    if (result.reason === "stale") stale.at = result.latest.at;
    const problem =
      result.reason === "message"
        ? copy.reviewPage.returnRequired
        : result.reason === "stale"
          ? result.latest.imported
            ? refused.staleImported(stale)
            : refused.stale(stale)
          : refused[result.reason];
    return data({ message: null, problem }, { status: result.reason === "role" ? 403 : 409 });
  }
  const done = {
    return: copy.reviewPage.returned,
    accept: copy.reviewPage.accepted,
    reopen: copy.reviewPage.reopened,
  }[decision.value.intent];
  return { message: done, problem: null };
}

export default function ReviewResponse() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const copy = useCopy();
  const r = copy.reviewPage;
  const questionnaire: Questionnaire = page.questionnaire;
  const labels = { yes: copy.questionnaire.yes, no: copy.questionnaire.no };
  return (
    <section aria-labelledby="review-title" className="review">
      <p className="breadcrumb">
        <Link to="/review">{copy.dashboard.title}</Link>
      </p>
      <h1 id="review-title">{r.title({ country: page.country.name })}</h1>
      <p>
        <Link to={`/print/${page.country.code}?from=review`}>{r.printable}</Link> ·{" "}
        <Link to={`/review/${page.country.code}/rounds`}>{copy.roundOverview.profile.link}</Link>
      </p>
      {result?.message ? (
        <p className="notice notice--success" role="status">
          {result.message}
        </p>
      ) : null}
      {result?.problem ? (
        <p className="notice notice--error" role="alert">
          {result.problem}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{copy.dashboard.status}</dt>
          <dd>
            <strong>{page.status ? copy.statuses[page.status] : copy.dashboard.notStarted}</strong>
          </dd>
        </div>
        {page.submission ? (
          <div>
            <dt>{r.submission({ n: page.submission.number })}</dt>
            <dd>
              <LocalTime iso={page.submission.at} withDate />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{r.authorisation}</dt>
          <dd>
            {page.authorizePublication === null
              ? copy.dashboard.unknown
              : page.authorizePublication
                ? copy.questionnaire.yes
                : copy.questionnaire.no}
          </dd>
        </div>
      </dl>
      {!page.status ? (
        <p>{r.notStarted}</p>
      ) : !page.submission ? (
        <p className="notice">{r.draftOnly}</p>
      ) : null}

      <div className="review-layout">
        <ReviewNav
          questionnaire={questionnaire}
          hasChanges={Boolean(page.changes)}
          hasDecisions={page.decisions.length > 0}
        />
        <div className="review-layout__main">
          {page.changes ? (
            <section aria-labelledby="changes-title" className="changes">
              <h2 id="changes-title">
                {r.changedTitle}:{" "}
                {page.changes.since === "import"
                  ? r.changedSinceImport
                  : r.changedSinceSubmission({ n: page.changes.since })}
              </h2>
              {page.changes.fields.length === 0 ? (
                <p>{r.noChanges}</p>
              ) : (
                <ChangeTable questionnaire={questionnaire} changes={page.changes.fields} />
              )}
            </section>
          ) : null}

          <DecisionPanel
            decisions={page.decisions}
            submission={page.submission?.number}
            countryName={page.country.name}
          />

          <section aria-labelledby="response-comments">
            <h2 id="response-comments">{r.commentsTitle}</h2>
            <CommentThread comments={page.comments} fieldKey={null} label={r.comment} />
          </section>

          {page.sourceDocument ? (
            <p className="source-document">
              <a
                href={`/review/${page.country.code}/source/${page.sourceDocument.id}`}
                download={page.sourceDocument.filename}
              >
                {r.sourceDownload({ file: page.sourceDocument.filename })}
              </a>
            </p>
          ) : null}

          {page.importWarnings.length > 0 ? (
            <details className="notice notice--warning">
              <summary>
                {r.importWarnings} ({page.importWarnings.length}) · {page.importSource}
              </summary>
              <ul>
                {page.importWarnings.map((w, i) => (
                  <li key={i}>
                    {w.field ? `${findQuestion(questionnaire, w.field)?.text ?? w.field}: ` : ""}
                    {storedWarningMessage(copy, w)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}

          {page.carried ? (
            <p className="notice">
              {r.carriedSummary({
                round: page.carried.fromRound,
                unchanged: page.carried.counts.unchanged,
                updated: page.carried.counts.updated,
                changedQuestion: page.carried.counts.changed_question,
                added: page.carried.counts.new,
              })}
            </p>
          ) : null}
          {questionnaire.sections.map((section) => (
            <section
              key={section.id}
              aria-labelledby={`s-${section.id}`}
              className="answer-section"
            >
              <h2 id={`s-${section.id}`}>
                <SectionTitle section={section} />
              </h2>
              {section.questions.map((question) => {
                const value = page.answers[question.key] ?? null;
                const text = formatAnswer(question, value, labels);
                const flags = page.flags.filter((f) => f.field === question.key);
                const words =
                  question.type === "longtext" && text
                    ? wordLimitState(text, wordLimitFor(question, text))
                    : null;
                return (
                  <div key={question.key} className="answer" id={`answer-${question.key}`}>
                    <h3 className="answer__question">
                      <QuestionText question={question} />
                    </h3>
                    {page.carried?.marks[question.key] ? (
                      <p className={`mark mark--${page.carried.marks[question.key]}`}>
                        {messageFor(
                          r.marks,
                          page.carried.marks[question.key]!,
                          { round: page.carried.fromRound },
                          "",
                        )}
                      </p>
                    ) : null}
                    <p
                      className={text ? "multiline" : "not-answered"}
                      dir={text ? "auto" : undefined}
                    >
                      {text ?? copy.questionnaire.notAnswered}
                    </p>
                    {page.carried &&
                    ["updated", "changed_question"].includes(
                      page.carried.marks[question.key] ?? "",
                    ) &&
                    question.key in page.carried.previous ? (
                      <p className="previous-answer">
                        <span className="previous-answer__label">
                          {r.previousAnswer({ round: page.carried.fromRound })}
                        </span>{" "}
                        <span className="multiline" dir="auto">
                          {formatAnswer(question, page.carried.previous[question.key], labels) ??
                            copy.questionnaire.notAnswered}
                        </span>
                      </p>
                    ) : null}
                    {words ? (
                      <p className="word-count" data-over={words.over}>
                        {wordsOfAnswer(copy.questionnaire, words)}
                      </p>
                    ) : null}
                    {flags.map((f) => (
                      <p key={f.code} className="field-warning">
                        {f.code === "not_asked" ? r.notAsked : f.message}
                      </p>
                    ))}
                    <CommentThread
                      comments={page.comments}
                      fieldKey={question.key}
                      label={r.commentOn({ question: question.text })}
                      compact
                    />
                  </div>
                );
              })}
            </section>
          ))}

          <section aria-labelledby="history-title">
            <h2 id="history-title">{r.history}</h2>
            <ol className="history">
              {page.history.map((event) => (
                <li key={event.id}>
                  <LocalTime iso={event.at} withDate /> · {event.who}{" "}
                  {messageFor(
                    copy.country.events,
                    event.kind,
                    { fields: event.fields },
                    event.kind,
                  )}
                  {event.message ? (
                    <span className="multiline" dir="auto">
                      : {event.message}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </section>
  );
}
