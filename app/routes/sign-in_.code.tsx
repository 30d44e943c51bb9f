import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireSecondStep } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { secondStepSchema } from "~/auth/schemas";
import { passSecondStep } from "~/auth/second-step.server";
import { FormErrors, TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest } from "~/i18n/request-locale.server";

// The second step of signing in: the authenticator app's code, or a recovery code. Only a
// session that has passed the password reaches it (requireSecondStep).

export const meta: MetaFunction = () => pageTitle(pageCopy().secondFactor.codeTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecondStep(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSecondStep(request, context);
  const copy = copyForRequest(request);
  const submission = parseWithZod(await request.formData(), { schema: secondStepSchema(copy) });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const result = await passSecondStep({
    userId: user.id,
    sessionId,
    code: submission.value.code,
    clientAddress: context.clientAddress ?? "unknown",
  });
  if (!result.ok) {
    const message =
      result.reason === "rate_limited"
        ? copy.secondFactor.rateLimited({ minutes: Math.ceil(result.retryAfterMs / 60_000) })
        : copy.secondFactor.codeInvalid;
    return data(submission.reply({ formErrors: [message], hideFields: ["code"] }), {
      status: result.reason === "rate_limited" ? 429 : 400,
    });
  }
  const next = safeRedirect(submission.value.redirectTo, "/countries");
  // After a recovery code, the account page says how many are left.
  const to =
    result.method === "recovery_code"
      ? `/account/second-factor?${new URLSearchParams({ recovered: String(result.recoveryCodesLeft), redirectTo: next })}`
      : next;
  return redirect(to, { headers: { "Set-Cookie": result.cookie } });
}

export default function SecondStep() {
  const all = useCopy();
  const copy = all.secondFactor;
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "second-step",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondStepSchema(all) }),
  });
  return (
    <section className="prose" aria-labelledby="second-step-title">
      <h1 id="second-step-title">{copy.codeTitle}</h1>
      <p>{copy.codeIntro}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={copy.code}
          hint={copy.codeHint}
          meta={fields.code}
          inputProps={{
            autoComplete: "one-time-code",
            dir: "ltr",
            autoCapitalize: "none",
            spellCheck: false,
            className: "input--code",
          }}
        />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {copy.verify}
          </button>
        </div>
      </Form>
      <Form method="post" action="/sign-out">
        <button type="submit" className="link">
          {copy.cancel}
        </button>
      </Form>
    </section>
  );
}
