import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Questionnaire } from "~/questionnaire";
import type { ItemReader } from "./import-file.server";
import type { ParseJob } from "./parse-worker";
import { problem, refusal } from "./problems";
import type { DocumentItems } from "./read-document";

// Reads an uploaded file for the admin page in a worker thread, so that the request's event loop
// keeps answering other requests meanwhile, and gives up after a time budget: the worker is then
// terminated and the file refused. Decision record 010 says why a thread and why this file.

/**
 * The longest a file may take to be read. The worst inputs measured take well under a second
 * (docs/performance.md); five seconds leave room for a loaded machine and still answer the
 * administrator promptly. Anything slower is a new worst case, not a questionnaire.
 */
export const PARSE_BUDGET_MS = 5_000;

/** The bundled worker (scripts/build-parse-worker.ts), next to the server's build. */
export const PARSE_WORKER_SCRIPT = path.resolve("build/parse-worker.js");

export type OffThreadOptions = {
  budgetMs?: number;
  script?: string;
};

/**
 * A reader for import-file.server.ts that reads each file in its own worker thread. A file that
 * takes longer than the budget is refused as `readTooSlow`; a worker that stops without an
 * answer (out of memory, a bug: logged) as `readFailed`.
 */
export function offThreadReader({
  budgetMs = PARSE_BUDGET_MS,
  script = PARSE_WORKER_SCRIPT,
}: OffThreadOptions = {}): ItemReader {
  if (!existsSync(script)) {
    throw new Error(
      `${script} is missing: npm run build writes it (scripts/build-parse-worker.ts).`,
    );
  }
  return (bytes: Uint8Array, name: string, questionnaire: Questionnaire) =>
    new Promise<DocumentItems>((resolve) => {
      const job: ParseJob = { bytes, name, questionnaire };
      const worker = new Worker(script, { workerData: job });
      let settled = false;
      const settle = (reading: DocumentItems) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(reading);
      };
      const failed = { ok: false as const, error: refusal(problem("readFailed", { name })) };
      const tooSlow = problem("readTooSlow", { name, seconds: budgetMs / 1000 });
      const timer = setTimeout(() => settle({ ok: false, error: refusal(tooSlow) }), budgetMs);
      worker.once("message", (reading: DocumentItems) => settle(reading));
      worker.once("error", (error) => {
        console.error(`Reading ${name} in a worker thread failed:`, error);
        settle(failed);
      });
      worker.once("exit", () => settle(failed));
    });
}
