import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { CLEAR_SITE_STORAGE } from "~/components/questionnaire/local-backup";

// Signing out is a POST (a link could be triggered by another site); a GET just goes home.
// Clear-Site-Data empties this site's storage in the browser, where autosave keeps unsaved
// changes (local-backup.ts): the next person on this computer finds none of them.
// Public: a GET only goes home.
export async function loader() {
  return redirect("/");
}

// Public: signing out ends whatever session the request carries, if any.
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", {
    headers: { "Set-Cookie": await endSession(request), ...CLEAR_SITE_STORAGE },
  });
}
