import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalUser } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { isLocale } from "~/i18n/locale";
import { languageCookie } from "~/i18n/request-locale.server";
import { saveLocale } from "~/models/user.server";

// Public: anyone may choose the language of the pages; a signed-in user's choice is also saved
// to their account, so e-mails follow it. A plain form post from every page's header (works
// without JavaScript), answered by a redirect back to the page.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request, context);
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  if (user) await saveLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": languageCookie(locale) } });
}

// Public: a GET (a bookmarked or typed address) has nothing to show.
export function loader() {
  return redirect("/");
}
