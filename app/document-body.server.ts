import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import { constants, crc32, deflateRawSync } from "node:zlib";

// A document's bytes, compressed with its kept markup compressed once (decision 030). The
// dashboard's map, rows and timeline are 160 of its 186 KB and the same for request after
// request; compressing them again on every request was a quarter of its server time. Deflate
// (gzip's format) lets a stream be joined from parts compressed apart, as pigz does: each part
// is deflated on its own, ending on a byte boundary with an empty stored block (a sync flush)
// and no final block; the stream ends with an empty final block. No part refers back into
// another, so a part is the same bytes wherever it sits.

/** A document in order: the page's own text, and markup kept (rendered apart, sent unchanged). */
export type DocumentPart = { text: string } | { kept: string };

/** Buffer.concat's bytes are in an ArrayBuffer (never a shared one), as a Response's body takes. */
type Bytes = Buffer<ArrayBuffer>;
type Encoded = { bytes: Buffer; deflated: Buffer };

const SYNC_FLUSH = { finishFlush: constants.Z_SYNC_FLUSH };
/** gzip's header: deflate, no name or time, "unknown" system (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: BFINAL 1, BTYPE 01, then end-of-block. */
const FINAL_BLOCK = [0x03, 0x00];

/**
 * Where a kept markup goes in the rendered page: a comment that React's own output cannot hold
 * (it escapes `<` in every text and attribute).
 */
export function keptPlaceholder(id: string): string {
  return `<!--kept:${id}-->`;
}

/** The rendered page cut at its placeholders, each replaced by the markup kept for it. */
export function documentParts(html: string, kept: ReadonlyMap<string, string>): DocumentPart[] {
  const found: { at: number; end: number; markup: string }[] = [];
  for (const [id, markup] of kept) {
    const placeholder = keptPlaceholder(id);
    const at = html.indexOf(placeholder);
    if (at !== -1) found.push({ at, end: at + placeholder.length, markup });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: DocumentPart[] = [];
  let from = 0;
  for (const { at, end, markup } of found) {
    parts.push({ text: html.slice(from, at) }, { kept: markup });
    from = end;
  }
  parts.push({ text: html.slice(from) });
  return parts;
}

/**
 * The 24 markups most recently sent, each encoded once: a map per language and set of statuses,
 * the rows of a view, a timeline (lru-cache, as for the submissions' answers: decision 021).
 */
const keptEncoded = new LRUCache<string, Encoded>({ max: 24 });

function encodeKept(markup: string): Encoded {
  const known = keptEncoded.get(markup);
  if (known) return known;
  const bytes = Buffer.from(markup, "utf8");
  // Compressed once, so with the slowest level: the smallest it gets.
  const encoded = { bytes, deflated: deflateRawSync(bytes, { ...SYNC_FLUSH, level: 9 }) };
  keptEncoded.set(markup, encoded);
  return encoded;
}

/** The page's own text, compressed for this request alone (nothing of it is deflated if empty). */
function encodeOwn(text: string): Encoded {
  const bytes = Buffer.from(text, "utf8");
  return { bytes, deflated: bytes.length ? deflateRawSync(bytes, SYNC_FLUSH) : bytes };
}

/** Whether the client accepts gzip, as the compression middleware negotiates it. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return new Negotiator({ headers: { "accept-encoding": acceptEncoding } })
    .encodings(["gzip"])
    .includes("gzip");
}

/**
 * The document's bytes: gzip when the client accepts it and the document has kept markup (its
 * parts compressed once), else as they are (the compression middleware compresses them, and
 * prefers brotli).
 */
export function documentBody(
  parts: readonly DocumentPart[],
  acceptEncoding: string | null,
): { bytes: Bytes; encoding: "gzip" | null } {
  const hasKept = parts.some((part) => "kept" in part);
  if (!hasKept || !acceptsGzip(acceptEncoding)) {
    const bytes = parts.map((part) =>
      "kept" in part ? encodeKept(part.kept).bytes : Buffer.from(part.text, "utf8"),
    );
    return { bytes: Buffer.concat(bytes) as Bytes, encoding: null };
  }
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  for (const part of parts) {
    const { bytes, deflated } = "kept" in part ? encodeKept(part.kept) : encodeOwn(part.text);
    // An empty part adds nothing, and Node's crc32 (20.20) returns 0, not the sum so far, for an
    // empty buffer that has no memory of its own (found by the property test).
    if (bytes.length === 0) continue;
    crc = crc32(bytes, crc);
    length += bytes.length;
    chunks.push(deflated);
  }
  const trailer = Buffer.alloc(FINAL_BLOCK.length + 8);
  trailer.set(FINAL_BLOCK);
  trailer.writeUInt32LE(crc >>> 0, FINAL_BLOCK.length);
  // ISIZE is the length modulo 2^32 (RFC 1952).
  trailer.writeUInt32LE(length >>> 0, FINAL_BLOCK.length + 4);
  chunks.push(trailer);
  return { bytes: Buffer.concat(chunks) as Bytes, encoding: "gzip" };
}
