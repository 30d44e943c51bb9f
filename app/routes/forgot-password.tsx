import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { forgotPasswordSchema } from "~/auth/schemas";
import { issueToken } from "~/auth/tokens.server";
import { TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { sendPasswordReset } from "~/models/account-emails.server";
import { findActiveUserByEmail } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · MSQ Portal" }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  // The same answer whether or not the address has an account, so the page reveals nothing.
  const user = await findActiveUserByEmail(submission.value.email);
  if (user) {
    const { token, expiresAt } = await issueToken(user.id, "PASSWORD_RESET");
    await sendPasswordReset({ email: user.email, token, expiresAt });
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
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
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
