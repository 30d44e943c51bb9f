import { parentPort, workerData } from "node:worker_threads";
import type { Questionnaire } from "~/questionnaire";
import { readMsqItems, type DocumentItems } from "./read-document";

// The body of the worker thread that reads one uploaded file for the admin page
// (parse-off-thread.server.ts). Bundled on its own into build/parse-worker.js by
// scripts/build-parse-worker.ts: the server's build is one bundle a worker cannot start from.

/** The questionnaire travels with the job: the worker has no database of its own. */
export type ParseJob = { bytes: Uint8Array; name: string; questionnaire: Questionnaire };

const job = workerData as ParseJob;
const reading: DocumentItems = readMsqItems(job.bytes, job.name, job.questionnaire);
parentPort!.postMessage(reading);
