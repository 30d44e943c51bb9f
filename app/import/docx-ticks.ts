import { TICKED, UNTICKED } from "./normalise";

// Word keeps a tick box's state in markup that text extraction (mammoth) drops: a content
// control (`w14:checkbox`, its state in `w14:checked`), a legacy form field (`FORMCHECKBOX`:
// `w:ffData/w:checkBox` with `w:checked` or `w:default`) or a symbol (`w:sym`, Wingdings).
// Each is replaced here, in word/document.xml, by a plain run holding ☒ or ☐, so that the
// text the parser gets says what the document says. One pass over the tags: linear.

// No "<" inside a tag: a stray "<" ends the attempt there, so no match scans past the next tag.
const TAG = /<(\/?)([A-Za-z][\w.:-]*)([^<>]*?)(\/?)>/g;
const markRun = (ticked: boolean) => `<w:r><w:t>${ticked ? TICKED : UNTICKED}</w:t></w:r>`;
const markText = (ticked: boolean) => `<w:t>${ticked ? TICKED : UNTICKED}</w:t>`;

const ATTRIBUTES = new Map(
  ["w:val", "w14:val", "w:fldCharType", "w:char"].map((name) => [
    name,
    new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`),
  ]),
);
const attribute = (attributes: string, name: string) =>
  ATTRIBUTES.get(name)!.exec(attributes)?.[1] ?? null;

/** `w:val` of an on/off element: absent means on ("<w:checked/>"). */
const isOn = (attributes: string) => {
  const value = attribute(attributes, "w:val") ?? attribute(attributes, "w14:val");
  return value === null || value === "1" || value === "true" || value === "on";
};

/** Wingdings and Segoe symbols drawn as boxes: ticked (þ, ý, x-box) or empty (¨, o). */
const SYMBOL_TICKED = new Set(["F0FE", "F0FD", "F078", "2612", "F0D2"]);
const SYMBOL_UNTICKED = new Set(["F0A8", "F06F", "2610", "F0A3"]);

type Open = { start: number; checkbox: boolean; ticked: boolean };
type Field = { runStart: number; ticked: boolean | null; depth: number; ended: boolean };

/** document.xml with every tick box replaced by a run of ☒ or ☐. */
export function markTicks(xml: string): string {
  const out: string[] = [];
  let copied = 0;
  const sdts: Open[] = [];
  // Open content controls that are tick boxes: a symbol inside one is its glyph, not a box.
  let openCheckboxes = 0;
  let runStart = -1;
  let field: Field | null = null;
  // A legacy field's state is read from the ffData inside its begin fldChar.
  let inFfCheckBox = false;
  let ffDefault = false;
  let ffChecked: boolean | null = null;
  const replace = (start: number, end: number, text: string) => {
    if (start < copied) return; // inside a range already replaced
    out.push(xml.slice(copied, start), text);
    copied = end;
  };
  for (const match of xml.matchAll(TAG)) {
    const [whole, closing, name, attributes, selfClosing] = match;
    const at = match.index;
    const end = at + whole.length;
    if (name === "w:sdt") {
      if (!closing) sdts.push({ start: at, checkbox: false, ticked: false });
      else {
        const sdt = sdts.pop();
        if (sdt?.checkbox) openCheckboxes--;
        if (sdt?.checkbox && !field) replace(sdt.start, end, markRun(sdt.ticked));
      }
    } else if (name === "w14:checkbox" && !closing && sdts.length > 0) {
      const sdt = sdts[sdts.length - 1]!;
      if (!sdt.checkbox) openCheckboxes++;
      sdt.checkbox = true;
    } else if (name === "w14:checked" && sdts.length > 0) {
      sdts[sdts.length - 1]!.ticked = isOn(attributes!);
    } else if (name === "w:r" && !closing && !selfClosing) {
      runStart = at;
    } else if (name === "w:r" && closing && field?.ended) {
      // The run that holds the field's end: the field, begin to end, becomes one box.
      if (field.ticked !== null && field.runStart >= 0)
        replace(field.runStart, end, markRun(field.ticked));
      field = null;
    } else if (name === "w:fldChar") {
      const type = attribute(attributes!, "w:fldCharType");
      if (type === "begin") {
        if (field && !field.ended) field.depth++;
        else if (!selfClosing) {
          field = { runStart, ticked: null, depth: 0, ended: false };
          ffDefault = false;
          ffChecked = null;
        }
      } else if (type === "end" && field && !field.ended) {
        if (field.depth > 0) field.depth--;
        else field.ended = true;
      } else if (closing && field && field.depth === 0 && inFfCheckBox) {
        inFfCheckBox = false;
      }
    } else if (name === "w:checkBox" && field) {
      if (closing || selfClosing) {
        field.ticked = ffChecked ?? ffDefault;
        inFfCheckBox = false;
      } else inFfCheckBox = true;
    } else if (name === "w:default" && inFfCheckBox) {
      ffDefault = isOn(attributes!);
    } else if (name === "w:checked" && inFfCheckBox) {
      ffChecked = isOn(attributes!);
    } else if (name === "w:sym" && !field && openCheckboxes === 0) {
      const char = (attribute(attributes!, "w:char") ?? "").toUpperCase();
      if (SYMBOL_TICKED.has(char)) replace(at, end, markText(true));
      else if (SYMBOL_UNTICKED.has(char)) replace(at, end, markText(false));
    }
  }
  if (copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join("");
}
