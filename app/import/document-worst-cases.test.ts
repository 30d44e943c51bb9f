import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { MAX_INFLATED_BYTES } from "./capped-unzip";
import { FILES, readDocument } from "./documents.test-helper";
import { docxOf, documentXml, zipBomb } from "./documents-generator.test-helper";
import { markTicks } from "./docx-ticks";
import { MAX_DOCUMENT_XML_BYTES } from "./read-docx";
import { inEnglish } from "./messages.test-helper";
import { readUploadItems } from "./read-upload";

// The document readers on their worst inputs, as worst-cases.test.ts does for the parser: Word
// markup at the inflated cap shaped to make a scan quadratic, a Word file whose document.xml is
// at the cap, a PDF of thousands of pages, and bombs. Each must finish in time linear in its size.
// Measured on this 2-core machine: see the bounds' comments.

/** markTicks on 20 MB: ~0.3-0.8 s measured. */
const TICKS_BOUND_MS = 3_000;
/** A whole Word or PDF file read: within the worker's budget (parse-off-thread.server.ts). */
const READ_BOUND_MS = 5_000;

const atCap = (unit: string) => unit.repeat(Math.floor((MAX_INFLATED_BYTES - 1024) / unit.length));

async function elapsed(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const WORST_MARKUP: Record<string, string> = {
  "unclosed tags": atCap("<w:r"),
  "content controls never closed": atCap("<w:sdt><w14:checkbox/>"),
  "symbols in an open tick box": "<w:sdt><w14:checkbox/>" + atCap('<w:sym w:char="F0FE"/>'),
  "form fields never ended": atCap(
    '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox/></w:ffData></w:fldChar>',
  ),
  "form fields ended without a run's end": atCap(
    '<w:fldChar w:fldCharType="begin"><w:checkBox/></w:fldChar><w:fldChar w:fldCharType="end"/>',
  ),
  "tick boxes": atCap(
    '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr></w:sdt>',
  ),
  "long attributes": atCap(`<w:fldChar ${'w:x="1" '.repeat(1000)}/>`),
};

describe("markTicks on 20 MB of document.xml", () => {
  it.each(Object.entries(WORST_MARKUP))("%s", async (_, xml) => {
    expect(await elapsed(() => markTicks(xml))).toBeLessThan(TICKS_BOUND_MS);
  });
});

describe("whole files", () => {
  it("a Word file whose document.xml is at its cap", async () => {
    const paragraphs = readDocument(FILES.rwanda)
      .split("\n")
      .map((line) => `<w:p><w:r><w:t>${line.replace(/[<&>]/g, " ")}</w:t></w:r></w:p>`)
      .join("");
    // Whole copies, a few of whose characters are three bytes long: just under the cap.
    const copies = Math.floor((MAX_DOCUMENT_XML_BYTES * 0.97) / paragraphs.length);
    const xml = documentXml(paragraphs.repeat(copies));
    const docx = docxOf(xml);
    let refusal = "";
    const time = await elapsed(async () => {
      const reading = await readUploadItems(docx, "big.docx", msq2020);
      refusal = reading.ok ? "" : reading.error.problem.code;
    });
    expect(time).toBeLessThan(READ_BOUND_MS);
    // Its text, copies of a questionnaire's, is past the parser's 2 MB: refused once extracted.
    expect(refusal).toBe("documentTextTooLarge");
  });

  it("a Word file whose document.xml is past its cap, refused before mammoth reads it", async () => {
    const xml = documentXml(
      `<w:p><w:r><w:t>${"a ".repeat(MAX_DOCUMENT_XML_BYTES / 2)}</w:t></w:r></w:p>`,
    );
    const reading = await readUploadItems(docxOf(xml), "long.docx", msq2020);
    expect(reading.ok ? "" : inEnglish(reading.error.problem)).toBe(
      "long.docx unpacks to more than 4 MB, far more than a questionnaire: it is refused.",
    );
  });

  it("a Word file of more entries than allowed, refused before reading them", async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`word/media/${i}.xml`, strToU8("x")]),
    );
    const docx = zipSync({ "word/document.xml": strToU8(documentXml("")), ...entries });
    let code = "";
    const time = await elapsed(async () => {
      const reading = await readUploadItems(docx, "many.docx", msq2020);
      code = reading.ok ? "" : reading.error.problem.code;
    });
    expect(code).toBe("documentTooManyParts");
    expect(time).toBeLessThan(READ_BOUND_MS);
  });

  it("a zip bomb of 256 MB, stopped at the cap", async () => {
    const bomb = zipBomb(256);
    let code = "";
    const time = await elapsed(async () => {
      const reading = await readUploadItems(bomb, "bomb.docx", msq2020);
      code = reading.ok ? "" : reading.error.problem.code;
    });
    expect(code).toBe("documentInflatesTooLarge");
    expect(time).toBeLessThan(READ_BOUND_MS);
  }, 30_000);

  it("a PDF of 3,000 pages", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let n = 0; n < 3_000; n++) {
      const page = pdf.addPage();
      for (let line = 0; line < 5; line++)
        page.drawText(`Line ${line} of page ${n}`, { x: 40, y: 800 - 14 * line, size: 10, font });
    }
    const bytes = await pdf.save();
    let code = "";
    const time = await elapsed(async () => {
      const reading = await readUploadItems(bytes, "pages.pdf", msq2020);
      const problem = reading.ok ? null : reading.error.problem;
      code = problem?.code === "inFile" ? problem.values.problem.code : "";
    });
    // 15,000 lines: more than a questionnaire has.
    expect(code).toBe("tooManyLines");
    expect(time).toBeLessThan(READ_BOUND_MS);
  }, 60_000);
});
