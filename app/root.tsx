import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getOptionalUser } from "~/auth/guards.server";
import { SiteNav } from "~/components/site-nav";
import { env } from "~/env.server";
import { LanguageSwitcher } from "~/components/language-switcher";
import { useCatalogueUrl, useCopy, useLocale } from "~/i18n";
import { directionOf, languageTag } from "~/i18n/locale";
import { localeFor } from "~/i18n/request-locale.server";
import { useNonce } from "~/nonce";
import stylesHref from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "MSQ Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  return {
    user: user ? { name: user.name ?? user.email, role: user.role } : null,
    demo: env.DEMO_MODE,
    locale: localeFor(request, user),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const copy = useCopy();
  const locale = useLocale();
  const catalogueUrl = useCatalogueUrl();
  // Absent when the root loader itself failed (the error page still gets the layout).
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user ?? null;
  useReloadOnLanguageChange(root?.locale);
  return (
    <html
      lang={languageTag(locale)}
      dir={directionOf(locale)}
      data-locale={locale}
      data-catalogue={catalogueUrl}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="preload" href={catalogueUrl} as="fetch" crossOrigin="anonymous" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {copy.skipToContent}
        </a>
        {root?.demo ? (
          <p className="demo-banner" role="note">
            <strong>{copy.demoBanner.label}:</strong> {copy.demoBanner.text}
          </p>
        ) : null}
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="site-name">
              {copy.portalName}
            </Link>
            <span className="site-tagline">{copy.portalTagline}</span>
            <SiteNav user={user} />
            <LanguageSwitcher />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{copy.footer.owner}</p>
            <p>{copy.footer.division}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * The copy is the language the page was loaded in; a navigation that changes the language (a
 * sign-in restoring the user's saved choice) loads the page again in the new one.
 */
function useReloadOnLanguageChange(loaded: string | undefined) {
  const locale = useLocale();
  useEffect(() => {
    if (loaded && loaded !== locale) window.location.reload();
  }, [loaded, locale]);
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const copy = useCopy().errors;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [copy.notFoundTitle, copy.notFoundText]
      : status === 403
        ? [copy.forbiddenTitle, copy.forbiddenText]
        : [copy.genericTitle, copy.genericText];
  if (status >= 500) console.error(error);
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
    </section>
  );
}
