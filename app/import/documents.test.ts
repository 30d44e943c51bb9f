import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { FILES } from "./documents.test-helper";
import {
  docxFromText,
  encryptedPdf,
  pdfFromText,
  scannedPdf,
  zipBomb,
  type BoxStyle,
} from "./documents-generator.test-helper";
import { inEnglish } from "./messages.test-helper";
import { readMsqItems, type DocumentItems } from "./read-document";
import { readUploadItems } from "./read-upload";

// Word and PDF files made from the seed responses are read to the same answers as their text,
// ticks included; scans, password-protected, damaged and bomb-like files are refused, saying why.

const encode = (text: string) => new TextEncoder().encode(text);

function answersOf(reading: DocumentItems) {
  if (!reading.ok) throw new Error(inEnglish(reading.error.problem));
  const { parsed } = reading.items[0]!;
  return {
    country: parsed.country,
    responseDate: parsed.responseDate,
    authorizePublication: parsed.authorizePublication,
    answers: parsed.answers,
  };
}

const refusalOf = (reading: DocumentItems) =>
  reading.ok ? "read" : inEnglish(reading.error.problem);

const STYLES: BoxStyle[] = ["characters", "contentControls", "formFields"];

describe.each(Object.entries(FILES))("the %s response", (_, file) => {
  const text = readFileSync(file, "utf8");
  const expected = answersOf(readMsqItems(encode(text), "response.txt", msq2020));

  it.each(STYLES)("as Word, its boxes as %s, reads as its text", async (style) => {
    const reading = await readUploadItems(docxFromText(text, style), "response.docx", msq2020);
    expect(answersOf(reading)).toEqual(expected);
  });

  it("as a PDF with AcroForm check boxes, reads as its text", async () => {
    const reading = await readUploadItems(await pdfFromText(text), "response.pdf", msq2020);
    expect(answersOf(reading)).toEqual(expected);
  });
});

describe("where a document does not say", () => {
  it("leaves the answer null with a warning, as the text import does", async () => {
    // Rwanda's response with every box taken out: nothing says which answers are ticked.
    const text = readFileSync(FILES.rwanda, "utf8").replace(/[☒☐]/g, "");
    const expected = readMsqItems(encode(text), "response.txt", msq2020);
    const reading = await readUploadItems(docxFromText(text, "formFields"), "r.docx", msq2020);
    expect(answersOf(reading)).toEqual(answersOf(expected));
    expect(answersOf(reading).authorizePublication).toBeNull();
    const warnings = (r: DocumentItems) => (r.ok ? r.items[0]!.parsed.warnings : []);
    expect(warnings(reading)).toEqual(warnings(expected));
    expect(warnings(reading).length).toBeGreaterThan(0);
  });
});

describe("files refused", () => {
  it("a zip bomb, stopped while inflating", async () => {
    const reading = await readUploadItems(zipBomb(), "bomb.docx", msq2020);
    expect(refusalOf(reading)).toMatch(/bomb\.docx unpacks to more than 20 MB/);
  });

  it("a scan: a PDF without text", async () => {
    const reading = await readUploadItems(await scannedPdf(), "scan.pdf", msq2020);
    expect(refusalOf(reading)).toMatch(/scan\.pdf holds no text.*scan/);
  });

  it("a Word file saved with a password (a compound file holding an EncryptedPackage)", async () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const name = new TextEncoder().encode("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0");
    const bytes = new Uint8Array([...header, ...new Uint8Array(500), ...name, 0, 0]);
    const reading = await readUploadItems(bytes, "locked.docx", msq2020);
    expect(refusalOf(reading)).toMatch(/locked\.docx is protected by a password/);
  });

  it("a PDF that needs a password", async () => {
    const reading = await readUploadItems(await encryptedPdf(), "locked.pdf", msq2020);
    expect(refusalOf(reading)).toMatch(/locked\.pdf is protected by a password/);
  });

  it.each([
    ["a truncated PDF", "cut.pdf", async () => (await scannedPdf()).slice(0, 200)],
    ["a PDF that is not one", "fake.pdf", async () => encode("not a PDF at all")],
    [
      "a truncated Word file",
      "cut.docx",
      async () => docxFromText("Rwanda", "characters").slice(0, 60),
    ],
    ["a Word file that is not a zip", "fake.docx", async () => encode("plain text")],
  ])("%s, as damaged", async (_, name, bytes) => {
    const reading = await readUploadItems(await bytes(), name, msq2020);
    expect(refusalOf(reading)).toContain(
      `${name} could not be opened as a Word (.docx) or PDF file`,
    );
  });

  it("a file over the documents' size limit", async () => {
    const reading = await readUploadItems(new Uint8Array(11 * 1024 * 1024), "big.pdf", msq2020);
    expect(refusalOf(reading)).toMatch(/big\.pdf is too large \(11\.0 MB; the limit is 10\.0 MB\)/);
  });
});
