import { z } from "~/zod";

// The cursor of a paged listing: where the previous page ended (the last response's id, an
// immutable key) and which query it belongs to. Opaque to clients (base64url JSON), and checked
// when it comes back. Pure.

const cursorSchema = z.strictObject({
  v: z.literal(1),
  after: z.string().min(1).max(64),
  q: z.string(),
});

export type Cursor = { after: string; query: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, after: cursor.after, q: cursor.query })).toString(
    "base64url",
  );
}

/** The cursor, or null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString()));
    return parsed.success ? { after: parsed.data.after, query: parsed.data.q } : null;
  } catch {
    return null;
  }
}
