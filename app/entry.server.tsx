import { AsyncLocalStorage } from "node:async_hooks";
import type {
  ActionFunctionArgs,
  AppLoadContext,
  EntryContext,
  LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { KeptMarkupProvider } from "~/components/kept-markup";
import { LanguageProvider } from "~/i18n";
import { catalogueUrl, copyFor } from "~/i18n/catalogues.server";
import type { Copy } from "~/i18n/copy";
import { isLocale } from "~/i18n/locale";
import { providePageCopy } from "~/i18n/page-copy";
import { localeFor } from "~/i18n/request-locale.server";
import { startHousekeeping } from "~/models/housekeeping.server";
import { documentWithDataInside } from "~/document-end";
import { documentBody, documentParts, keptPlaceholder } from "~/document-body.server";
import { settledHandoff } from "~/settled-handoff";
import { startEmailSender } from "~/email/outbox-sender.server";
import { NonceProvider } from "~/nonce";

// This module is evaluated once per worker process: the place where server-side work starts.
startHousekeeping();
startEmailSender();

/** renderToString leaves it out (React's streaming renderer wrote it before <html>). */
const DOCTYPE = "<!DOCTYPE html>";
/** How React marks a Suspense boundary whose content it left to the browser. */
const UNFINISHED_BOUNDARY = "<!--$!-->";

// Each request's rendering knows its own copy, for the `meta` functions (pageCopy).
const renderingCopy = new AsyncLocalStorage<Copy>();
providePageCopy(() => renderingCopy.getStore());

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // The root loader chose the language (it knows the user); when it failed, the request alone.
  const rootData = remixContext.staticHandlerContext.loaderData["root"] as
    | { locale?: unknown }
    | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : localeFor(request);
  const language = { locale, copy: copyFor(locale), catalogueUrl: catalogueUrl(locale) };
  // The data first, then the document as one string (decision 027): a third less server time on
  // a section page than React's streaming renderer, whose byte buffers also padded some
  // characters with NUL (react#24985). A render error throws, and Remix renders the error page.
  if (remixContext.serverHandoffStream) {
    remixContext.renderMeta = {
      ...remixContext.renderMeta,
      streamCache: await settledHandoff(remixContext.serverHandoffStream),
    };
  }
  // Kept markup goes in after the render, compressed once (document-body.server.ts): the render
  // places a mark where each goes.
  const kept = loadContext.keptMarkup ?? new Map<string, string>();
  const placeholders = new Map([...kept.keys()].map((id) => [id, keptPlaceholder(id)]));
  const html = renderingCopy.run(language.copy, () =>
    renderToString(
      <NonceProvider value={nonce}>
        <LanguageProvider value={language}>
          <KeptMarkupProvider value={placeholders}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </KeptMarkupProvider>
        </LanguageProvider>
      </NonceProvider>,
    ),
  );
  // A boundary left to the browser: something suspended, which nothing in the portal should.
  if (html.includes(UNFINISHED_BOUNDARY)) throw new Error("A part of the page did not render.");
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Bytes, not a string: the Response would otherwise check the whole text for lone surrogates.
  const body = documentBody(
    documentParts(DOCTYPE + documentWithDataInside(html), kept),
    request.headers.get("Accept-Encoding"),
  );
  if (body.encoding) {
    // Compressed here: the compression middleware leaves a response that says its encoding.
    responseHeaders.set("Content-Encoding", body.encoding);
    responseHeaders.set("Content-Length", String(body.bytes.length));
    responseHeaders.append("Vary", "Accept-Encoding");
  }
  return new Response(body.bytes, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

/** Logs real server errors; a client error (404, 405…) or a request the client gave up is not one. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}

// server.js runs this before it listens (the build is the one place that parses the settings).
export { startupProblems } from "~/startup.server";
