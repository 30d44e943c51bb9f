import fc from "fast-check";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  acceptsGzip,
  documentBody,
  documentParts,
  type DocumentPart,
  keptPlaceholder,
} from "./document-body.server";

const GZIP = "gzip, deflate, br";
const joined = (parts: readonly DocumentPart[]) =>
  parts.map((part) => ("kept" in part ? part.kept : part.text)).join("");

// Texts with what a page holds: markup, letters of every script, emoji (four UTF-8 bytes).
const text = fc.string({ unit: "binary", maxLength: 3000 });
const part = fc.oneof(
  text.map((t) => ({ text: t })),
  // Few distinct kept markups, so that one comes again (compressed once, then reused).
  fc.constantFrom("<svg>map</svg>", "<tr><td>Rwanda</td></tr>".repeat(400), "").map((k) => ({
    kept: k,
  })),
  text.map((t) => ({ kept: t })),
);

describe("a document's body", () => {
  it("decompresses to the document, its kept parts compressed once and joined", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const body = documentBody(parts, GZIP);
        const hasKept = parts.some((p) => "kept" in p);
        expect(body.encoding).toBe(hasKept ? "gzip" : null);
        const decoded = body.encoding ? gunzipSync(body.bytes) : body.bytes;
        expect(decoded.toString("utf8")).toBe(joined(parts));
      }),
      { numRuns: 300 },
    );
  });

  it("is sent as it is to a client that does not accept gzip", () => {
    const parts = [{ text: "<p>" }, { kept: "<svg>map</svg>" }, { text: "</p>" }];
    for (const refusing of [null, "", "br", "identity", "gzip;q=0, br"]) {
      const body = documentBody(parts, refusing);
      expect(body.encoding).toBeNull();
      expect(body.bytes.toString("utf8")).toBe("<p><svg>map</svg></p>");
    }
  });

  it("compresses the kept markup that makes most of the page to a fraction of it", () => {
    const rows = Array.from({ length: 193 }, (_, i) => `<tr><td>Country ${i}</td></tr>`).join("");
    const body = documentBody([{ text: "<table>" }, { kept: rows }, { text: "</table>" }], GZIP);
    expect(body.bytes.length).toBeLessThan(rows.length / 4);
  });
});

describe("gzip negotiated as the compression middleware does", () => {
  it("accepts gzip when the client lists it or any encoding, and not at q=0", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});

describe("a page cut at its kept markup's places", () => {
  it("puts each kept markup where its placeholder was, in the page's order", () => {
    const kept = new Map([
      ["rows", "<tr></tr>"],
      ["map", "<svg></svg>"],
      ["absent", "<p>not on this page</p>"],
    ]);
    const html = `<main>${keptPlaceholder("map")}<table>${keptPlaceholder("rows")}</table></main>`;
    expect(documentParts(html, kept)).toEqual([
      { text: "<main>" },
      { kept: "<svg></svg>" },
      { text: "<table>" },
      { kept: "<tr></tr>" },
      { text: "</table></main>" },
    ]);
  });

  it("leaves a page without kept markup whole", () => {
    expect(documentParts("<main>x</main>", new Map())).toEqual([{ text: "<main>x</main>" }]);
  });
});
