import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { AccessFields } from "~/components/access-fields";
import { FormErrors, TextField } from "~/components/forms";
import { useCopy, useLocale } from "~/i18n";
import { languageTag, localeNames, locales } from "~/i18n/locale";
import { copyForRequest } from "~/i18n/request-locale.server";
import { inviteSchema } from "~/models/admin-schemas";
import { currentRoundNow } from "~/models/round.server";
import { AccountError, inviteUser } from "~/models/user.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().admin.inviteTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const copy = copyForRequest(request, user);
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema(copy) });
  if (submission.status !== "success")
    return data({ result: submission.reply(), invited: null }, { status: 400 });
  try {
    // The account, its link and its e-mail are saved together; the e-mail is then sent, or
    // queued for the outbox's sender when the mail server is down (the page says it is sent).
    const invitation = await inviteUser({
      ...submission.value,
      invitedById: user.id,
      invitationEmail: {
        inviterName: user.name ?? user.email,
        // Focal points are invited to answer the current round: the e-mail names it and its deadline.
        round: submission.value.role === "FOCAL_POINT" ? await currentRoundNow() : undefined,
      },
    });
    return { result: submission.reply({ resetForm: true }), invited: invitation.email };
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    return data(
      { result: submission.reply({ formErrors: [copy.admin.hasAccount] }), invited: null },
      { status: 409 },
    );
  }
}

export default function InviteUser() {
  const actionData = useActionData<typeof action>();
  const all = useCopy();
  const copy = all.admin;
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema(all) }),
  });
  return (
    <section className="prose" aria-labelledby="invite-title">
      <h1 id="invite-title">{copy.inviteTitle}</h1>
      {actionData?.invited ? (
        <p className="notice notice--success" role="status">
          {copy.invited({ email: actionData.invited })}
        </p>
      ) : null}
      <p>{copy.inviteIntro}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={copy.email}
          meta={fields.email}
          type="email"
          inputProps={{ autoComplete: "off" }}
        />
        <AccessFields role={fields.role} countries={fields.countries} />
        <div className="field">
          <label htmlFor={fields.locale.id}>{copy.language}</label>
          <p className="hint" id={`${fields.locale.id}-hint`}>
            {copy.languageHint}
          </p>
          <select
            id={fields.locale.id}
            name={fields.locale.name}
            defaultValue={fields.locale.initialValue ?? locale}
            aria-describedby={`${fields.locale.id}-hint`}
          >
            {locales.map((option) => (
              <option key={option} value={option} lang={languageTag(option)}>
                {localeNames[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{copy.sendInvitation}</button>
        </div>
      </Form>
    </section>
  );
}
