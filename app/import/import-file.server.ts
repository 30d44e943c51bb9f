import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Answers, Questionnaire } from "~/questionnaire";
import { MAX_FILE_BYTES, tooLarge } from "./check-file";
import type { ImportOutcome, ImportRequest } from "./import-response.server";
import { importMessage, refusalText } from "./import-messages";
import type { Copy } from "~/i18n/copy";
import {
  problem,
  refusal,
  type ImportProblem,
  type ImportRefusal,
  type ImportWarning,
} from "./problems";
import { readMsqItems, type DocumentItems, type ReadResponse } from "./read-document";
import { contentTypeOf, documentKind, MAX_DOCUMENT_BYTES, readUploadItems } from "./read-upload";

// The importer's steps for one file on disk: read → check → parse → (import). The command-line
// importer and the upload page are thin loops around this; the database is only loaded when
// something is looked up or written. A file gives one item (a questionnaire) or one per response
// (the portal's JSON export); each item is filed on its own. The command parses in its own
// process; the upload page passes a reader that parses in a worker thread
// (parse-off-thread.server.ts).

export type FileReading =
  | {
      ok: true;
      /** The path as given. */
      file: string;
      /** What the response is recorded as imported from: the file's name, or "<name>#<country>". */
      source: string;
      /** SHA-256 of the file's bytes, or of the response's canonical JSON in an export. */
      contentHash: string;
      parsed: ReadResponse;
      /** The file itself, kept with the response as its source (not for a JSON export's). */
      document?: SourceFile;
    }
  | { ok: false; file: string; error: ImportRefusal };

/** A file a response was read from, as it is stored with the response (SourceDocument). */
export type SourceFile = { name: string; contentType: string; sha256: string; bytes: Uint8Array };

export type FileResult = FileReading & { import?: ImportOutcome };

/** A warning as `--json` prints it: its code and values, and its message in English. */
export type WarningJson = ImportWarning & { message: string };

/**
 * The machine-readable shape of one item's result (the `--json` contract): messages (a warning's,
 * an error, a reason) in the language of the copy it was made with, English for the command.
 */
export type FileResultJson =
  | {
      file: string;
      country: string | null;
      response_date: string | null;
      authorize_publication: boolean | null;
      answers: Answers;
      warnings: WarningJson[];
      outcome?: ImportOutcome["kind"];
      response_id?: string;
      reason?: string;
    }
  | { file: string; error: string; outcome?: "refused"; response_id?: string; reason?: string };

/** The files the importer reads in a directory. */
export const IMPORTABLE_FILE = /\.(txt|md|json|docx|pdf)$/i;

/** Files named on the command line; a directory stands for its importable files, sorted. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(given);
      continue;
    }
    const names = (await readdir(given)).filter((n) => IMPORTABLE_FILE.test(n)).sort();
    files.push(...names.map((name) => path.join(given, name)));
  }
  return files;
}

const sha256 = (content: Uint8Array | string) => createHash("sha256").update(content).digest("hex");

/** How a file's bytes become responses: readMsqItems, here or in a worker thread. */
export type ItemReader = (
  bytes: Uint8Array,
  name: string,
  questionnaire: Questionnaire,
) => DocumentItems | Promise<DocumentItems>;

/** Every response in the file's bytes; `file` is the path as given (its base name is its name). */
export function readMsqBytes(
  bytes: Uint8Array,
  file: string,
  questionnaire: Questionnaire,
): FileReading[] {
  return readingsOf(readMsqItems(bytes, path.basename(file), questionnaire), file, bytes);
}

/** The same, with the bytes read by `read`. */
export async function readMsqBytesWith(
  read: ItemReader,
  bytes: Uint8Array,
  file: string,
  questionnaire: Questionnaire,
): Promise<FileReading[]> {
  return readingsOf(await read(bytes, path.basename(file), questionnaire), file, bytes);
}

function readingsOf(reading: DocumentItems, file: string, bytes: Uint8Array): FileReading[] {
  if (!reading.ok) return [{ ok: false, file, error: reading.error }];
  const name = path.basename(file);
  return reading.items.map((item) => {
    const contentHash = sha256(item.content);
    // A questionnaire's content is the file itself; a JSON export's response is not.
    const isTheFile = typeof item.content !== "string";
    const document: SourceFile | undefined = isTheFile
      ? { name, contentType: contentTypeOf(name, bytes), sha256: contentHash, bytes }
      : undefined;
    return {
      ok: true,
      file,
      source: item.source,
      contentHash,
      parsed: item.parsed,
      ...(document ? { document } : {}),
    };
  });
}

