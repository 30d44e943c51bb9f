import { parentPort, workerData } from "node:worker_threads";
import { questionnaireFor } from "~/questionnaire";
import { readMsqItems, type DocumentItems } from "./read-document";

// The body of the worker thread that reads one uploaded file for the admin page
// (parse-off-thread.server.ts). Bundled on its own into build/parse-worker.js by
// scripts/build-parse-worker.ts: the server's build is one bundle a worker cannot start from.

export type ParseJob = { bytes: Uint8Array; name: string; round: string };

const job = workerData as ParseJob;
const questionnaire = questionnaireFor(job.round);
const reading: DocumentItems = questionnaire
  ? readMsqItems(job.bytes, job.name, questionnaire)
  : { ok: false, error: `There is no questionnaire for round ${job.round}.` };
parentPort!.postMessage(reading);
