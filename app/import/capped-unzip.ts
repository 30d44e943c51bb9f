import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";

// A .docx is a zip archive: a few kilobytes may inflate to gigabytes (a zip bomb), and the sizes
// an archive declares are not to be trusted. The entries are inflated here with the caps checked
// on every chunk, so that reading stops as soon as the bytes written pass them.

/** A questionnaire's Word file inflates to a few megabytes; its images count too. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;
/** A Word file has a few dozen entries. */
export const MAX_ZIP_ENTRIES = 500;

export type UnzipResult =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; why: "notZip" | "damaged" | "tooLarge" | "tooManyEntries" };

type Why = "damaged" | "tooLarge" | "tooManyEntries";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, i) => bytes[i] === byte);

/** Every entry's bytes, or why the archive is refused. */
export function unzipCapped(
  bytes: Uint8Array,
  { maxBytes = MAX_INFLATED_BYTES, maxEntries = MAX_ZIP_ENTRIES } = {},
): UnzipResult {
  if (!isZip(bytes)) return { ok: false, why: "notZip" };
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  // fflate catches what its callbacks throw, so a cap stops the entry and the loop below instead.
  let stopped: Why | null = null;
  const unzip = new Unzip((file) => {
    if (stopped) return file.terminate();
    if (++count > maxEntries) {
      stopped = "tooManyEntries";
      return file.terminate();
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (stopped) return;
      if (error) {
        stopped = "damaged";
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        stopped = "tooLarge";
        return file.terminate();
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // In slices, so that a bomb stops after the slice that passed the cap, not after all of it.
    const slice = 16 * 1024;
    for (let at = 0; at < bytes.length && !stopped; at += slice)
      unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
  } catch {
    stopped ??= "damaged";
  }
  return stopped ? { ok: false, why: stopped } : { ok: true, entries };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
