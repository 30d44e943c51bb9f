import { problem, refusal, type ImportRefusal } from "./problems";

// The checks a file must pass before it is read as a questionnaire, shared by the command-line
// importer and any upload page: pure, on the file's bytes.

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileCheck = { ok: true; text: string } | { ok: false; error: ImportRefusal };

/** Megabytes to one decimal, as the refusal shows them. */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** A file of `bytes` bytes refused for its size. */
export const tooLarge = (name: string, bytes: number, limit = MAX_FILE_BYTES) =>
  refusal(problem("fileTooLarge", { name, size: megabytes(bytes), limit: megabytes(limit) }));

/** Refuses an empty, oversized or binary file (NUL bytes, invalid UTF-8); returns its text. */
export function checkFile(bytes: Uint8Array, name: string): FileCheck {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: tooLarge(name, bytes.length) };
  if (bytes.includes(0)) return { ok: false, error: refusal(problem("binaryFile", { name })) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: refusal(problem("notUtf8", { name })) };
  }
  if (text.replace(/^\uFEFF/, "").trim() === "")
    return { ok: false, error: refusal(problem("emptyFile", { name })) };
  return { ok: true, text };
}
