import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { getOptionalUser } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { signInSchema } from "~/auth/schemas";
import { signIn } from "~/auth/sign-in.server";
import { FormErrors, TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { isLocale } from "~/i18n/locale";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest, languageCookie } from "~/i18n/request-locale.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().signIn.title);

// Public: the sign-in page itself.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user)
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/countries"));
  return null;
}

// Public: signing in (throttled per address and per client).
export async function action({ request, context }: ActionFunctionArgs) {
  const copy = copyForRequest(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema(copy) });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn({
    email,
    password,
    clientAddress: context.clientAddress ?? "unknown",
  });
  if (!result.ok) {
    const message =
      result.reason === "rate_limited"
        ? copy.signIn.rateLimited({ minutes: Math.ceil(result.retryAfterMs / 60_000) })
        : copy.signIn.invalid;
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "rate_limited" ? 429 : 400,
    });
  }
  // The account's saved language comes back to this browser (the page reloads in it).
  const headers = new Headers({ "Set-Cookie": result.cookie });
  if (isLocale(result.locale)) headers.append("Set-Cookie", languageCookie(result.locale));
  const next = safeRedirect(redirectTo, "/countries");
  if (result.secondStep)
    return redirect(`/sign-in/code?${new URLSearchParams({ redirectTo: next })}`, { headers });
  return redirect(next, { headers });
}

export default function SignIn() {
  const all = useCopy();
  const copy = all.signIn;
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema(all) }),
  });
  return (
    <section className="prose" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{copy.title}</h1>
      <p>{copy.intro}</p>
      {/* Set by a form posted after the session ended (auth/pending-input.server.ts). */}
      {searchParams.get("input") === "kept" ? (
        <p className="notice notice--warning" role="status">
          {copy.inputKept}
        </p>
      ) : searchParams.get("input") === "lost" ? (
        <p className="notice notice--error" role="alert">
          {copy.inputLost}
        </p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={copy.email}
          meta={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <TextField
          label={copy.password}
          meta={fields.password}
          type="password"
          inputProps={{ autoComplete: "current-password" }}
        />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {copy.submit}
          </button>
          <Link to="/forgot-password">{copy.forgot}</Link>
        </div>
      </Form>
    </section>
  );
}
