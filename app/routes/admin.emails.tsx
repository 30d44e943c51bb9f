import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { LocalTime } from "~/components/time";
import { prisma } from "~/db.server";
import { pokeEmailSender, retryEmail } from "~/email/outbox-sender.server";
import type { EmailKind } from "~/email/outbox.server";
import { useCopy } from "~/i18n";
import { copyForRequest } from "~/i18n/request-locale.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// The e-mail outbox as administrators see it: what was sent, what waits for another attempt,
// and what failed (why), with a Retry for a failed one (docs/decisions/022-durable-email-outbox.md).

export const meta: MetaFunction = () => pageTitle(pageCopy().outbox.title);

const PAGE = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const emails = await prisma.outboundEmail.findMany({
    select: {
      id: true,
      kind: true,
      recipients: true,
      subject: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: PAGE,
  });
  return {
    emails: emails.map((e) => ({
      ...e,
      nextAttemptAt: e.status === "PENDING" ? e.nextAttemptAt.toISOString() : null,
      sentAt: e.sentAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const copy = copyForRequest(request, user).outbox;
  const id = String((await request.formData()).get("id") ?? "");
  if (!(await retryEmail(id))) return data({ message: copy.notFailed }, { status: 409 });
  void pokeEmailSender();
  return { message: copy.retried };
}

export default function AdminEmails() {
  const { emails } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const copy = useCopy().outbox;
  const statusLabel = { PENDING: copy.pending, SENT: copy.sent, FAILED: copy.failed };
  return (
    <section aria-labelledby="emails-title">
      <h1 id="emails-title">{copy.title}</h1>
      <p>{copy.intro}</p>
      {done ? (
        <p className="notice" role="status">
          {done.message}
        </p>
      ) : null}
      {emails.length === 0 ? (
        <p>{copy.empty}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{copy.created}</th>
                <th scope="col">{copy.kind}</th>
                <th scope="col">{copy.recipient}</th>
                <th scope="col">{copy.subject}</th>
                <th scope="col">{copy.status}</th>
                <th scope="col">{copy.attempts}</th>
                <th scope="col">{copy.nextAttempt}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} data-email-status={email.status}>
                  <td>
                    <LocalTime iso={email.createdAt} withDate />
                  </td>
                  <td>{copy.kinds[email.kind as EmailKind] ?? email.kind}</td>
                  <td>{email.recipients}</td>
                  <td>{email.subject}</td>
                  <td>
                    {statusLabel[email.status]}
                    {email.sentAt ? (
                      <>
                        {" "}
                        <LocalTime iso={email.sentAt} withDate />
                      </>
                    ) : null}
                    {email.lastError && email.status !== "SENT" ? (
                      <p className="hint">{email.lastError}</p>
                    ) : null}
                    {email.status === "FAILED" ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={email.id} />
                        <button type="submit">{copy.retry}</button>
                      </Form>
                    ) : null}
                  </td>
                  <td>{email.attempts}</td>
                  <td>
                    {email.nextAttemptAt ? <LocalTime iso={email.nextAttemptAt} withDate /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
