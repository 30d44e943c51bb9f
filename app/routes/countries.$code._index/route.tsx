import { parseWithZod } from "~/zod/parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireCountryReader, requireFocalPointFor } from "~/auth/guards.server";
import { CommentList } from "~/components/country/comment-list";
import { EarlierRounds } from "~/components/country/earlier-rounds";
import { HistoryList } from "~/components/country/history-list";
import { ReturnedBanner } from "~/components/country/returned-banner";
import { TaskList } from "~/components/country/task-list";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { storedWarningMessage } from "~/import/import-messages";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import { replySchema } from "~/models/comment-schemas.server";
import { loadCountryPage } from "./page.server";
import { replyToThread } from "~/models/comment-threads.server";
import { earlierResponses } from "~/models/earlier-responses.server";
import { currentRound } from "~/models/round.server";
import { findQuestion } from "~/questionnaire";
import { pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.country.name);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireCountryReader(request, context, params.code);
  const isFocalPoint = user.role === "FOCAL_POINT";
  const earlier = {
    code: countryCode,
    isFocalPoint,
    responses: await earlierResponses(countryCode),
  };
  const locale = localeFor(request, user);
  return { ...(await loadCountryPage(countryCode, locale)), isFocalPoint, earlier };
}

/** A focal point replies to a reviewer's comment; reviewers reply on their review page. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code);
  const copy = copyForRequest(request, user);
  const submission = parseWithZod(await request.formData(), { schema: replySchema(copy) });
  if (submission.status !== "success") {
    const threadId = String(submission.payload.threadId ?? "");
    const message = submission.error?.body?.[0] ?? copy.comments.replyRequired;
    return data({ problem: { threadId, message } }, { status: 400 });
  }
  const { threadId, body } = submission.value;
  const round = await currentRound();
  const replied = await replyToThread({
    roundId: round.id,
    countryCode,
    threadId,
    body,
    authorId: user.id,
  });
  if (!replied)
    return data({ problem: { threadId, message: copy.comments.threadGone } }, { status: 404 });
  return redirect(`/countries/${countryCode}?replied=1#thread-${threadId}`);
}

export default function CountryPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const copy = useCopy();
  const c = copy.country;
  const questionnaire = page.questionnaire;
  const base = `/countries/${page.country.code}`;
  return (
    <section aria-labelledby="country-title">
      <h1 id="country-title">{page.country.name}</h1>
      {searchParams.get("submitted") ? (
        <p className="notice notice--success" role="status">
          {c.submitted}
        </p>
      ) : null}
      {searchParams.get("replied") ? (
        <p className="notice notice--success" role="status">
          {c.replied}
        </p>
      ) : null}
      {page.returned ? (
        <ReturnedBanner
          returned={page.returned}
          waiting={page.threads.filter((t) => t.waitingForCountry).length}
        />
      ) : null}
      <dl className="facts">
        <div>
          <dt>{page.roundName}</dt>
          <dd>
            {c.status}:{" "}
            <strong>{page.status ? copy.statuses[page.status] : copy.countries.notStarted}</strong>
          </dd>
        </div>
        {page.deadline ? (
          <div>
            <dt>{c.deadline}</dt>
            <dd>
              <LocalTime iso={page.deadline} withDate />
            </dd>
          </div>
        ) : null}
        {page.lastSaved ? (
          <div>
            <dt>{c.lastSaved({ who: page.lastSaved.by })}</dt>
            <dd>
              <LocalTime iso={page.lastSaved.at} withDate />
            </dd>
          </div>
        ) : null}
      </dl>
      {page.isFocalPoint && page.carried && page.carried.toConfirm > 0 ? (
        <p className="notice">
          {c.carriedIntro({ round: page.carried.from, count: page.carried.toConfirm })}
        </p>
      ) : null}
      {page.isFocalPoint ? (
        <p>
          {page.editable ? (
            <Link className="button" to={`${base}/sections/${page.continueAt}`}>
              {page.started ? c.continue : c.start}
            </Link>
          ) : (
            <Link className="button secondary" to={`${base}/review`}>
              {c.view}
            </Link>
          )}
        </p>
      ) : null}
      {page.imported ? (
        <div className="notice">
          <p>{c.imported({ file: page.imported.source })}</p>
          {page.imported.warnings.length > 0 ? (
            <details>
              <summary>
                {c.importWarnings} ({page.imported.warnings.length})
              </summary>
              <ul>
                {page.imported.warnings.map((w, i) => (
                  <li key={i}>
                    {w.field ? `${findQuestion(questionnaire, w.field)?.text ?? w.field}: ` : ""}
                    {storedWarningMessage(copy, w)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      <h2>{c.progress}</h2>
      <TaskList sections={page.progress} base={base} linked={page.isFocalPoint && page.editable} />
      {page.threads.length > 0 ? (
        <>
          <h2 id="comments">{c.commentsTitle}</h2>
          <CommentList
            threads={page.threads}
            questionnaire={questionnaire}
            base={base}
            canReply={page.isFocalPoint}
            problem={actionData?.problem ?? null}
          />
        </>
      ) : null}
      <EarlierRounds {...page.earlier} />
      <h2>{c.history}</h2>
      <HistoryList history={page.history} questionnaire={questionnaire} />
    </section>
  );
}
