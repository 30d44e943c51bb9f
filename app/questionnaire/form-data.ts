import { kindOf } from "./question-types";
import type { AnswerValue, Answers, Question } from "./types";

// Reading answers out of a form post, and fingerprints of answers so the server can tell which
// fields a person actually changed (a form without JavaScript posts every field of the page).

/** What reading answers needs of a form post: FormData, or its fields indexed by name. */
export type FormFields = Pick<FormData, "get" | "getAll" | "has">;

/**
 * A form post's fields by name, in one pass. FormData's look-ups each scan every entry, so a post
 * padded with a million unknown fields (3 MB) cost 5 s of look-ups, one set per question.
 */
export function indexFormFields(formData: FormData): FormFields {
  const byName = new Map<string, FormDataEntryValue[]>();
  for (const [name, value] of formData) {
    const values = byName.get(name);
    if (values) values.push(value);
    else byName.set(name, [value]);
  }
  return {
    get: (name) => byName.get(name)?.[0] ?? null,
    getAll: (name) => [...(byName.get(name) ?? [])],
    has: (name) => byName.has(name),
  };
}

/** The answer a form post gives for a question; blank means "not answered" (null). */
export function answerFromFormData(formData: FormFields, question: Question): AnswerValue {
  return kindOf(question).fromForm(formData, question);
}

export function answersFromFormData(formData: FormFields, questions: readonly Question[]): Answers {
  return Object.fromEntries(questions.map((q) => [q.key, answerFromFormData(formData, q)]));
}

/** A short, stable fingerprint of an answer (FNV-1a, 32 bits): equal answers, equal prints. */
export function fingerprint(value: AnswerValue | boolean | undefined): string {
  const text = value === null || value === undefined ? "\u0000" : JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
