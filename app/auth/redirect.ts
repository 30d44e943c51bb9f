// Where to go after signing in: only a path on this site, never another host
// ("//evil.example", "/\\evil.example", "https://…" are all refused).
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
): string {
  if (
    typeof to !== "string" ||
    !to.startsWith("/") ||
    to.startsWith("//") ||
    to.startsWith("/\\")
  ) {
    return fallback;
  }
  try {
    const url = new URL(to, "http://portal.invalid");
    return url.host === "portal.invalid" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
