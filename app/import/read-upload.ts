import type { Questionnaire } from "~/questionnaire";
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from "./capped-unzip";
import { MAX_FILE_BYTES, megabytes, tooLarge } from "./check-file";
import { problem, refusal, type ImportProblem } from "./problems";
import { readMsqItems, readMsqText, type DocumentItems } from "./read-document";
import { docxText, MAX_DOCUMENT_XML_BYTES, type ExtractedText } from "./read-docx";
import { pdfText } from "./read-pdf";

// Any file the importer takes: a Word (.docx) or PDF file has its text extracted first (with its
// tick boxes as ☒ and ☐), then it is read as a converted questionnaire (.txt, .md) is; anything
// else goes to readMsqItems. Asynchronous, as the document libraries are.

/** A Word or PDF file may hold pictures and fonts: larger than its text, within reason. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentKind = "docx" | "pdf";

const PDF_MAGIC = "%PDF-";

/** What kind of document the file is, by its name, or a PDF by its first bytes. */
export function documentKind(name: string, bytes: Uint8Array): DocumentKind | null {
  if (/\.docx$/i.test(name)) return "docx";
  if (/\.pdf$/i.test(name)) return "pdf";
  const start = new TextDecoder("latin1").decode(bytes.subarray(0, PDF_MAGIC.length));
  return start === PDF_MAGIC ? "pdf" : null;
}

export const CONTENT_TYPES: Record<DocumentKind | "text" | "markdown", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  text: "text/plain; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
};

/** The media type a stored source file is served with. */
export function contentTypeOf(name: string, bytes: Uint8Array): string {
  const kind = documentKind(name, bytes);
  if (kind) return CONTENT_TYPES[kind];
  return /\.md$/i.test(name) ? CONTENT_TYPES.markdown : CONTENT_TYPES.text;
}

function whyRefused(name: string, why: Exclude<ExtractedText, { ok: true }>["why"]): ImportProblem {
  switch (why) {
    case "damaged":
      return problem("documentDamaged", { name });
    case "encrypted":
      return problem("documentEncrypted", { name });
    case "noText":
      return problem("pdfWithoutText", { name });
    case "tooLarge":
      return problem("documentInflatesTooLarge", { name, limit: megabytes(MAX_INFLATED_BYTES) });
    case "documentTooLarge":
      return problem("documentInflatesTooLarge", {
        name,
        limit: megabytes(MAX_DOCUMENT_XML_BYTES),
      });
    case "tooManyEntries":
      return problem("documentTooManyParts", { name, limit: MAX_ZIP_ENTRIES });
  }
}

/** Every response in the file: a document's one, or readMsqItems' for any other file. */
export async function readUploadItems(
  bytes: Uint8Array,
  name: string,
  questionnaire: Questionnaire,
): Promise<DocumentItems> {
  const kind = documentKind(name, bytes);
  if (!kind) return readMsqItems(bytes, name, questionnaire);
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return { ok: false, error: tooLarge(name, bytes.length, MAX_DOCUMENT_BYTES) };
  const extracted = kind === "docx" ? await docxText(bytes) : await pdfText(bytes);
  if (!extracted.ok) return { ok: false, error: refusal(whyRefused(name, extracted.why)) };
  const text = extracted.text;
  // The parser's bounds are measured on the largest text file; a document's text is held to them.
  if (text.length > MAX_FILE_BYTES) {
    const size = megabytes(text.length);
    const limit = megabytes(MAX_FILE_BYTES);
    return { ok: false, error: refusal(problem("documentTextTooLarge", { name, size, limit })) };
  }
  if (text.trim() === "") return { ok: false, error: refusal(problem("emptyFile", { name })) };
  const reading = readMsqText(text, name, questionnaire);
  if (!reading.ok) return reading;
  return { ok: true, items: [{ source: name, content: bytes, parsed: reading.parsed }] };
}
