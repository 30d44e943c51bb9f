import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirect("/countries/RWA")).toBe("/countries/RWA");
    expect(safeRedirect("/countries/RWA/sections/II?x=1#q7")).toBe(
      "/countries/RWA/sections/II?x=1#q7",
    );
  });

  it("refuses other sites and odd values", () => {
    for (const bad of [
      "//evil.example.org",
      "/\\evil.example.org",
      "https://evil.example.org",
      "evil",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirect(bad, "/home")).toBe("/home");
    }
  });
});
