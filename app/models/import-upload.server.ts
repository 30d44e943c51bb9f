import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// Uploaded files between their preview and the administrator's confirmation. The file stays on
// the server, so that what is imported is exactly what was previewed: the page posts back only
// the file's SHA-256, by which it is found again, and checked. One folder per file, holding it
// under its own (cleaned) name, which the import records as where the response came from.

const UPLOAD_DIR = path.resolve("data/imports");
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** An upload nobody confirmed is removed a day later (at the next upload). */
const KEEP_MS = 24 * 60 * 60 * 1000;

export type KeptUpload = { hash: string; name: string; file: string };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The file's name as stored and recorded: its base name, in safe characters, not too long. */
export function uploadName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const safe = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  if (!safe) return "upload.txt";
  const extension = /\.[a-z]{1,5}$/i.exec(safe)?.[0] ?? "";
  return safe.length <= 120 ? safe : `${safe.slice(0, 120 - extension.length)}${extension}`;
}

export async function keepUpload(bytes: Uint8Array, name: string): Promise<KeptUpload> {
  const hash = sha256(bytes);
  const folder = path.join(UPLOAD_DIR, hash);
  // The same bytes uploaded again (perhaps under another name) replace the earlier upload.
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const stored = uploadName(name);
  const file = path.join(folder, stored);
  await writeFile(file, bytes);
  return { hash, name: stored, file };
}

/** The upload with this hash, if it is still here and still holds exactly those bytes. */
export async function findUpload(hash: string): Promise<KeptUpload | null> {
  // Only a hash names a folder: nothing posted can point elsewhere on the disk.
  if (!SHA256_HEX.test(hash)) return null;
  const folder = path.join(UPLOAD_DIR, hash);
  const names = await readdir(folder).catch(() => []);
  if (names.length !== 1) return null;
  const file = path.join(folder, names[0]!);
  const bytes = await readFile(file).catch(() => null);
  if (!bytes || sha256(bytes) !== hash) return null;
  return { hash, name: names[0]!, file };
}

export async function discardUpload(hash: string): Promise<void> {
  if (SHA256_HEX.test(hash))
    await rm(path.join(UPLOAD_DIR, hash), { recursive: true, force: true });
}

/** Removes the uploads left unconfirmed for more than a day. */
export async function discardStaleUploads(now = Date.now()): Promise<void> {
  const folders = await readdir(UPLOAD_DIR).catch(() => []);
  for (const folder of folders) {
    if (!SHA256_HEX.test(folder)) continue;
    const info = await stat(path.join(UPLOAD_DIR, folder)).catch(() => null);
    if (info && now - info.mtimeMs > KEEP_MS) await discardUpload(folder);
  }
}
