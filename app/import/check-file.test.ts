import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { checkFile, MAX_FILE_BYTES } from "./check-file";
import { FILES, NOT_A_RESPONSE, readDocument } from "./documents.test-helper";
import { refusalInEnglish } from "./messages.test-helper";
import { readMsqDocument } from "./read-document";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("file checks", () => {
  it("accepts UTF-8 text, with or without a byte-order mark", () => {
    expect(checkFile(bytes("\uFEFFRwanda"), "a.txt")).toEqual({ ok: true, text: "Rwanda" });
    expect(checkFile(bytes("Tadjikistan ✓"), "a.txt")).toEqual({ ok: true, text: "Tadjikistan ✓" });
  });

  it.each([
    ["an empty file", new Uint8Array(), /a\.txt is empty/],
    ["a file of blanks", bytes(" \n\t\n"), /a\.txt is empty/],
    ["a file with NUL bytes", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), /binary file/],
    ["invalid UTF-8", new Uint8Array([0x66, 0xff, 0xfe, 0x6f]), /not UTF-8 text/],
    [
      "a file over 2 MB",
      new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61),
      /too large \(2\.0 MB; the limit is 2\.0 MB\)/,
    ],
  ])("refuses %s", (_, content, message) => {
    const result = checkFile(content, "a.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(refusalInEnglish(result.error)).toMatch(message);
  });
});

describe("reading an uploaded document", () => {
  it("reads a response", () => {
    const result = readMsqDocument(bytes(readDocument(FILES.qatar)), "qatar.txt", msq2020);
    expect(result.ok && result.parsed.country).toBe("QAT");
  });

  it("refuses a document that is not a response", () => {
    const result = readMsqDocument(bytes(readDocument(NOT_A_RESPONSE)), "brief.txt", msq2020);
    expect(result.ok).toBe(false);
    expect(!result.ok && refusalInEnglish(result.error)).toBe(
      "brief.txt: This is not an MSQ 2020 response: none of the questionnaire's questions were found.",
    );
  });

  it("refuses a response whose country is not a Member State", () => {
    const text = readDocument(FILES.rwanda).replace("RWANDA", "Republic of Narnia");
    const result = readMsqDocument(bytes(text), "narnia.txt", msq2020);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(refusalInEnglish(result.error)).toMatch(
        /narnia\.txt: the responding country is not known.*"Republic of Narnia"/,
      );
  });
});
