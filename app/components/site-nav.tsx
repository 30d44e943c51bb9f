import { Form, Link } from "@remix-run/react";
import { clearLocalBackups } from "~/components/questionnaire/local-backup";
import type { Role } from "~/generated/prisma/enums";
import { useCopy } from "~/i18n";

export function SiteNav({ user }: { user: { name: string; role: Role } | null }) {
  const all = useCopy();
  const copy = all.nav;
  return (
    <nav className="site-nav" aria-label={copy.label}>
      {user ? (
        <>
          {user.role === "FOCAL_POINT" ? (
            <Link to="/countries">{copy.countries}</Link>
          ) : (
            <>
              <Link to="/review">{copy.review}</Link>
              <Link to="/review/results">{all.results.nav}</Link>
            </>
          )}
          {user.role === "ADMIN" ? <Link to="/admin/users">{copy.users}</Link> : null}
          {user.role === "ADMIN" ? <Link to="/admin/rounds">{copy.rounds}</Link> : null}
          {user.role === "ADMIN" ? <Link to="/admin/invitations">{copy.invitations}</Link> : null}
          {user.role === "ADMIN" ? <Link to="/admin/emails">{copy.emails}</Link> : null}
          <Link to="/account" title={copy.signedInAs({ name: user.name })}>
            {copy.account}
          </Link>
          {/* Unsaved changes kept in this browser go with the session (local-backup.ts). */}
          <Form method="post" action="/sign-out" onSubmit={clearLocalBackups}>
            <button type="submit" className="link">
              {copy.signOut}
            </button>
          </Form>
        </>
      ) : (
        <Link to="/sign-in">{copy.signIn}</Link>
      )}
    </nav>
  );
}
