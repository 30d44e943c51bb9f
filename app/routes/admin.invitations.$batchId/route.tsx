import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { BatchProgress } from "~/components/invitations/batch-progress";
import { RowsTable } from "~/components/invitations/rows-table";
import { formatDate } from "~/email/templates/format";
import { useCopy, useLocale } from "~/i18n";
import { joinClauses } from "~/i18n/copy";
import type { RowClassName } from "~/invitations/classify";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import { confirmBatch, findBatch, isUnfinished, retryFailed } from "~/invitations/batches.server";
import { isSending, startSending } from "~/invitations/send-batch.server";
import { currentRound } from "~/models/round.server";
import { batchIntentSchema } from "./schemas";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// One bulk invitation: before it is confirmed, the preview (every line with its mark and reason,
// the counts, one button that says how many will be sent); after, the sending as it goes
// (batch-progress.tsx). Sending happens in the background (send-batch.server.ts): confirming
// answers at once, and opening this page while lines wait and no sender runs in this process
// (a restart, another worker) starts one.

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(
    data
      ? pageCopy().invitations.batchTitle({ file: data.batch.fileName })
      : pageCopy().invitations.title,
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const locale = localeFor(request, user);
  const batch = await findBatch(params.batchId ?? "", locale);
  if (!batch) {
    throw new Response(copyForRequest(request, user).invitations.notFound, { status: 404 });
  }
  if (batch.status === "CONFIRMED" && isUnfinished(batch.progress) && !isSending(batch.id))
    void startSending(batch.id, context.afterResponse);
  const round = await currentRound();
  const deadline = round.deadline ? formatDate(round.deadline, locale) : null;
  return { batch, round: { name: round.name, deadline } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const id = params.batchId ?? "";
  const post = parseWithZod(await request.formData(), { schema: batchIntentSchema });
  if (post.status !== "success") {
    return data({ problem: copyForRequest(request, user).invitations.staleForm }, { status: 400 });
  }
  switch (post.value.intent) {
    case "confirm":
      if (await confirmBatch(id, user.id)) void startSending(id, context.afterResponse);
      break;
    case "retry":
      if ((await retryFailed(id, user.id)) > 0) void startSending(id, context.afterResponse);
      break;
  }
  // After a post, the page as it now is (a second confirmation changed nothing).
  return redirect(`/admin/invitations/${id}`);
}

const ORDER: RowClassName[] = [
  "NEW",
  "ALREADY_INVITED",
  "DUPLICATE",
  "UNKNOWN_COUNTRY",
  "BAD_ADDRESS",
  "BAD_LANGUAGE",
  "BAD_ROW",
];

/** Failed lines first (a stable sort keeps the others in the file's order). */
const failedFirst = (row: { status: string }) => (row.status === "FAILED" ? 0 : 1);

export default function InvitationBatch() {
  const copy = useCopy().invitations;
  const locale = useLocale();
  const { batch, round } = useLoaderData<typeof loader>();
  const confirmed = batch.status === "CONFIRMED";
  const counts = ORDER.filter((c) => batch.classes[c] > 0).map((c) =>
    copy.classCounts[c]({ n: batch.classes[c] }),
  );
  const news = batch.classes.NEW;
  const newRows = batch.rows.filter((row) => row.classification === "NEW");
  const others = batch.rows.filter((row) => row.classification !== "NEW");
  return (
    <section aria-labelledby="batch-title">
      <p>
        <Link to="/admin/invitations">{copy.backToList}</Link>
      </p>
      <h1 id="batch-title">
        {confirmed
          ? copy.batchTitle({ file: batch.fileName })
          : copy.previewTitle({ file: batch.fileName })}
      </h1>
      <p className="lead">
        {confirmed
          ? copy.inTheFile({ counts: joinClauses(locale, counts) })
          : joinClauses(locale, counts)}
      </p>
      {confirmed ? (
        <BatchProgress progress={batch.progress} />
      ) : (
        <section aria-labelledby="confirm-title" className="prose">
          <h2 id="confirm-title">{copy.confirmTitle}</h2>
          <p>{copy.previewIntro({ lines: batch.rows.length })}</p>
          {news > 0 ? (
            <Form method="post">
              <p className="hint">
                {round.deadline
                  ? copy.sendHint({ round: round.name, deadline: round.deadline })
                  : copy.sendHintNoDeadline({ round: round.name })}
              </p>
              <div className="actions">
                <button type="submit" name="intent" value="confirm">
                  {copy.send({ n: news })}
                </button>
                <Link to="/admin/invitations">{copy.uploadCorrected}</Link>
              </div>
            </Form>
          ) : (
            <p className="notice notice--warning">
              {copy.nothingToSend} <Link to="/admin/invitations">{copy.uploadCorrected}</Link>
            </p>
          )}
        </section>
      )}
      {confirmed ? (
        <>
          <RowsTable
            caption={
              batch.progress.failed > 0
                ? copy.captions.invitationsFailedFirst({ n: news, failed: batch.progress.failed })
                : copy.captions.invitations({ n: news })
            }
            rows={[...newRows].sort((a, b) => failedFirst(a) - failedFirst(b))}
            confirmed
          />
          <RowsTable
            caption={copy.captions.notSent({ n: others.length })}
            rows={others}
            confirmed
          />
        </>
      ) : (
        <>
          <RowsTable
            caption={copy.captions.notToSend({ n: others.length })}
            rows={others}
            confirmed={false}
          />
          <RowsTable caption={copy.captions.toSend({ n: news })} rows={newRows} confirmed={false} />
        </>
      )}
    </section>
  );
}
