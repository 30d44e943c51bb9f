import { describe, expect, it } from "vitest";
import { asciiDigits } from "./digits";
import { expectLinear } from "./timing.test-helper";

describe("asciiDigits", () => {
  it("reads Arabic-Indic, Extended Arabic-Indic and full-width digits as plain digits", () => {
    expect(asciiDigits("١٢٥٠")).toBe("1250");
    expect(asciiDigits("۱۲٫۵")).toBe("12.5");
    expect(asciiDigits("١٬٢٥٠٫٧٥")).toBe("1250.75");
    expect(asciiDigits("２０２６-０３-３０")).toBe("2026-03-30");
  });

  it("leaves plain digits and other text as they are", () => {
    expect(asciiDigits("-12.5")).toBe("-12.5");
    expect(asciiDigits("about 12")).toBe("about 12");
  });

  it("takes time linear in the text (a 2 MB post of digits)", async () => {
    await expectLinear(
      (size) => {
        const text = "١٢٣٤٥٫٦".repeat(size / 7);
        return () => asciiDigits(text);
      },
      2_000_000,
      2_000,
    );
  });
});
