import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { enrolmentSchema } from "~/auth/schemas";
import { endSessionById, startSession } from "~/auth/session.server";
import { newEnrolment, reopenEnrolment, type Enrolment } from "~/auth/totp.server";
import { FormErrors, TextField } from "~/components/forms";
import { useCopy } from "~/i18n";
import { formatDay } from "~/i18n/dates";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import {
  enrolSecondFactor,
  secondFactorStatus,
  turnOffSecondFactor,
} from "~/models/second-factor.server";
import { readStaffSecondFactor } from "~/models/settings.server";

// The account's second factor: set up an authenticator app (QR code and key, confirmed by a
// first code), see how many recovery codes are left, set up a new app, or turn it off. Staff
// who must have one are sent here before anything else (requireUser), and may not turn it off.

export const meta: MetaFunction = () => pageTitle(pageCopy().secondFactor.title);

async function mustKeep(user: { role: string }) {
  return user.role !== "FOCAL_POINT" && (await readStaffSecondFactor());
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, enrolmentNeeded } = await requireUser(request, context, { enrolling: true });
  const status = await secondFactorStatus(user.id);
  const again = new URL(request.url).searchParams.get("again") === "1";
  const locale = localeFor(request, user);
  return {
    enrolledSince: status.enabledAt ? formatDay(status.enabledAt.toISOString(), locale) : null,
    recoveryLeft: status.recoveryLeft,
    enrolment: !status.enabledAt || again ? newEnrolment(user) : null,
    enrolmentNeeded,
    mustKeep: await mustKeep(user),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireUser(request, context, { enrolling: true });
  const copy = copyForRequest(request, user);
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    if (await mustKeep(user))
      return data({ kind: "refused" as const, message: copy.secondFactor.removeRefused }, 409);
    await turnOffSecondFactor(user.id);
    return redirect("/account/second-factor?removed=1");
  }
  const submission = parseWithZod(formData, { schema: enrolmentSchema(copy) });
  const sealed = String(formData.get("sealed") ?? "");
  const again = (problem: string | null) => {
    const enrolment = reopenEnrolment(user, sealed);
    return data(
      {
        kind: "enrolment" as const,
        result: submission.reply({
          formErrors: problem ? [problem] : undefined,
          hideFields: ["code"],
        }),
        // A tampered or foreign form: start again with a new secret.
        enrolment: enrolment ?? newEnrolment(user),
      },
      400,
    );
  };
  if (submission.status !== "success") return again(null);
  const result = await enrolSecondFactor(user, submission.value.sealed, submission.value.code);
  if (!result.ok)
    return again(
      result.reason === "form" ? copy.secondFactor.formExpired : copy.secondFactor.codeInvalid,
    );
  // This session has just shown the app's code: it stays signed in, under a new id.
  await endSessionById(sessionId);
  const cookie = await startSession(user.id, { secondFactorAt: new Date() });
  return data(
    {
      kind: "codes" as const,
      codes: result.recoveryCodes,
      next: safeRedirect(submission.value.redirectTo, "/account"),
    },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function SecondFactor() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useCopy().secondFactor;
  const [searchParams] = useSearchParams();
  if (actionData?.kind === "codes")
    return <RecoveryCodes codes={actionData.codes} next={actionData.next} />;
  const enrolment = actionData?.kind === "enrolment" ? actionData.enrolment : page.enrolment;
  const recovered = searchParams.get("recovered");
  return (
    <section className="prose" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title">{copy.title}</h1>
      {page.enrolmentNeeded ? (
        <p className="notice notice--warning" role="status">
          {copy.requiredNotice}
        </p>
      ) : null}
      {recovered !== null ? (
        <p className="notice notice--warning" role="status">
          {copy.recoveryUsed({ left: Number(recovered) || 0 })}
        </p>
      ) : null}
      {searchParams.get("removed") ? (
        <p className="notice" role="status">
          {copy.removed}
        </p>
      ) : null}
      {actionData?.kind === "refused" ? (
        <p className="notice notice--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      <p>{copy.intro}</p>
      {page.enrolledSince ? (
        <>
          <p>
            <strong>{copy.enrolledSince({ date: page.enrolledSince })}</strong>{" "}
            {copy.recoveryLeft({ left: page.recoveryLeft })}
          </p>
          {!enrolment ? (
            <>
              <p className="hint">{copy.setUpAgainHint}</p>
              <p>
                <Link to="?again=1">{copy.setUpAgain}</Link>
              </p>
              {page.mustKeep ? null : (
                <Form method="post">
                  <p className="hint">{copy.removeHint}</p>
                  <button type="submit" name="intent" value="remove" className="secondary">
                    {copy.remove}
                  </button>
                </Form>
              )}
            </>
          ) : null}
        </>
      ) : (
        <p>{copy.notEnrolled}</p>
      )}
      {enrolment ? (
        <EnrolmentForm
          enrolment={enrolment}
          lastResult={actionData?.kind === "enrolment" ? actionData.result : undefined}
          redirectTo={searchParams.get("redirectTo") ?? ""}
        />
      ) : null}
    </section>
  );
}

function EnrolmentForm(props: {
  enrolment: Enrolment;
  lastResult: SubmissionResult<string[]> | undefined;
  redirectTo: string;
}) {
  const all = useCopy();
  const copy = all.secondFactor;
  const [form, fields] = useForm({
    id: "enrolment",
    lastResult: props.lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enrolmentSchema(all) }),
  });
  return (
    <>
      <p>{copy.stepScan}</p>
      {/* uqr's SVG: made from our own otpauth:// URI, no text anyone typed. */}
      <div
        className="qr-code"
        role="img"
        aria-label={copy.qrLabel}
        dangerouslySetInnerHTML={{ __html: props.enrolment.qrSvg }}
      />
      <p>{copy.stepType}</p>
      <p>
        <code className="secret-key" dir="ltr">
          {props.enrolment.secretText}
        </code>
      </p>
      <p>{copy.stepConfirm}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="sealed" value={props.enrolment.sealed} />
        <input type="hidden" name="redirectTo" value={props.redirectTo} />
        <TextField
          label={copy.code}
          meta={fields.code}
          inputProps={{
            autoComplete: "one-time-code",
            inputMode: "numeric",
            dir: "ltr",
            className: "input--code",
          }}
        />
        <div className="actions">
          <button type="submit" name="intent" value="enrol">
            {copy.confirm}
          </button>
        </div>
      </Form>
    </>
  );
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const copy = useCopy().secondFactor;
  return (
    <section className="prose" aria-labelledby="codes-title">
      <h1 id="codes-title">{copy.codesTitle}</h1>
      <p className="notice" role="status">
        {copy.codesIntro}
      </p>
      <ol className="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link className="button" to={next}>
          {copy.codesDone}
        </Link>
      </p>
    </section>
  );
}
