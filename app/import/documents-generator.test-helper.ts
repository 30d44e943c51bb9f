// Word and PDF files made from a converted questionnaire's text, so that the importer's document
// readers are tested on the seed responses without committing binaries. Test-only.
import { strToU8, zipSync } from "fflate";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { TICKED, UNTICKED } from "./normalise";

/** How a document's tick boxes are written. */
export type BoxStyle = "characters" | "contentControls" | "formFields";

const BOXES = new RegExp(`([${TICKED}${UNTICKED}])`);

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const run = (text: string) =>
  text === "" ? "" : `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A tick box as Word writes one; the glyph shown in a control is the wrong one on purpose. */
function box(ticked: boolean, style: BoxStyle): string {
  if (style === "characters") return run(ticked ? TICKED : UNTICKED);
  if (style === "contentControls")
    return (
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${ticked ? 1 : 0}"/>` +
      `<w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox>` +
      `</w:sdtPr><w:sdtContent><w:r><w:t>?</w:t></w:r></w:sdtContent></w:sdt>`
    );
  return (
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>` +
    `<w:checkBox><w:sizeAuto/><w:default w:val="0"/>${ticked ? "<w:checked/>" : ""}</w:checkBox>` +
    `</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
  );
}

function paragraph(line: string, style: BoxStyle): string {
  const parts = line.replace(/\t/g, " ").split(BOXES);
  const runs = parts.map((part) =>
    part === TICKED || part === UNTICKED ? box(part === TICKED, style) : run(part),
  );
  return `<w:p>${runs.join("")}</w:p>`;
}

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `</Types>`;
const RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `</Relationships>`;

/** document.xml around the given body. */
export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
  `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}</w:body></w:document>`;

/** A minimal .docx of the given document.xml. */
export const docxOf = (xml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(RELS),
    "word/document.xml": strToU8(xml),
    ...extra,
  });

/** A Word file of the text, one paragraph a line, its boxes written in `style`. */
export function docxFromText(text: string, style: BoxStyle): Uint8Array {
  const body = text
    .split("\n")
    .map((line) => paragraph(line, style))
    .join("");
  return docxOf(documentXml(body));
}

const SUPERSCRIPTS = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/;
const fromSuperscript = (marks: string) =>
  [...marks].map((mark) => String("⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(mark))).join("");

const PAGE = { width: 595, height: 842, margin: 40, size: 10, leading: 14 };

/** A PDF of the text, one text line a line, its boxes drawn as AcroForm check boxes. */
export async function pdfFromText(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const form = pdf.getForm();
  // Helvetica draws WinAnsi only: other characters (superscript footnote marks) become digits.
  const drawable = (part: string) =>
    [...part.replace(/\t/g, " ")]
      .map((c) => {
        try {
          font.encodeText(c);
          return c;
        } catch {
          return c.normalize("NFKC").replace(/[^\x20-\x7e]/g, "");
        }
      })
      .join("");
  // pdf.js leaves out text beyond the page's edge: the page is as wide as the longest line.
  const lines = text.split("\n");
  const longest = Math.max(...lines.map((l) => font.widthOfTextAtSize(drawable(l), PAGE.size)));
  const width = Math.min(14_400, Math.max(PAGE.width, longest + 200 + 2 * PAGE.margin));
  const newPage = () => pdf.addPage([width, PAGE.height]);
  let page = newPage();
  let y = PAGE.height - PAGE.margin;
  let boxes = 0;
  for (const [index, written] of lines.entries()) {
    // The converted text starts each page of the original with one space: so does this PDF.
    const pageStart = index > 0 && /^ \S/.test(written);
    const line = pageStart ? written.slice(1) : written;
    if (y < PAGE.margin || pageStart) {
      page = newPage();
      y = PAGE.height - PAGE.margin;
    }
    let x = PAGE.margin;
    for (const part of line.split(BOXES)) {
      if (part === TICKED || part === UNTICKED) {
        const field = form.createCheckBox(`box${++boxes}`);
        field.addToPage(page, { x, y: y - 1, width: 9, height: 9, borderWidth: 1 });
        if (part === TICKED) field.check();
        x += 12;
      } else {
        // Superscript digits (footnote marks) as a PDF sets them: small digits, raised.
        for (const piece of part.split(SUPERSCRIPTS)) {
          if (piece === "") continue;
          const raised = SUPERSCRIPTS.test(piece);
          const shown = raised ? fromSuperscript(piece) : drawable(piece);
          const size = raised ? 6 : PAGE.size;
          page.drawText(shown, { x, y: raised ? y + 4 : y, size, font });
          x += font.widthOfTextAtSize(shown, size);
        }
      }
    }
    y -= PAGE.leading;
  }
  return pdf.save();
}

/** A PDF of one page holding only a picture: a scan. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  // A 1×1 grey PNG, stretched over the page.
  const png = Uint8Array.from(
    atob(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==",
    ),
    (c) => c.charCodeAt(0),
  );
  const image = await pdf.embedPng(png);
  page.drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  return pdf.save();
}

/** A PDF that needs a password: a standard security handler whose user password is not empty. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const key = (fill: number) => PDFString.of("\\" + fill.toString(8).padStart(3, "0").repeat(32));
  const encrypt = pdf.context.obj({ Filter: "Standard", V: 1, R: 2, P: -44 });
  encrypt.set(PDFName.of("O"), key(1));
  encrypt.set(PDFName.of("U"), key(2));
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  const id = PDFString.of("0123456789abcdef");
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save({ useObjectStreams: false });
}

/** A .docx whose document.xml inflates far past the cap: megabytes of one repeated byte. */
export function zipBomb(megabytes = 64): Uint8Array {
  const huge = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  return zipSync({ "[Content_Types].xml": strToU8(CONTENT_TYPES), "word/document.xml": huge });
}
