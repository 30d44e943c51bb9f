// The checks a file must pass before it is read as a questionnaire, shared by the command-line
// importer and any upload page: pure, on the file's bytes.

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileCheck = { ok: true; text: string } | { ok: false; error: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Refuses an empty, oversized or binary file (NUL bytes, invalid UTF-8); returns its text. */
export function checkFile(bytes: Uint8Array, name: string): FileCheck {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: `${name} is too large (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_FILE_BYTES)}). A questionnaire's text is far smaller.`,
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      error: `${name} is a binary file (it contains NUL bytes), not text. Convert it to text (.txt or .md) first.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      error: `${name} is not UTF-8 text (it may be a binary file such as a PDF or Word document). Convert it to UTF-8 text first.`,
    };
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") return { ok: false, error: `${name} is empty.` };
  return { ok: true, text };
}
