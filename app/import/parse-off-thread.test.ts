import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { buildParseWorker } from "../../scripts/build-parse-worker";
import { FILES } from "./documents.test-helper";
import { refusalInEnglish } from "./messages.test-helper";
import { offThreadReader, type OffThreadOptions } from "./parse-off-thread.server";
import { problem } from "./problems";
import { readMsqItems } from "./read-document";
import { readUploadItems } from "./read-upload";
import { docxFromText, pdfFromText, scannedPdf } from "./documents-generator.test-helper";
import { WORST_LINES } from "./worst-cases.test-helper";

// The admin page's reader: the same reading as in the request, in a worker thread that leaves
// the event loop free, and a refusal once the time budget is spent.

let script: string;
const reader = (options: Partial<OffThreadOptions> = {}) => offThreadReader({ script, ...options });
const encode = (text: string) => new TextEncoder().encode(text);

// Inside the project, as build/parse-worker.js is: the bundle loads mammoth and pdf.js from
// node_modules at run time, found from where it is.
let folder: string;
beforeAll(async () => {
  mkdirSync("build", { recursive: true });
  folder = mkdtempSync(path.resolve("build/parse-worker-test-"));
  script = path.join(folder, "parse-worker.js");
  await buildParseWorker(script);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("reading a file in a worker thread", () => {
  it("reads a response exactly as in the request", async () => {
    const bytes = new Uint8Array(readFileSync(FILES.qatar));
    const inWorker = await reader()(bytes, "qatar.txt", msq2020);
    expect(inWorker).toEqual(readMsqItems(bytes, "qatar.txt", msq2020));
    expect(inWorker.ok).toBe(true);
  });

  it("reads Word and PDF files in the bundled worker, as in the request", async () => {
    const text = readFileSync(FILES.qatar, "utf8");
    const files: [string, Uint8Array][] = [
      ["qatar.docx", docxFromText(text, "contentControls")],
      ["qatar.pdf", await pdfFromText(text)],
    ];
    for (const [name, bytes] of files) {
      const inWorker = await reader()(bytes, name, msq2020);
      expect(inWorker.ok).toBe(true);
      expect(inWorker).toEqual(await readUploadItems(bytes, name, msq2020));
    }
  });

  it("refuses a scan in the worker, saying why", async () => {
    const reading = await reader()(await scannedPdf(), "scan.pdf", msq2020);
    expect(!reading.ok && refusalInEnglish(reading.error)).toMatch(/^scan\.pdf holds no text/);
  });

  it("gives the parser's own refusal", async () => {
    const reading = await reader()(encode(`Rwanda\n${" ".repeat(3000)}a\n`), "spaces.txt", msq2020);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && refusalInEnglish(reading.error)).toBe(
      "spaces.txt: This is not an MSQ 2020 response: none of the questionnaire's questions were found.",
    );
  });

  it("keeps the event loop free while it parses: timers fire meanwhile", async () => {
    // The slowest of the worst-case lines: a real parse of a few hundred milliseconds.
    const bytes = encode(WORST_LINES["html tags"]!);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = performance.now();
    const reading = await reader()(bytes, "tags.txt", msq2020);
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(reading.ok).toBe(false);
    // Parsed in the request's thread, not one tick would fire before the answer.
    expect(elapsed).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 4));
  });

  it("refuses a file that takes longer than the budget, and stops its worker", async () => {
    const bytes = encode(WORST_LINES["html tags"]!);
    const started = performance.now();
    const reading = await reader({ budgetMs: 20 })(bytes, "tags.txt", msq2020);
    expect(reading).toEqual({
      ok: false,
      error: { problem: problem("readTooSlow", { name: "tags.txt", seconds: 0.02 }) },
    });
    expect(!reading.ok && refusalInEnglish(reading.error)).toMatch(
      /^tags\.txt could not be read within 0\.02 seconds/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses to start without its script", () => {
    expect(() => reader({ script: "/nonexistent/parse-worker.js" })).toThrow(/missing/);
  });
});
