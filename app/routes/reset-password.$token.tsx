import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { consumeToken, findTokenUser } from "~/auth/tokens.server";
import { NewPasswordFields } from "~/components/forms";
import { useCopy } from "~/i18n";
import { setPassword } from "~/models/user.server";
import { InvalidLinkNotice } from "~/components/invalid-link";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().reset.title);

// Public: the one-time token is the credential.
export async function loader({ params }: LoaderFunctionArgs) {
  const user = await findTokenUser(params.token ?? "", "PASSWORD_RESET");
  return { valid: !!user };
}

// Public: the token is checked again, atomically, as it is used.
export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await findTokenUser(token, "PASSWORD_RESET");
  if (!user) return data({ invalid: true as const }, { status: 410 });
  const submission = parseWithZod(await request.formData(), {
    schema: newPasswordSchema(copyForRequest(request)),
  });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  if (!(await consumeToken(token, "PASSWORD_RESET")))
    return data({ invalid: true as const }, { status: 410 });
  // Every other session ends with the old password; this browser gets a new one.
  await setPassword(user.id, submission.value.password, { pageLocale: localeFor(request) });
  return redirect("/countries", { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useCopy();
  const lastResult = actionData && !("invalid" in actionData) ? actionData : undefined;
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema(copy) }),
  });
  if (!valid || (actionData && "invalid" in actionData)) {
    return <InvalidLinkNotice />;
  }
  return (
    <section className="prose" aria-labelledby="reset-title">
      <h1 id="reset-title">{copy.reset.title}</h1>
      <Form method="post" {...getFormProps(form)}>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div className="actions">
          <button type="submit">{copy.reset.submit}</button>
        </div>
      </Form>
    </section>
  );
}
