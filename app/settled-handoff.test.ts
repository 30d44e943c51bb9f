import { describe, expect, it } from "vitest";
import { settledHandoff } from "./settled-handoff";

function streamOf(chunks: Uint8Array[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("the handoff stream, settled before the render", () => {
  it("is the stream's whole text, a character split between chunks included, then its end", async () => {
    const bytes = new TextEncoder().encode('[{"name":"Côte d’Ivoire · 中国"}]\n');
    const cut = bytes.indexOf(0xe4) + 1; // inside 中's three bytes
    const cache = await settledHandoff(streamOf([bytes.subarray(0, cut), bytes.subarray(cut)]));
    expect(cache[0]?.result).toEqual({ done: false, value: '[{"name":"Côte d’Ivoire · 中国"}]\n' });
    expect(cache[1]?.result).toEqual({ done: true, value: "" });
    expect(Object.keys(cache)).toEqual(["0", "1"]);
  });

  it("leaves the stream read to its end and unlocked", async () => {
    const stream = streamOf([new TextEncoder().encode("x")]);
    await settledHandoff(stream);
    expect(stream.locked).toBe(false);
    expect((await stream.getReader().read()).done).toBe(true);
  });
});
