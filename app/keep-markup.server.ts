import type { AppLoadContext } from "@remix-run/node";

// The server's half of kept markup (components/kept-markup.tsx): what a loader renders apart is
// given to this request's render instead of to its data, when the request is a document's.

/**
 * On a document request (the browser says so in `Sec-Fetch-Dest`, as every current browser
 * does), keeps each markup for this request's render and returns true: the loader leaves it out
 * of its data. Otherwise (a navigation in the browser, or a client that does not say) false: the
 * data carries it, and the page is as it was, only heavier.
 */
export function keepMarkup(
  request: Request,
  context: AppLoadContext,
  markup: Record<string, () => string>,
): boolean {
  const kept = context.keptMarkup;
  if (!kept || request.headers.get("Sec-Fetch-Dest") !== "document") return false;
  for (const [id, render] of Object.entries(markup)) kept.set(id, render());
  return true;
}
