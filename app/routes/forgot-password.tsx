import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { forgotPasswordSchema } from "~/auth/schemas";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { FormErrors, TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().forgot.title);

// Public: anyone may ask for a reset link; every address gets the same answer, in the same time.
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), {
    schema: forgotPasswordSchema(copyForRequest(request)),
  });
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  // The same answer, in the same time, whether or not the address has an account.
  const reset = await requestPasswordReset({
    email: submission.value.email,
    clientAddress: context.clientAddress ?? "unknown",
    pageLocale: localeFor(request),
    afterResponse: context.afterResponse,
  });
  if (!reset.ok) {
    const minutes = Math.ceil(reset.retryAfterMs / 60_000);
    return data(
      {
        result: submission.reply({
          formErrors: [copyForRequest(request).forgot.rateLimited({ minutes })],
        }),
        sent: false,
      },
      { status: 429 },
    );
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const copy = useCopy();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema(copy) }),
  });
  return (
    <section className="prose" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{copy.forgot.title}</h1>
      {actionData?.sent ? (
        <p className="notice notice--success" role="status">
          {copy.forgot.sent}
        </p>
      ) : null}
      <p>{copy.forgot.intro}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={copy.signIn.email}
          meta={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <div className="actions">
          <button type="submit">{copy.forgot.submit}</button>
        </div>
      </Form>
    </section>
  );
}
