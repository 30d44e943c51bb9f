import { secureCookies } from "~/env.server";
import { copyFor } from "./catalogues.server";
import type { Copy } from "./copy";
import { isLocale, localeFromAcceptLanguage, type Locale } from "./locale";

// Which language a request is answered in: the signed-in user's saved choice, else the one a
// link names (`?lang=ru`: an e-mail's link opens its page in the e-mail's language, before the
// person has signed in), else the choice this browser made (a cookie, so it holds before
// signing in too), else the browser's Accept-Language, else English.

const COOKIE = "msq_lang";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function cookieLocale(request: Request): Locale | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === COOKIE && isLocale(value)) return value;
  }
  return null;
}

export function localeFor(request: Request, user?: { locale: string | null } | null): Locale {
  if (user && isLocale(user.locale)) return user.locale;
  const linked = new URL(request.url).searchParams.get("lang");
  if (isLocale(linked)) return linked;
  return cookieLocale(request) ?? localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

/** The Set-Cookie value that remembers `locale` in this browser for a year. */
export function languageCookie(locale: Locale): string {
  return `${COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax; HttpOnly${secureCookies ? "; Secure" : ""}`;
}

/** The copy a request is answered in (see localeFor). */
export function copyForRequest(request: Request, user?: { locale: string | null } | null): Copy {
  return copyFor(localeFor(request, user));
}
