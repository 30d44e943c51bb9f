import { createHash } from "node:crypto";
import { prisma } from "~/db.server";

// Uploaded files between their preview and the administrator's confirmation. The file stays on
// the server, so that what is imported is exactly what was previewed: the page posts back only
// the file's SHA-256, by which it is found again, and checked. It is kept in the database, not on
// one host's disk, so that the confirmation may reach another instance than the preview did.

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** An upload nobody confirmed is removed a day later (at the next upload, or by housekeeping). */
export const UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type KeptUpload = { hash: string; name: string; bytes: Uint8Array };

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
  const filename = uploadName(name);
  const stored = Buffer.from(bytes);
  // The same bytes uploaded again (perhaps under another name) replace the earlier upload.
  await prisma.importUpload.upsert({
    where: { sha256: hash },
    create: { sha256: hash, filename, bytes: stored },
    update: { filename, bytes: stored, uploadedAt: new Date() },
  });
  return { hash, name: filename, bytes };
}

/** The upload with this hash, if it is still kept and still holds exactly those bytes. */
export async function findUpload(hash: string): Promise<KeptUpload | null> {
  if (!SHA256_HEX.test(hash)) return null;
  const row = await prisma.importUpload.findUnique({ where: { sha256: hash } });
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes);
  if (sha256(bytes) !== hash) return null;
  return { hash, name: row.filename, bytes };
}

export async function discardUpload(hash: string): Promise<void> {
  if (SHA256_HEX.test(hash)) await prisma.importUpload.deleteMany({ where: { sha256: hash } });
}

/** Removes the uploads left unconfirmed for more than a day; says how many. */
export async function discardStaleUploads(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UPLOAD_MAX_AGE_MS);
  const { count } = await prisma.importUpload.deleteMany({ where: { uploadedAt: { lt: before } } });
  return count;
}
