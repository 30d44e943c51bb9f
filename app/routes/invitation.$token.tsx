import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { acceptInvitationSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { consumeToken, findTokenUser } from "~/auth/tokens.server";
import { NewPasswordFields, TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { setPassword } from "~/models/user.server";
import { InvalidLinkNotice } from "~/components/invalid-link";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().invitation.title);

// Public: the one-time token is the credential. It is checked in the loader and again,
// atomically, when used.
export async function loader({ params }: LoaderFunctionArgs) {
  const user = await findTokenUser(params.token ?? "", "INVITATION");
  return { email: user?.email ?? null, name: user?.name ?? "" };
}

// Public: the token is checked again, atomically, as it is used.
export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await findTokenUser(token, "INVITATION");
  if (!user) return data({ invalid: true as const }, { status: 410 });
  const submission = parseWithZod(await request.formData(), {
    schema: acceptInvitationSchema(copyForRequest(request)),
  });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  if (!(await consumeToken(token, "INVITATION")))
    return data({ invalid: true as const }, { status: 410 });
  await setPassword(user.id, submission.value.password, {
    name: submission.value.name,
    pageLocale: localeFor(request),
  });
  return redirect("/countries", { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function AcceptInvitation() {
  const { email, name } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useCopy();
  const lastResult = actionData && !("invalid" in actionData) ? actionData : undefined;
  const [form, fields] = useForm({
    id: "invitation",
    lastResult,
    defaultValue: { name },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema(copy) }),
  });
  if (!email || (actionData && "invalid" in actionData)) {
    return <InvalidLinkNotice />;
  }
  return (
    <section className="prose" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{copy.invitation.title}</h1>
      <p>{copy.invitation.intro({ email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={copy.invitation.name}
          meta={fields.name}
          inputProps={{ autoComplete: "name" }}
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div className="actions">
          <button type="submit">{copy.invitation.submit}</button>
        </div>
      </Form>
    </section>
  );
}
