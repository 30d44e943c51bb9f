import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { mayHaveTokens, TOKEN_ROLES } from "~/api/tokens.server";
import { requireRole, requireUser } from "~/auth/guards.server";
import { ApiGuideLink, CreateTokenForm, NewToken, TokenTable } from "~/components/api-tokens";
import { blankSessionCookie, endAllSessions } from "~/auth/session.server";
import { CLEAR_SITE_STORAGE } from "~/components/questionnaire/local-backup";
import { byCountryName, countryName } from "~/countries";
import { useCopy } from "~/i18n";
import { joinClauses } from "~/i18n/copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import {
  createTokenFromForm,
  revokeTokenFromForm,
  tokenRows,
} from "~/models/api-token-page.server";
import { logEvent } from "~/models/event.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().account.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const locale = localeFor(request, user);
  const names = [...user.countries].sort(byCountryName(locale)).map((c) => countryName(c, locale));
  return {
    user,
    countries: names.length ? joinClauses(locale, names) : null,
    // Personal access tokens for the read API: UN DESA staff only (focal points have none).
    tokens: mayHaveTokens(user.role) ? await tokenRows(user.id) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "sign-out-everywhere": {
      await endAllSessions(user.id);
      await logEvent({ kind: "user.signed_out_everywhere", actorId: user.id, subjectId: user.id });
      // Signed out here too: this browser's unsaved changes go (local-backup.ts).
      return redirect("/sign-in", {
        headers: { "Set-Cookie": blankSessionCookie(), ...CLEAR_SITE_STORAGE },
      });
    }
    case "create-token": {
      // Refused to focal points here, whatever the page showed them (403, in the event log).
      const staff = await requireRole(request, context, TOKEN_ROLES);
      return createTokenFromForm(staff.user, formData, copyForRequest(request, staff.user));
    }
    case "revoke-token": {
      const staff = await requireRole(request, context, TOKEN_ROLES);
      const copy = copyForRequest(request, staff.user);
      return revokeTokenFromForm(staff.user.id, staff.user.id, formData, copy);
    }
    default:
      return data({ kind: "unknown" as const, message: null }, 400);
  }
}

export default function Account() {
  const { user, countries, tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useCopy();
  return (
    <section className="prose" aria-labelledby="account-title">
      <h1 id="account-title">{copy.account.title}</h1>
      <dl>
        <dt>{copy.invitation.name}</dt>
        <dd>{user.name ?? "—"}</dd>
        <dt>{copy.signIn.email}</dt>
        <dd>{user.email}</dd>
        <dt>{copy.admin.role}</dt>
        <dd>{copy.roles[user.role]}</dd>
        {countries ? (
          <>
            <dt>{copy.admin.countries}</dt>
            <dd>{countries}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to="/account/second-factor">{copy.secondFactor.accountLink}</Link>:{" "}
        {user.secondFactor ? copy.secondFactor.on : copy.secondFactor.off}
      </p>
      <p>
        <Link to="/forgot-password">{copy.signIn.forgot}</Link>
      </p>
      <Form method="post">
        <p className="hint">{copy.account.signOutEverywhereHint}</p>
        <button type="submit" name="intent" value="sign-out-everywhere" className="secondary">
          {copy.account.signOutEverywhere}
        </button>
      </Form>
      {tokens ? (
        <section aria-labelledby="tokens-title">
          <h2 id="tokens-title">{copy.apiTokens.title}</h2>
          <p>{copy.apiTokens.intro}</p>
          <ApiGuideLink />
          {actionData && "message" in actionData && actionData.message ? (
            <p className="notice" role="status">
              {actionData.message}
            </p>
          ) : null}
          {actionData?.kind === "created" ? (
            <NewToken name={actionData.name} secret={actionData.secret} />
          ) : null}
          <TokenTable tokens={tokens} />
          <CreateTokenForm
            lastResult={
              actionData?.kind === "create" || actionData?.kind === "created"
                ? actionData.result
                : undefined
            }
          />
        </section>
      ) : null}
    </section>
  );
}
