import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { AccessFields } from "~/components/access-fields";
import { TokenTable } from "~/components/api-tokens";
import { FormErrors } from "~/components/forms";
import { useCopy } from "~/i18n";
import type { Copy } from "~/i18n/copy";
import { copyForRequest } from "~/i18n/request-locale.server";
import { accessSchema } from "~/models/admin-schemas";
import { revokeTokenFromForm, tokenRows } from "~/models/api-token-page.server";
import { resetSecondFactor } from "~/models/second-factor.server";
import {
  AccountError,
  getUser,
  inviteUser,
  setUserActive,
  updateUserAccess,
} from "~/models/user.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().admin.usersTitle);

async function findUserOr404(userId: string | undefined) {
  const user = await getUser(userId ?? "");
  if (!user) throw new Response("Not found", { status: 404 });
  return user;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const { passwordHash, countries, totpEnabledAt, ...user } = await findUserOr404(params.userId);
  return {
    user: {
      ...user,
      pending: !passwordHash,
      secondFactor: totpEnabledAt !== null,
      countries: countries.map((c) => c.countryCode),
    },
    // Anyone's personal access tokens, to revoke one (a lost laptop, someone who left).
    tokens: await tokenRows(user.id),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user: admin } = await requireAdmin(request, context);
  const copy = copyForRequest(request, admin);
  const user = await findUserOr404(params.userId);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "deactivate":
    case "reactivate": {
      if (user.id === admin.id)
        return data({ result: null, message: copy.admin.cannotChangeSelf }, { status: 400 });
      await setUserActive(user.id, formData.get("intent") === "reactivate", admin.id);
      return { result: null, message: copy.admin.saved };
    }
    case "resend":
      return resendInvitation(user, admin, copy);
    case "revoke-token": {
      const revoked = await revokeTokenFromForm(admin.id, user.id, formData, copy);
      return data({ result: null, message: revoked.data.message }, revoked.init ?? undefined);
    }
    case "reset_second_factor": {
      const reset = await resetSecondFactor(admin, user.id);
      if (!reset) return { result: null, message: copy.secondFactor.off };
      return { result: null, message: copy.secondFactor.adminResetDone({ email: reset.email }) };
    }
    default: {
      const submission = parseWithZod(formData, { schema: accessSchema(copy) });
      if (submission.status !== "success")
        return data({ result: submission.reply(), message: null }, { status: 400 });
      await updateUserAccess(user.id, submission.value, admin.id);
      return { result: submission.reply(), message: copy.admin.saved };
    }
  }
}

/** A new invitation link, the old one void; refused if the person has set a password since. */
async function resendInvitation(
  user: Awaited<ReturnType<typeof findUserOr404>>,
  admin: { id: string; name: string | null; email: string },
  copy: Copy,
) {
  const invitation = await inviteUser({
    email: user.email,
    role: user.role,
    countries: user.countries.map((c) => c.countryCode),
    invitedById: admin.id,
    invitationEmail: { inviterName: admin.name ?? admin.email },
  }).catch((error: unknown) => {
    if (error instanceof AccountError) return error;
    throw error;
  });
  if (invitation instanceof AccountError)
    return data({ result: null, message: copy.admin.hasAccount }, { status: 409 });
  return { result: null, message: copy.admin.invited({ email: user.email }) };
}

export default function EditUser() {
  const { user, tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const all = useCopy();
  const copy = all.admin;
  const [form, fields] = useForm({
    id: "access",
    lastResult: actionData?.result,
    defaultValue: { role: user.role, countries: user.countries },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accessSchema(all) }),
  });
  return (
    <section className="prose" aria-labelledby="user-title">
      <h1 id="user-title">{copy.editTitle({ who: user.name ?? user.email })}</h1>
      <p>
        {user.email} · {!user.active ? copy.inactive : user.pending ? copy.pending : copy.active}
      </p>
      {actionData?.message ? (
        <p className="notice" role="status">
          {actionData.message}
        </p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <AccessFields role={fields.role} countries={fields.countries} />
        <div className="actions">
          <button type="submit" name="intent" value="access">
            {copy.saveAccess}
          </button>
        </div>
      </Form>
      <p>
        {all.secondFactor.adminUserStatus}:{" "}
        {user.secondFactor ? all.secondFactor.on : all.secondFactor.off}
      </p>
      {user.secondFactor ? (
        <Form method="post">
          <p className="hint">{all.secondFactor.adminResetHint}</p>
          <button type="submit" name="intent" value="reset_second_factor" className="secondary">
            {all.secondFactor.adminReset}
          </button>
        </Form>
      ) : null}
      {user.pending && user.active ? (
        <Form method="post">
          <p className="hint">{copy.resendHint}</p>
          <button type="submit" name="intent" value="resend" className="secondary">
            {copy.resend}
          </button>
        </Form>
      ) : null}
      {tokens.length > 0 ? (
        <section aria-labelledby="tokens-title">
          <h2 id="tokens-title">{all.apiTokens.title}</h2>
          <TokenTable tokens={tokens} />
        </section>
      ) : null}
      <Form method="post">
        {user.active ? <p className="hint">{copy.deactivateHint}</p> : null}
        <button
          type="submit"
          name="intent"
          value={user.active ? "deactivate" : "reactivate"}
          className="secondary"
        >
          {user.active ? copy.deactivate : copy.reactivate}
        </button>
      </Form>
    </section>
  );
}
