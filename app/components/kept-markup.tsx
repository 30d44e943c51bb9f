import { createContext, useContext, useState } from "react";

// Markup the server rendered apart and keeps (the dashboard's world map and its rows), sent once.
// A document carried it twice: in its HTML, and again in the loader's data for the browser's
// first render. On a document request the loader leaves it out of the data and gives it to this
// request's render (the load context's `keptMarkup`, provided by entry.server); the browser's
// first render takes it from the element the server sent. A navigation in the browser (a data
// request) carries it in the data, as before. See keep-markup.server.ts.

const KeptMarkupContext = createContext<ReadonlyMap<string, string> | null>(null);

export const KeptMarkupProvider = KeptMarkupContext.Provider;

/**
 * The inner markup of the element with this id: `given` when the data carries it; else, on the
 * server, this request's kept markup; in the browser, what the server rendered into the element.
 */
export function useKeptMarkup(id: string, given: string | null): string {
  const kept = useContext(KeptMarkupContext);
  const [rendered] = useState(() =>
    typeof document === "undefined"
      ? (kept?.get(id) ?? "")
      : (document.getElementById(id)?.innerHTML ?? ""),
  );
  return given ?? rendered;
}
