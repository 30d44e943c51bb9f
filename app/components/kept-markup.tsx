import { createContext, useContext, useState, type ReactNode } from "react";

// Markup the server rendered apart and keeps (the dashboard's world map, rows and timeline),
// sent once. A document carried it twice: in its HTML, and again in the loader's data for the
// browser's first render. On a document request the loader leaves it out of the data and gives
// it to this request (the load context's `keptMarkup`): entry.server renders a mark in its place
// and puts it in as the document's bytes are made, compressed once (document-body.server.ts).
// The browser's first render takes it from the element the server sent. A navigation in the
// browser (a data request) carries it in the data, as before. See keep-markup.server.tsx.

const KeptMarkupContext = createContext<ReadonlyMap<string, string> | null>(null);

export const KeptMarkupProvider = KeptMarkupContext.Provider;

/**
 * The inner markup of the element with this id: `given` when the data carries it; else, on the
 * server, the mark where this request's kept markup goes; in the browser, what the server sent
 * in the element.
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

/**
 * An element holding `children` when the data carries what they show, else (null: a document)
 * the markup the server rendered apart into it. The two have different keys: React replaces one
 * with the other rather than mixing its children with markup it did not render.
 */
export function KeptOrRendered({
  as: Element,
  id,
  className,
  children,
}: {
  as: "div" | "tbody";
  id: string;
  className?: string;
  children: ReactNode | null;
}) {
  const kept = useKeptMarkup(id, null);
  return children === null ? (
    <Element key="kept" id={id} className={className} dangerouslySetInnerHTML={{ __html: kept }} />
  ) : (
    <Element key="rendered" id={id} className={className}>
      {children}
    </Element>
  );
}
