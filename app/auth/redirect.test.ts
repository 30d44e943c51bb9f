import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

// How a browser reads a Location header relative to the portal: what safeRedirect returns must
// always land on the portal's own origin.
const ORIGIN = "https://msq.example.org";
const landsOnSite = (location: string) => new URL(location, `${ORIGIN}/a/b`).origin === ORIGIN;

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirect("/countries/RWA")).toBe("/countries/RWA");
    expect(safeRedirect("/countries/RWA/sections/II?x=1#q7")).toBe(
      "/countries/RWA/sections/II?x=1#q7",
    );
    expect(safeRedirect("/review?q=c%C3%B4te")).toBe("/review?q=c%C3%B4te");
    // Dot segments that stay on the site are simply resolved.
    expect(safeRedirect("/countries/./RWA/../QAT")).toBe("/countries/QAT");
    expect(safeRedirect("/review?next=//evil.example")).toBe("/review?next=//evil.example");
  });

  const offSite = [
    // Another host, directly
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    // Dot segments that collapse into "//"
    "/.//evil.example",
    "/././/evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/.%2e//evil.example",
    "/a/..//evil.example",
    "/a/%2e%2e//evil.example",
    "/a/.%2E//evil.example",
    // Backslashes, which browsers read as slashes
    "/\\evil.example",
    "/\\/evil.example",
    "/.\\/evil.example",
    "/%5cevil.example",
    "/%5Cevil.example",
    // Encoded slashes, once or twice
    "/%2f%2fevil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%252f%252fevil.example",
    "%2F%2Fevil.example",
    "%2f%2fevil.example",
    // Tabs and newlines, which the URL parser drops
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/.\t//evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/\u0000/evil.example",
    // Not a path at all
    "evil.example",
    " /countries",
    "",
    "/%",
    null,
    undefined,
  ];

  it.each(offSite)("refuses %j", (bad) => {
    expect(safeRedirect(bad, "/home")).toBe("/home");
  });

  it("never returns a Location that leaves the site", () => {
    for (const value of offSite) expect(landsOnSite(safeRedirect(value, "/home"))).toBe(true);
  });

  it("resolves against the portal's origin when given one", () => {
    expect(safeRedirect("/countries", "/", ORIGIN)).toBe("/countries");
    expect(safeRedirect(`${ORIGIN}/countries`, "/", ORIGIN)).toBe("/");
  });
});
