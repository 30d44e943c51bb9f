/**
 * The document React wrote, as text. React 18's server renderer (`renderToPipeableStream`,
 * 18.3.1 included) encodes text into 2,048-byte buffers; when a character of several bytes does
 * not fit at a buffer's end, it still sends the whole buffer, so the unwritten bytes go out as
 * NUL (U+0000): up to three zero bytes at the end of a chunk (react#24985, fixed by react#26228
 * on the React 19 line only). Seen as "Saw U+0000" by the Nu checker on the events page, before
 * a "·". No document of the portal holds a NUL of its own (it is not valid HTML), so a chunk's
 * trailing zero bytes are that padding and are dropped.
 */
export function renderedText(chunks: readonly Uint8Array[]): string {
  const trimmed = chunks.map((chunk) => {
    let end = chunk.length;
    while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
    return end === chunk.length ? chunk : chunk.subarray(0, end);
  });
  return Buffer.concat(trimmed).toString("utf8");
}
