import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { blankSessionCookie, endAllSessions } from "~/auth/session.server";
import { CLEAR_SITE_STORAGE } from "~/components/questionnaire/local-backup";
import { byCountryName, countryName } from "~/countries";
import { useCopy } from "~/i18n";
import { joinClauses } from "~/i18n/copy";
import { localeFor } from "~/i18n/request-locale.server";
import { logEvent } from "~/models/event.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().account.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const locale = localeFor(request, user);
  const names = [...user.countries].sort(byCountryName(locale)).map((c) => countryName(c, locale));
  return { user, countries: names.length ? joinClauses(locale, names) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  await endAllSessions(user.id);
  await logEvent({ kind: "user.signed_out_everywhere", actorId: user.id, subjectId: user.id });
  // Signed out here too: this browser's unsaved changes go (local-backup.ts).
  return redirect("/sign-in", {
    headers: { "Set-Cookie": blankSessionCookie(), ...CLEAR_SITE_STORAGE },
  });
}

export default function Account() {
  const { user, countries } = useLoaderData<typeof loader>();
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
        <button type="submit" className="secondary">
          {copy.account.signOutEverywhere}
        </button>
      </Form>
    </section>
  );
}
