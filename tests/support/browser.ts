import { existsSync } from "node:fs";

// The end-to-end tests drive Debian's Chromium where it is installed: the machines here reach
// the npm registry and Debian's packages but not Playwright's browser downloads. Elsewhere,
// Playwright's own Chromium (`npx playwright install chromium`).
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The browser executable to launch, or undefined for Playwright's own. */
export function chromiumExecutable(): string | undefined {
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/**
 * Chromium's flags for this closed network, as root: no sandbox, no GPU, and none of the
 * background connections the machine would refuse (Playwright's tests and the bench's Lighthouse).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
