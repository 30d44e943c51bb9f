import { strFromU8, strToU8, zipSync, type Zippable } from "fflate";
import { unzipCapped } from "./capped-unzip";
import { markTicks } from "./docx-ticks";

// A Word file's text, as the parser reads a converted questionnaire: mammoth extracts the text
// (paragraphs, tables, lists) from the archive once its tick boxes have been turned into ☒ and ☐
// (docx-ticks.ts), which mammoth would otherwise drop.

export type ExtractedText =
  | { ok: true; text: string }
  | {
      ok: false;
      why: "damaged" | "tooLarge" | "documentTooLarge" | "tooManyEntries" | "encrypted" | "noText";
    };

const DOCUMENT = "word/document.xml";

/**
 * The largest document.xml read. mammoth takes about 0.6 s a megabyte on this machine (measured
 * in document-worst-cases.test.ts); a questionnaire's is one or two megabytes.
 */
export const MAX_DOCUMENT_XML_BYTES = 4 * 1024 * 1024;

/** Office's container for a password-protected Word file (and for old .doc files). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted .docx keeps its zip in, its name in UTF-16 as the container writes it. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/** A Word file saved with a password: a compound file holding an EncryptedPackage stream. */
export const isEncryptedWord = (bytes: Uint8Array) =>
  COMPOUND_FILE.every((byte, i) => bytes[i] === byte) &&
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ENCRYPTED_PACKAGE);

export async function docxText(bytes: Uint8Array): Promise<ExtractedText> {
  if (isEncryptedWord(bytes)) return { ok: false, why: "encrypted" };
  const unzipped = unzipCapped(bytes);
  if (!unzipped.ok) return { ok: false, why: unzipped.why === "notZip" ? "damaged" : unzipped.why };
  const document = unzipped.entries.get(DOCUMENT);
  if (!document) return { ok: false, why: "damaged" };
  if (document.length > MAX_DOCUMENT_XML_BYTES) return { ok: false, why: "documentTooLarge" };
  const files: Zippable = {};
  for (const [name, entry] of unzipped.entries) files[name] = entry;
  files[DOCUMENT] = strToU8(markTicks(strFromU8(document)));
  // Stored, not deflated: mammoth inflates it again at once.
  const rezipped = zipSync(files, { level: 0 });
  const { default: mammoth } = await import("mammoth");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(rezipped) });
    // mammoth ends every paragraph with a blank line; a converted questionnaire has a line each.
    return { ok: true, text: value.replace(/\n\n/g, "\n") };
  } catch {
    return { ok: false, why: "damaged" };
  }
}
