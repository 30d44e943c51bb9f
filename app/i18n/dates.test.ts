import { describe, expect, it } from "vitest";
import { formatDay, formatUtcDateTime } from "./dates";
import { locales } from "./locale";

// Dates for people in each language, in UTC: the same on the server, in browsers and in files.

describe("dates for people", () => {
  it("writes a day as each language does", () => {
    const days = Object.fromEntries(locales.map((l) => [l, formatDay("2026-03-30", l)]));
    expect(days).toEqual({
      ar: "30 مارس 2026",
      zh: "2026年3月30日",
      en: "30 March 2026",
      fr: "30 mars 2026",
      ru: "30 марта 2026 г.",
      es: "30 de marzo de 2026",
    });
  });

  it("reads the day of a timestamp in UTC, never the server's time zone", () => {
    expect(formatDay("2026-03-30T23:30:00.000Z", "en")).toBe("30 March 2026");
    expect(formatDay("2026-03-31T00:30:00.000Z", "fr")).toBe("31 mars 2026");
  });

  it("writes a moment to the minute, in UTC", () => {
    const at = new Date("2026-11-22T12:05:00.000Z");
    expect(formatUtcDateTime(at, "en")).toBe("22 November 2026 at 12:05");
    expect(formatUtcDateTime(at, "fr")).toBe("22 novembre 2026 à 12:05");
    expect(formatUtcDateTime(at, "es")).toBe("22 de noviembre de 2026 a las 12:05");
    expect(formatUtcDateTime(at, "zh")).toBe("2026年11月22日 12:05");
    // Western digits in Arabic, as on every page (formatTag).
    expect(formatUtcDateTime(at, "ar")).toMatch(/^22 نوفمبر 2026 .*12:05/);
  });
});
