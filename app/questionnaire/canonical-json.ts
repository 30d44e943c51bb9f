/**
 * JSON with every object's keys sorted, so that equal content always gives the same text
 * (PostgreSQL's JSONB, for one, gives a stored object's keys back in its own order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
