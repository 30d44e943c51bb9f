import type { ExtractedText } from "./read-docx";
import { MAX_LINES } from "./parse-msq";
import { pageLines, type PlacedBox, type PlacedText } from "./pdf-lines";

// A PDF's text, as the parser reads a converted questionnaire: pdf.js's text content, page by
// page, with each AcroForm tick box put in as ☒ or ☐ where it sits (pdf-lines.ts). A PDF without
// any text is a scan, which is refused (no OCR); so is one that needs a password.

type TextItem = { str: string; transform: number[]; width: number; height: number };
type Annotation = {
  subtype?: string;
  checkBox?: boolean;
  fieldValue?: unknown;
  exportValue?: unknown;
  rect?: number[];
};

/** A check box is ticked when its value is its export value (anything but "Off"). */
function isTicked(annotation: Annotation): boolean {
  const value = annotation.fieldValue;
  if (typeof value !== "string" || value === "" || value === "Off") return false;
  return typeof annotation.exportValue === "string" ? value === annotation.exportValue : true;
}

function placedText(item: TextItem): PlacedText {
  const [, , , , x = 0, baseline = 0] = item.transform;
  return {
    text: item.str,
    x,
    y: baseline + item.height / 2,
    height: item.height,
    width: item.width,
  };
}

function placedBox(annotation: Annotation): PlacedBox | null {
  const [x1, y1, x2, y2] = annotation.rect ?? [];
  if ([x1, y1, x2, y2].some((n) => typeof n !== "number")) return null;
  const [left, bottom, right, top] = [x1!, y1!, x2!, y2!];
  return {
    ticked: isTicked(annotation),
    x: Math.min(left, right),
    y: (bottom + top) / 2,
    height: Math.abs(top - bottom),
    width: Math.abs(right - left),
  };
}

export async function pdfText(bytes: Uint8Array): Promise<ExtractedText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of the buffer it is given, and refuses a Buffer: a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    // Tick boxes are form fields: a PDF without a form has none, and its pages' annotations are
    // not read (half of each page's cost).
    const hasForm = (await pdf.getFieldObjects()) !== null;
    const lines: string[] = [];
    let hasText = false;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const texts = (content.items as TextItem[]).filter((item) => "str" in item).map(placedText);
      hasText ||= texts.some((t) => t.text.trim() !== "");
      const annotations = hasForm ? ((await page.getAnnotations()) as Annotation[]) : [];
      const boxes = annotations
        .filter((a) => a.subtype === "Widget" && a.checkBox)
        .map(placedBox)
        .filter((box) => box !== null);
      const onPage = pageLines(texts, boxes);
      // As the converted text the parser knows marks it: a page's first line starts with a space.
      if (number > 1 && onPage.length > 0) onPage[0] = ` ${onPage[0]!.trimStart()}`;
      lines.push(...onPage);
      page.cleanup();
      // Past the parser's line cap the file is refused whatever follows: the pages after it are
      // not read (a PDF of thousands of pages would otherwise take the worker's whole budget).
      if (lines.length > MAX_LINES) break;
    }
    if (!hasText) return { ok: false, why: "noText" };
    return { ok: true, text: lines.join("\n") };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { ok: false, why: name === "PasswordException" ? "encrypted" : "damaged" };
  } finally {
    await task.destroy();
  }
}
