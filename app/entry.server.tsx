import { AsyncLocalStorage } from "node:async_hooks";
import { PassThrough } from "node:stream";
import type {
  ActionFunctionArgs,
  AppLoadContext,
  EntryContext,
  LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { LanguageProvider } from "~/i18n";
import { catalogueUrl, copyFor } from "~/i18n/catalogues.server";
import type { Copy } from "~/i18n/copy";
import { isLocale } from "~/i18n/locale";
import { providePageCopy } from "~/i18n/page-copy";
import { localeFor } from "~/i18n/request-locale.server";
import { startHousekeeping } from "~/models/housekeeping.server";
import { documentWithDataInside } from "~/document-end";
import { renderedText } from "~/rendered-chunks";
import { startEmailSender } from "~/email/outbox-sender.server";
import { NonceProvider } from "~/nonce";

// This module is evaluated once per worker process: the place where server-side work starts.
startHousekeeping();
startEmailSender();

const ABORT_DELAY = 5_000;

// Each request's rendering knows its own copy, for the `meta` functions (pageCopy).
const renderingCopy = new AsyncLocalStorage<Copy>();
providePageCopy(() => renderingCopy.getStore());

export default function handleRequest(
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
  // The whole document is rendered before it is sent: the portal defers no data, so streaming
  // would gain nothing, and rendering whole is cheaper (measured: 3 % of a section page) and
  // lets a render error still answer 500.
  return new Promise<Response>((resolve, reject) => {
    let rendered = false;
    const { pipe, abort } = renderingCopy.run(language.copy, () =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <LanguageProvider value={language}>
            <RemixServer
              context={remixContext}
              url={request.url}
              abortDelay={ABORT_DELAY}
              nonce={nonce}
            />
          </LanguageProvider>
        </NonceProvider>,
        {
          nonce,
          onAllReady() {
            rendered = true;
            clearTimeout(giveUp);
            const chunks: Buffer[] = [];
            const sink = new PassThrough();
            sink.on("data", (chunk: Buffer) => chunks.push(chunk));
            sink.on("end", () => {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(
                new Response(documentWithDataInside(renderedText(chunks)), {
                  headers: responseHeaders,
                  status: responseStatusCode,
                }),
              );
            });
            pipe(sink);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (rendered) console.error(error);
          },
        },
      ),
    );
    const giveUp = setTimeout(abort, ABORT_DELAY);
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
