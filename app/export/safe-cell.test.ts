import { describe, expect, it } from "vitest";
import { csvSafeCell, neutraliseText, startsLikeFormula } from "./safe-cell";

describe("CSV-safe cells (spreadsheet formula injection)", () => {
  it.each([
    "=1+1",
    "+250 788",
    "+254 20 4920000",
    "-2+3",
    "- a bullet point",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("x")',
    "-1e3",
    "+1,5",
  ])("prefixes %j with a quote", (text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(neutraliseText(text)).toBe(`'${text}`);
  });

  it.each(["Rwanda", "https://irembo.gov.rw", " =1", "1+1", "", "’quoted", "٣=٣", "'=1"])(
    "leaves %j as it is",
    (text) => {
      expect(neutraliseText(text)).toBe(text);
    },
  );

  it.each(["-5", "+5", "-0.25", "+250788000000"])(
    "leaves the plain number %j as it is (a spreadsheet reads it as that number)",
    (text) => {
      expect(neutraliseText(text)).toBe(text);
    },
  );

  it("leaves numbers and empty cells alone", () => {
    expect(csvSafeCell(0)).toBe(0);
    expect(csvSafeCell(1)).toBe(1);
    expect(csvSafeCell(null)).toBeNull();
    expect(csvSafeCell("-x")).toBe("'-x");
  });
});
