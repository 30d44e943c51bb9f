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

export async function docxText(bytes: Uint8Array): Promise<ExtractedText> {
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
