import { describe, expect, it } from "vitest";
import { markTicks } from "./docx-ticks";

// Word's tick boxes, each turned into a run of ☒ or ☐ in document.xml.

const text = (xml: string) =>
  [...markTicks(xml).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

const control = (checked: string, glyph = "☐") =>
  `<w:sdt><w:sdtPr><w14:checkbox>${checked}</w14:checkbox></w:sdtPr>` +
  `<w:sdtContent><w:r><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;

const formField = (checkBox: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>${checkBox}</w:checkBox>` +
  `</w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

const after = (box: string) => `<w:p>${box}<w:r><w:t> Yes</w:t></w:r></w:p>`;

describe("content controls (w14:checkbox)", () => {
  it.each([
    ['<w14:checked w14:val="1"/>', "☒ Yes"],
    ['<w14:checked w14:val="true"/>', "☒ Yes"],
    ['<w14:checked w14:val="0"/>', "☐ Yes"],
    ["", "☐ Yes"],
  ])("%s reads as %s, whatever glyph is shown", (checked, expected) => {
    expect(text(after(control(checked, "☒")))).toBe(expected);
  });

  it("leaves other content controls as they are", () => {
    const xml = `<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent><w:r><w:t>Ada</w:t></w:r></w:sdtContent></w:sdt>`;
    expect(markTicks(xml)).toBe(xml);
  });
});

describe("legacy form fields (FORMCHECKBOX)", () => {
  it.each([
    ['<w:default w:val="0"/><w:checked/>', "☒ Yes"],
    ['<w:default w:val="1"/>', "☒ Yes"],
    ['<w:default w:val="1"/><w:checked w:val="0"/>', "☐ Yes"],
    ['<w:default w:val="0"/>', "☐ Yes"],
  ])("%s reads as %s", (checkBox, expected) => {
    const xml = after(formField(checkBox));
    expect(text(xml)).toBe(expected);
    expect(markTicks(xml)).not.toContain("FORMCHECKBOX");
  });

  it("leaves other fields (a page number) as they are", () => {
    const xml = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(markTicks(xml)).toBe(xml);
  });
});

describe("symbols", () => {
  it("reads Wingdings boxes, ticked and empty", () => {
    const sym = (char: string) => `<w:r><w:sym w:font="Wingdings" w:char="${char}"/></w:r>`;
    expect(text(`<w:p>${sym("F0FE")}${sym("F0A8")}</w:p>`)).toBe("☒☐");
  });

  it("keeps ☒ and ☐ typed as characters", () => {
    expect(text(after("<w:r><w:t>☒</w:t></w:r>"))).toBe("☒ Yes");
  });
});
