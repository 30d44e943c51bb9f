import { describe, expect, it } from "vitest";
import { neutraliseText, safeCell, startsLikeFormula } from "./safe-cell";

describe("safe cells (spreadsheet formula injection)", () => {
  it.each(["=1+1", "+250 788", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")'])(
    "prefixes %j with a quote",
    (text) => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(neutraliseText(text)).toBe(`'${text}`);
    },
  );

  it.each(["Rwanda", "https://irembo.gov.rw", " =1", "1+1", "", "’quoted", "٣=٣", "'=1"])(
    "leaves %j as it is",
    (text) => {
      expect(neutraliseText(text)).toBe(text);
    },
  );

  it("leaves numbers and empty cells alone", () => {
    expect(safeCell(0)).toBe(0);
    expect(safeCell(1)).toBe(1);
    expect(safeCell(null)).toBeNull();
    expect(safeCell("-x")).toBe("'-x");
  });
});
