import { PassThrough } from "node:stream";
import { Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderedText } from "./rendered-chunks";

/** What the document handler does: the whole render, chunk by chunk as React writes them. */
function renderChunks(node: React.ReactNode): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(node, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new PassThrough();
        sink.on("data", (chunk: Buffer) => chunks.push(chunk));
        sink.on("end", () => resolve(chunks));
        pipe(sink);
      },
      onShellError: reject,
    });
  });
}

// Rows like the events page's: short texts with a two-byte "·". For some widths of the text
// before it, a "·" falls across the renderer's 2,048-byte buffer.
const rows = (width: number) => (
  <Suspense fallback={null}>
    <ul>
      {Array.from({ length: 200 }, (_, i) => (
        <li key={i}>
          {"x".repeat(width)}
          {" · Test reviewer"}
        </li>
      ))}
    </ul>
  </Suspense>
);

describe("the rendered document's text", () => {
  it("has no NUL where React 18 padded a buffer, and every character in place", async () => {
    let padded = 0;
    for (let width = 1; width <= 40; width++) {
      const chunks = await renderChunks(rows(width));
      if (Buffer.concat(chunks).includes(0)) padded += 1;
      const html = renderedText(chunks);
      expect(html, `width ${width}`).not.toContain("\u0000");
      expect(
        html.split(`${"x".repeat(width)}<!-- --> · Test reviewer`),
        `width ${width}`,
      ).toHaveLength(201);
    }
    // The bug this guards against is there: without the trimming, some of these held a NUL.
    expect(padded).toBeGreaterThan(0);
  });

  it("is the chunks' text as it is when React padded nothing", async () => {
    const chunks = await renderChunks(<p>{"plain text · with a two-byte character"}</p>);
    expect(Buffer.concat(chunks).includes(0)).toBe(false);
    expect(renderedText(chunks)).toBe(Buffer.concat(chunks).toString("utf8"));
  });
});
