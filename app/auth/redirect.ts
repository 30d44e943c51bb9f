// Where to go after signing in: only a path on this site, never another host. The one helper for
// every redirect target that comes from a request (`redirectTo`).
//
// The value is resolved the way a browser resolves a Location header (WHATWG URL: tabs and
// newlines dropped, `\` read as `/`, `.`/`..`/`%2e` segments collapsed), and only a same-origin
// path is kept. Its normalised path must not start with `//` (the browser would read the
// Location `//evil.example` as another host), in plain or percent-encoded form (a proxy or a
// later redirect may decode it), nor contain a backslash; control characters are refused
// outright rather than silently dropped.

const PORTAL_ORIGIN = "http://portal.invalid";

export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
  origin = PORTAL_ORIGIN,
): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const decoded = decodeRepeatedly(url.pathname);
  if (decoded === null || decoded.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(decoded)) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path with percent-encoding undone until it no longer changes (null if malformed). */
function decodeRepeatedly(path: string): string | null {
  let current = path;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null; // still changing after five rounds: nobody links like that
}