/** Every response in the file on disk, or one refusal saying why it cannot be read. */
export async function readMsqFileItems(
  file: string,
  questionnaire: Questionnaire,
  read: ItemReader = readUploadItems,
): Promise<FileReading[]> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  const refused = (why: ImportProblem) => [{ ok: false as const, file, error: refusal(why) }];
  if (!info) return refused(problem("noSuchFile", { name: file }));
  if (!info.isFile()) return refused(problem("notAFile", { name: file }));
  // Checked before reading, so that a huge file is never loaded; check-file repeats it.
  const limit = documentKind(name, new Uint8Array()) ? MAX_DOCUMENT_BYTES : MAX_FILE_BYTES;
  if (info.size > limit) return [{ ok: false, file, error: tooLarge(name, info.size, limit) }];
  return readMsqBytesWith(read, await readFile(file), file, questionnaire);
}

/** A file that holds one response (a questionnaire, or an export of one response). */
export async function readMsqFile(
  file: string,
  questionnaire: Questionnaire,
): Promise<FileReading> {
  return onlyItem(file, await readMsqFileItems(file, questionnaire));
}

function onlyItem(file: string, readings: FileReading[]): FileReading {
  if (readings.length === 1) return readings[0]!;
  const several = problem("severalResponses", {
    name: path.basename(file),
    count: readings.length,
  });
  return { ok: false, file, error: refusal(several) };
}

export type ImportOptions = {
  questionnaire: Questionnaire;
  dryRun: boolean;
  force: boolean;
  actorId?: string | null;
  /** How the file is parsed (default: here, readUploadItems). */
  read?: ItemReader;
};

function importRequest(
  reading: FileReading & { ok: true },
  options: Omit<ImportOptions, "dryRun">,
): ImportRequest {
  return {
    round: options.questionnaire.round,
    file: reading.source,
    contentHash: reading.contentHash,
    parsed: reading.parsed,
    document: reading.document ?? null,
    force: options.force,
    actorId: options.actorId ?? null,
  };
}

type Decide = (request: ReturnType<typeof importRequest>) => Promise<FileResult["import"]>;

/** Applies `decide` to every response read, one after the other; refusals stay as they are. */
async function eachReading(
  readings: readonly FileReading[],
  options: Omit<ImportOptions, "dryRun">,
  decide: Decide,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const reading of readings) {
    results.push(
      reading.ok ? { ...reading, import: await decide(importRequest(reading, options)) } : reading,
    );
  }
  return results;
}

/** Files every response read. */
export async function importReadings(
  readings: readonly FileReading[],
  options: Omit<ImportOptions, "dryRun">,
): Promise<FileResult[]> {
  const { importParsedResponse } = await import("./import-response.server");
  return eachReading(readings, options, importParsedResponse);
}

/** What importing each response would do now, without writing anything. */
export async function previewReadings(
  readings: readonly FileReading[],
  options: Omit<ImportOptions, "dryRun">,
): Promise<FileResult[]> {
  const { previewParsedResponse } = await import("./import-response.server");
  return eachReading(readings, options, previewParsedResponse);
}

/** Reads the file and, unless it is a dry run, files every response in it. */
export async function importMsqFileItems(
  file: string,
  options: ImportOptions,
): Promise<FileResult[]> {
  const readings = await readMsqFileItems(file, options.questionnaire, options.read);
  if (options.dryRun) return readings;
  return importReadings(readings, options);
}

/** A file that holds one response; an export of several is refused (use importMsqFileItems). */
export async function importMsqFile(file: string, options: ImportOptions): Promise<FileResult> {
  const reading = onlyItem(file, await readMsqFileItems(file, options.questionnaire));
  if (!reading.ok || options.dryRun) return reading;
  const [result] = await importReadings([reading], options);
  return result!;
}

/** Whether the item was refused, when reading it or when filing it. */
export const isRefused = (result: FileResult) => !result.ok || result.import?.kind === "refused";

/** The result as `--json` prints it, its messages in the language of `copy`. */
export function resultJson(result: FileResult, copy: Copy): FileResultJson {
  const outcome = result.import
    ? {
        outcome: result.import.kind,
        ...(result.import.responseId ? { response_id: result.import.responseId } : {}),
        ...(result.import.reason ? { reason: importMessage(copy, result.import.reason) } : {}),
      }
    : {};
  if (!result.ok) return { file: result.file, error: refusalText(copy, result.error) };
  const { parsed } = result;
  return {
    file: result.file,
    country: parsed.country,
    response_date: parsed.responseDate,
    authorize_publication: parsed.authorizePublication,
    answers: parsed.answers,
    warnings: parsed.warnings.map((w) => ({ ...w, message: importMessage(copy, w) })),
    ...outcome,
  };
}
