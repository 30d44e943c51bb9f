import { parentPort, workerData } from "node:worker_threads";
import type { Questionnaire } from "~/questionnaire";
import type { DocumentItems } from "./read-document";
import { readUploadItems } from "./read-upload";

// The body of the worker thread that reads one uploaded file for the admin page
// (parse-off-thread.server.ts). Bundled on its own into build/parse-worker.js by
// scripts/build-parse-worker.ts: the server's build is one bundle a worker cannot start from.

/** The questionnaire travels with the job: the worker has no database of its own. */
export type ParseJob = { bytes: Uint8Array; name: string; questionnaire: Questionnaire };

const job = workerData as ParseJob;
const reading: DocumentItems = await readUploadItems(job.bytes, job.name, job.questionnaire);
parentPort!.postMessage(reading);
