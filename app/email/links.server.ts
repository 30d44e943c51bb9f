import { env } from "~/env.server";

/**
 * The absolute address of a portal page, for e-mails (which have no page to be relative to).
 * `path` must be a path on the portal ("/invitation/abc"): a full or protocol-relative URL
 * is refused, so a link in an e-mail can only ever point at the portal. A PUBLIC_URL with a
 * path (https://example.org/msq) is kept as the prefix.
 */
export function absoluteUrl(path: string, publicUrl: string = env.PUBLIC_URL): string {
  if (!path.startsWith("/") || path.startsWith("//")) {
    throw new Error(`absoluteUrl expects a path starting with "/", got ${JSON.stringify(path)}`);
  }
  return publicUrl.replace(/\/+$/, "") + path;
}
