import { answerFromFormData, fingerprint, indexFormFields } from "./form-data";
import type { Answers, Question, Questionnaire } from "./types";
import type { ValidationMessages } from "~/i18n/validation-messages";
import { draftAnswersSchema } from "./validation";
import { POST_FIELDS, shownField } from "./section-protocol";

// Reads a section form post into the changes to save. Pure, so it is tested on its own.
// A field counts as changed only when its value differs from what the page showed
// (the page sends a fingerprint of each shown value as `orig.<key>`); a form without
// JavaScript posts every field, and untouched ones must not overwrite a colleague's save.

export type SectionIntent =
  | { kind: "save" | "next" | "back" | "autosave" | "review" }
  | { kind: "goto"; section: string }
  | { kind: "keep" | "theirs"; field: string }
  /** "Still accurate" on one carried answer, or on every carried answer of the section. */
  | { kind: "confirm"; field: string }
  | { kind: "confirm-section" };

export type SectionPost = {
  intent: SectionIntent;
  baseRevision: number;
  changes: Answers;
  /** Fingerprints of the values the page showed, for the changed fields. */
  shown: Record<string, string>;
  overwrite: string[];
};

export type SectionPostError = { error: "malformed"; fields: string[] };

function parseIntent(raw: FormDataEntryValue | null): SectionIntent | null {
  const value = typeof raw === "string" ? raw : "save";
  if (["save", "next", "back", "autosave", "review"].includes(value)) {
    return { kind: value as "save" };
  }
  if (value === "confirm-section") return { kind: value };
  const [kind, arg] = value.split(":");
  if (kind === "goto" && arg) return { kind, section: arg };
  if ((kind === "keep" || kind === "theirs" || kind === "confirm") && arg)
    return { kind, field: arg };
  return null;
}

export function parseSectionPost(
  questionnaire: Questionnaire,
  questions: readonly Question[],
  formData: FormData,
  m: ValidationMessages,
): SectionPost | SectionPostError {
  const form = indexFormFields(formData);
  const intent = parseIntent(form.get(POST_FIELDS.intent));
  const base = Number(form.get(POST_FIELDS.base));
  // An autosave names the fields it carries; a full post carries the whole section.
  const named = form.get(POST_FIELDS.fields);
  const keys = typeof named === "string" ? new Set(named.split(",").filter(Boolean)) : null;
  const posted = questions.filter((q) => !keys || keys.has(q.key));

  // A single-value field sent twice is a forged or broken form: refuse rather than guess.
  const duplicated = posted.filter((q) => q.type !== "multi" && form.getAll(q.key).length > 1);
  if (!intent || !Number.isInteger(base) || base < 0 || duplicated.length > 0) {
    return { error: "malformed", fields: duplicated.map((q) => q.key) };
  }

  const changes: Answers = {};
  const shown: Record<string, string> = {};
  for (const question of posted) {
    const value = answerFromFormData(form, question);
    const seen = form.get(shownField(question.key));
    // Neither a value nor a fingerprint: the field was not on the page (an unticked box still
    // has its fingerprint).
    if (seen === null && !form.has(question.key)) continue;
    if (typeof seen === "string") {
      if (seen === fingerprint(value)) continue;
      shown[question.key] = seen;
    }
    changes[question.key] = value;
  }
  const checked = draftAnswersSchema(questionnaire, m).safeParse(changes);
  if (!checked.success) {
    return {
      error: "malformed",
      fields: [...new Set(checked.error.issues.map((i) => String(i.path[0])))],
    };
  }
  if (intent.kind === "theirs") delete checked.data[intent.field];
  const overwrite = intent.kind === "keep" ? [intent.field] : [];
  return { intent, baseRevision: base, changes: checked.data as Answers, shown, overwrite };
}
