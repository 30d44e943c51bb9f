import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { ErrorList, FormErrors } from "~/components/forms";
import { SectionPreview } from "~/components/rounds/section-preview";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { copyForRequest } from "~/i18n/request-locale.server";
import { findSection } from "~/questionnaire";
import { definitionMessage } from "~/questionnaire/definition-messages";
import { roundPage } from "~/rounds/round-pages.server";
import { openRoundSchema, roundActionSchema } from "~/rounds/round-schemas";
import { closeRound, openRound, RoundError } from "~/rounds/rounds.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// One round: its facts, a preview of every section as focal points will see it, and the step
// that matters: opening it (a start date and a deadline) or, later, closing it.

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  pageTitle(
    page ? `${page.round.name} · ${pageCopy().roundAdmin.title}` : pageCopy().roundAdmin.title,
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const page = await roundPage(params.roundId ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59Z`);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const roundId = params.roundId ?? "";
  const submission = parseWithZod(await request.formData(), {
    schema: roundActionSchema(copyForRequest(request, user)),
  });
  if (submission.status !== "success")
    return data({ result: submission.reply(), problem: null }, { status: 400 });
  try {
    if (submission.value.intent === "open") {
      const { opensAt, deadline } = submission.value;
      const opened = await openRound({
        roundId,
        deadline: endOfDay(deadline!),
        opensAt: opensAt ? new Date(`${opensAt}T00:00:00Z`) : null,
        actorId: user.id,
      });
      return redirect(`/admin/rounds/${roundId}?opened=${opened.carried}`);
    }
    await closeRound(roundId, user.id);
    return redirect(`/admin/rounds/${roundId}?closed=1`);
  } catch (error) {
    if (!(error instanceof RoundError)) throw error;
    return data({ result: submission.reply(), problem: error.problem }, { status: 409 });
  }
}

export default function RoundPage() {
  const all = useCopy();
  const copy = all.roundAdmin;
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { round, questionnaire } = page;
  const section =
    findSection(questionnaire, searchParams.get("section") ?? "") ?? questionnaire.sections[0]!;
  const stored = searchParams.get("stored");
  const opened = searchParams.get("opened");

  return (
    <section aria-labelledby="round-title">
      <p className="breadcrumb">
        <Link to="/admin/rounds">{copy.back}</Link>
      </p>
      <h1 id="round-title">
        {round.name}{" "}
        <span className={`round-status round-status--${round.status.toLowerCase()}`}>
          {copy.statuses[round.status]}
        </span>
      </h1>
      <p className="lead">{questionnaire.title}</p>
      {stored ? (
        <p className="notice notice--success" role="status">
          {stored === "created_round"
            ? copy.created({ round: round.id })
            : stored === "added_version"
              ? copy.addedVersion({ round: round.id, version: round.version })
              : copy.unchanged({ round: round.id, version: round.version })}
        </p>
      ) : null}
      {opened !== null ? (
        <p className="notice notice--success" role="status">
          {round.previousRoundId
            ? copy.openedNoticeCarried({ carried: Number(opened), previous: round.previousRoundId })
            : copy.openedNotice}
        </p>
      ) : null}
      {searchParams.get("closed") ? (
        <p className="notice notice--success" role="status">
          {copy.closedNotice}
        </p>
      ) : null}
      {result?.problem ? (
        <p className="notice notice--error" role="alert">
          {definitionMessage(all, result.problem)}
        </p>
      ) : null}

      <h2>{copy.facts}</h2>
      <dl className="facts">
        <div>
          <dt>{copy.version}</dt>
          <dd>
            {round.version} ·{" "}
            {copy.questionsCount({
              sections: questionnaire.sections.length,
              questions: page.questions,
            })}
          </dd>
        </div>
        {round.deadline ? (
          <div>
            <dt>{copy.deadline}</dt>
            <dd>
              <LocalTime iso={round.deadline} withDate />
            </dd>
          </div>
        ) : null}
        {round.openedAt ? (
          <div>
            <dt>{copy.opened}</dt>
            <dd>
              <LocalTime iso={round.openedAt} withDate />
            </dd>
          </div>
        ) : null}
        {round.closedAt ? (
          <div>
            <dt>{copy.closed}</dt>
            <dd>
              <LocalTime iso={round.closedAt} withDate />
            </dd>
          </div>
        ) : null}
        {page.carriesFrom ? (
          <div>
            <dt>{copy.carriedFrom}</dt>
            <dd>{page.carriesFrom}</dd>
          </div>
        ) : null}
        <div>
          <dt>{copy.responses}</dt>
          <dd>{round.responses}</dd>
        </div>
      </dl>

      {round.status === "DRAFT" ? (
        <OpenForm result={result?.result} carriesFrom={page.carriesFrom} />
      ) : null}
      {round.status === "OPEN" ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{copy.closeTitle}</h2>
          <p>{copy.closeIntro}</p>
          <Form method="post">
            <button type="submit" name="intent" value="close" className="secondary">
              {copy.close}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="preview-title" className="round-preview">
        <h2 id="preview-title">{copy.preview}</h2>
        <p>{copy.previewIntro}</p>
        <nav aria-label={copy.previewNav}>
          <ul className="preview-nav">
            {questionnaire.sections.map((s) => (
              <li key={s.id}>
                <Link
                  to={`?section=${encodeURIComponent(s.id)}#preview-title`}
                  aria-current={s.id === section.id ? "page" : undefined}
                >
                  {s.id}. {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SectionPreview key={section.id} questionnaire={questionnaire} section={section} />
      </section>
    </section>
  );
}

function OpenForm({
  result,
  carriesFrom,
}: {
  result: SubmissionResult<string[]> | undefined;
  carriesFrom: string | null;
}) {
  const all = useCopy();
  const copy = all.roundAdmin;
  const [form, fields] = useForm({
    id: "open-round",
    lastResult: result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openRoundSchema(all) }),
  });
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{copy.openTitle}</h2>
      <p>{carriesFrom ? copy.openIntroCarried({ previous: carriesFrom }) : copy.openIntro}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.opensAt.id}>{copy.opensAt}</label>
          <p className="hint" id={`${fields.opensAt.id}-hint`}>
            {copy.opensAtHint}
          </p>
          <ErrorList id={fields.opensAt.errorId} errors={fields.opensAt.errors} />
          <input
            {...getInputProps(fields.opensAt, {
              type: "date",
              ariaDescribedBy: `${fields.opensAt.id}-hint`,
            })}
          />
        </div>
        <div className="field">
          <label htmlFor={fields.deadline.id}>{copy.deadline}</label>
          <p className="hint" id={`${fields.deadline.id}-hint`}>
            {copy.deadlineHint}
          </p>
          <ErrorList id={fields.deadline.errorId} errors={fields.deadline.errors} />
          <input
            {...getInputProps(fields.deadline, {
              type: "date",
              ariaDescribedBy: `${fields.deadline.id}-hint`,
            })}
            required
          />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="open">
            {copy.open}
          </button>
        </div>
      </Form>
    </section>
  );
}
