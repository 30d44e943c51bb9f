import type { Copy } from "./copy";

// The copy of the page being rendered, for `meta` functions (page titles), which run outside
// React and cannot use hooks. The browser's entry gives its one copy; the server's entry gives
// the copy of the request being rendered (kept per request, see entry.server.tsx).

let current: () => Copy | undefined = () => undefined;

export function providePageCopy(get: () => Copy | undefined) {
  current = get;
}

export function pageCopy(): Copy {
  const copy = current();
  if (!copy) throw new Error("pageCopy() outside a page's rendering");
  return copy;
}

/** A page's title: "What · MSQ Portal", in the page's language. */
export function pageTitle(what?: string): { title: string }[] {
  const copy = pageCopy();
  return [{ title: what ? `${what} · ${copy.portalName}` : copy.portalName }];
}
