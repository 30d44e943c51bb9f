import { describe, expect, it } from "vitest";
import { documentWithDataInside } from "./document-end";

describe("the document's end", () => {
  it("moves after the data scripts Remix renders beyond it", () => {
    const html =
      '<!DOCTYPE html><html><body><main>x</main></body></html><!--$--><script>window.__remixContext.streamController.enqueue("[]");</script><!--/$-->';
    expect(documentWithDataInside(html)).toBe(
      '<!DOCTYPE html><html><body><main>x</main><!--$--><script>window.__remixContext.streamController.enqueue("[]");</script><!--/$--></body></html>',
    );
  });

  it("leaves a document that already ends with it, or has none, as it is", () => {
    expect(documentWithDataInside("<html><body></body></html>")).toBe("<html><body></body></html>");
    expect(documentWithDataInside("<p>fragment</p>")).toBe("<p>fragment</p>");
  });
});
