import { useCopy } from "~/i18n";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { ErrorList, FileField, FormErrors } from "~/components/forms";
import { Confirm, isForceable, Outcome, Preview } from "~/components/imports/import-results";
import { readableRounds } from "~/models/round.server";
import { confirm, roundQuestionnaire, upload } from "./import.server";
import { confirmSchema, uploadSchema } from "./schemas";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyFor } from "~/i18n/catalogues.server";
import { localeFor } from "~/i18n/request-locale.server";

// Administrators import a questionnaire (Word, PDF or converted text) or a JSON export from the
// browser, in two
// steps: the upload is read and shown (nothing written), then confirmed. Between the two the
// file stays on the server (import-upload.server.ts) and only its hash goes through the page;
// confirming files it with the same functions as `npm run import:msq`. Both steps parse the file
// in a worker thread with a time budget (parse-off-thread.server.ts): a slow file is refused and
// never holds up the other requests.

export const meta: MetaFunction = () => pageTitle(pageCopy().imports.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const [questionnaire, rounds] = await Promise.all([roundQuestionnaire(), readableRounds()]);
  return { questionnaire: questionnaire!, rounds: rounds.map((r) => ({ id: r.id, name: r.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const locale = localeFor(request, user);
  const all = copyFor(locale);
  const copy = all.imports;
  // Step 1 uploads the file (multipart); step 2 names the kept upload.
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return upload(request, { force: false, actorId: user.id, copy: all, locale });
  const post = parseWithZod(await request.formData(), { schema: confirmSchema });
  if (post.status !== "success")
    return data({ step: "gone" as const, problem: copy.uploadGone }, { status: 400 });
  const questionnaire = await roundQuestionnaire(post.value.round);
  if (!questionnaire)
    return data({ step: "gone" as const, problem: copy.unknownRound }, { status: 400 });
  return confirm(post.value.upload, {
    questionnaire,
    force: post.value.force === "on",
    actorId: user.id,
    copy: all,
    locale,
  });
}

export default function AdminImports() {
  const all = useCopy();
  const copy = all.imports;
  const { questionnaire: current, rounds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "upload",
    lastResult: result && "result" in result ? result.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema(all) }),
  });
  const shown = result?.step === "preview" || result?.step === "done";
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{copy.title}</h1>
      <p className="lead">{copy.intro}</p>
      {result?.step === "gone" ? (
        <p className="notice notice--error" role="alert">
          {result.problem}
        </p>
      ) : null}
      {result?.step === "done" ? <Outcome items={result.items} /> : null}
      {result?.step === "preview" ? (
        <Preview
          name={result.upload.name}
          items={result.items}
          questionnaire={result.questionnaire}
        />
      ) : null}
      {result?.step === "preview" || (result?.step === "done" && result.items.some(isForceable)) ? (
        <Confirm
          hash={result.upload.hash}
          round={"round" in result ? result.round : current.round}
          items={result.items}
        />
      ) : null}

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{shown ? copy.uploadAnotherTitle : copy.uploadTitle}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          {rounds.length > 1 ? (
            <div className="field">
              <label htmlFor={fields.round.id}>{copy.round}</label>
              <p className="hint" id={`${fields.round.id}-hint`}>
                {copy.roundHint}
              </p>
              <ErrorList id={fields.round.errorId} errors={fields.round.errors} />
              <select
                id={fields.round.id}
                name={fields.round.name}
                defaultValue={current.round}
                aria-describedby={`${fields.round.id}-hint`}
              >
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <FileField
            label={copy.file}
            hint={copy.fileHint}
            meta={fields.file}
            accept=".docx,.pdf,.txt,.md,.json,application/pdf,text/plain,text/markdown,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
          <div className="actions">
            <button type="submit">{copy.read}</button>
          </div>
        </Form>
      </section>
    </section>
  );
}
