// Makes sure the end-to-end tests have a browser before they start, so `npm test` works on a
// machine with only Node: Debian's Chromium (installed with apt when running as root on Debian),
// else Playwright's own download. When neither can be had, one line says what to install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumExecutable, DEBIAN_CHROMIUM } from "../tests/support/browser";

const isRoot = process.getuid?.() === 0;
const isDebian = existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");

function playwrightBrowserPresent(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): boolean {
  console.log(`== ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

if (chromiumExecutable() || playwrightBrowserPresent()) process.exit(0);

if (isDebian && isRoot) {
  console.log("== no browser for the end-to-end tests: installing Debian's Chromium");
  const installed =
    run("apt-get", ["update", "-qq"]) &&
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
  if (installed && existsSync(DEBIAN_CHROMIUM)) process.exit(0);
} else {
  console.log("== no browser for the end-to-end tests: downloading Playwright's Chromium");
  try {
    execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
    if (playwrightBrowserPresent()) process.exit(0);
  } catch {
    // Said below.
  }
}

console.error(
  isDebian
    ? "The end-to-end tests need Chromium: run `apt-get install chromium` as root, then `npm test` again."
    : "The end-to-end tests need Chromium: run `npx playwright install chromium`, then `npm test` again.",
);
process.exit(1);
