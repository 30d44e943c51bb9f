import { chromium } from "playwright-core";
const base = "http://localhost:3400";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function signIn(page, email) {
  await page.goto(base + "/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("msq-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("networkidle");
}
const step = process.argv[2];
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
if (step === "admin") {
  await signIn(page, "admin@example.org");
  await page.goto(base + "/admin/rounds");
  await page.screenshot({ path: "/tmp/shots/rounds.png", fullPage: true });
  // a bad file first
  const fs = await import("node:fs");
  const bad = JSON.parse(fs.readFileSync("tests/fixtures/msq-next-round.json", "utf8"));
  bad.sections[6].questions[0].options.push({ key: "ai", text: "dup" });
  bad.sections[0].questions[7].type = "slider";
  fs.writeFileSync("/tmp/bad-round.json", JSON.stringify(bad));
  await page.getByLabel("Definition file", { exact: true }).setInputFiles("/tmp/bad-round.json");
  await page.getByRole("button", { name: "Check and upload" }).click();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "/tmp/shots/rounds-errors.png", fullPage: true });
  await page.getByLabel("Definition file", { exact: true }).setInputFiles("tests/fixtures/msq-next-round.json");
  await page.getByRole("button", { name: "Check and upload" }).click();
  await page.waitForURL(/admin\/rounds\/2026/);
  await page.screenshot({ path: "/tmp/shots/round-draft.png", fullPage: true });
  await page.getByRole("link", { name: "XI. Digital Public Infrastructure" }).click();
  await page.waitForLoadState("networkidle");
  await page.locator(".round-preview").screenshot({ path: "/tmp/shots/round-preview-xi.png" });
}
if (step === "open") {
  await signIn(page, "admin@example.org");
  await page.goto(base + "/admin/rounds/2026");
  await page.getByLabel("Deadline").fill("2026-06-30");
  await page.getByRole("button", { name: "Open the round" }).click();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "/tmp/shots/round-opened.png", fullPage: true });
}
if (step === "focal") {
  await signIn(page, "focal.rwa@example.org");
  await page.goto(base + "/countries/RWA/sections/I");
  await page.screenshot({ path: "/tmp/shots/section-carried.png", clip: { x: 0, y: 0, width: 1280, height: 1400 }, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/shots/section-carried-375.png", fullPage: false });
}
if (step === "reviewer") {
  await signIn(page, "reviewer@example.org");
  await page.goto(base + "/review/RWA");
  await page.locator("#answer-q1_national_portal").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots/review-marks.png" });
  await page.goto(base + "/countries/RWA");
  await page.screenshot({ path: "/tmp/shots/country-reviewer.png", fullPage: true });
}
if (step === "country") {
  await signIn(page, "focal.rwa@example.org");
  await page.goto(base + "/countries/RWA");
  await page.screenshot({ path: "/tmp/shots/country-focal.png", fullPage: true });
}

await browser.close();
