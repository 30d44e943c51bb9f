import type { AnswerValue } from "./types";

// What the section form, the autosave request and the check-answers form post, and what the
// autosave endpoint answers: declared once, for the browser and the server. Answers travel under
// their question keys; beside them go these fields.

export const POST_FIELDS = {
  /** What the person pressed: "save", "next", "back", "goto:VI", "keep:<key>", "autosave"… */
  intent: "intent",
  /** The response's revision when the page was loaded. */
  base: "base",
  /** An autosave names the fields it carries, comma-separated; a full post carries them all. */
  fields: "fields",
} as const;

/** Beside each answer: the fingerprint of the value the person saw (conflict detection). */
export const SHOWN_PREFIX = "orig";
export const shownField = (key: string) => `${SHOWN_PREFIX}.${key}`;

/** A field a colleague saved after the page was loaded, with a different value. */
export type FieldConflict = {
  field: string;
  yours: AnswerValue | boolean;
  theirs: AnswerValue | boolean;
  by: string | null;
  at: string;
};

/** The autosave endpoint's JSON: saved (perhaps with conflicts), or why not. */
export type AutosaveReply =
  | { revision: number; saved: string[]; savedAt: string; conflicts: FieldConflict[] }
  | { error: "signed-out" | "locked" }
  | { error: "malformed"; fields: string[] };

export type AutosaveSaved = Extract<AutosaveReply, { saved: string[] }>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isConflict = (value: unknown): value is FieldConflict =>
  isObject(value) &&
  typeof value.field === "string" &&
  "theirs" in value &&
  (value.by === null || typeof value.by === "string") &&
  typeof value.at === "string";

/**
 * The reply of a successful save, checked rather than cast: a proxy's error page, a truncated
 * body or another shape is null, and the browser keeps the text and retries.
 */
export function readAutosaveSaved(json: unknown): AutosaveSaved | null {
  if (!isObject(json)) return null;
  const { revision, saved, savedAt, conflicts } = json;
  if (typeof revision !== "number" || !isStrings(saved) || typeof savedAt !== "string") return null;
  if (!Array.isArray(conflicts) || !conflicts.every(isConflict)) return null;
  return { revision, saved, savedAt, conflicts };
}
