import { existsSync } from "node:fs";

// The end-to-end tests drive Debian's Chromium where it is installed: the machines here reach
// the npm registry and Debian's packages but not Playwright's browser downloads. Elsewhere,
// Playwright's own Chromium (`npx playwright install chromium`).
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The browser executable to launch, or undefined for Playwright's own. */
export function chromiumExecutable(): string | undefined {
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
