import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { FileField, FormErrors } from "~/components/forms";
import { BatchList, CsvFormat } from "~/components/invitations/batch-list";
import { useCopy } from "~/i18n";
import { localeFor } from "~/i18n/request-locale.server";
import { copyFor } from "~/i18n/catalogues.server";
import { isUnfinished, listBatches } from "~/invitations/batches.server";
import { isSending, startSending } from "~/invitations/send-batch.server";
import { uploadSchema } from "./schemas";
import { upload } from "./upload.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// Administrators invite focal points in bulk: upload a CSV (this page), check the preview and
// confirm (the batch's page, admin.invitations.$batchId), follow the sending there. The list
// below the form gives every earlier file with its counts; opening it also restarts the sending
// of a batch a stopped server left unfinished (send-batch.server.ts).

export const meta: MetaFunction = () => pageTitle(pageCopy().invitations.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const batches = await listBatches();
  for (const batch of batches) {
    if (batch.status === "CONFIRMED" && isUnfinished(batch.progress) && !isSending(batch.id))
      void startSending(batch.id, context.afterResponse);
  }
  return { batches };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const locale = localeFor(request, user);
  return upload(request, user.id, { locale, copy: copyFor(locale) });
}

export default function AdminInvitations() {
  const { batches } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const all = useCopy();
  const copy = all.invitations;
  const [form, fields] = useForm({
    id: "invitations-upload",
    lastResult: result?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema(all) }),
  });
  return (
    <section aria-labelledby="invitations-title">
      <h1 id="invitations-title">{copy.title}</h1>
      <p className="lead prose">{copy.intro}</p>

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{copy.uploadTitle}</h2>
        <CsvFormat />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <FileField
            label={copy.file}
            hint={copy.fileHint}
            meta={fields.file}
            accept=".csv,text/csv"
          />
          <div className="actions">
            <button type="submit">{copy.read}</button>
          </div>
        </Form>
      </section>

      <BatchList batches={batches} />
    </section>
  );
}
