import type { EntryContext } from "@remix-run/node";

// Remix (single fetch) hands the loader data to the browser as a turbo-stream, which its
// <StreamTransfer> writes into the page as scripts, suspending until each piece is read. The
// portal defers no data, so the stream is whole within a tick: read here before the render, it
// is given to <StreamTransfer> already settled (`renderMeta.streamCache`, Remix's own cache of
// what it read), nothing suspends, and the document can be rendered as one string (decision 027).

type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;

/** A read that has already happened, as <StreamTransfer> keeps it. */
const settled = (result: { done: boolean; value: string }) =>
  Object.assign(Promise.resolve(), { result });

/** The whole handoff stream as <StreamTransfer>'s cache: its text in one piece, then its end. */
export async function settledHandoff(stream: ReadableStream<Uint8Array>): Promise<StreamCache> {
  const decoder = new TextDecoder();
  let text = "";
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    text += decoder.decode(read.value, { stream: true });
  text += decoder.decode();
  reader.releaseLock();
  return { 0: settled({ done: false, value: text }), 1: settled({ done: true, value: "" }) };
}
