import { z } from "zod";
import type { Locale, locales } from "~/i18n/locale";
import { questionTypeNames } from "./question-type-names";
import type { LimitScript } from "./types";

// A questionnaire definition file: what DESA's staff write for a round. The JSON Schema that
// editors validate against (definition.schema.json) is generated from this one
// (`npm run definition:schema`), so the two cannot drift.

/** A text in one language (English), or in several: `{ "en": "…", "fr": "…" }`, English required. */
const translation = z.string().trim().min(1, "must not be empty").optional();
const localText = z
  .union([
    z.string().trim().min(1, "must not be empty"),
    z.strictObject({
      en: z.string().trim().min(1, "must not be empty"),
      fr: translation,
      es: translation,
      ru: translation,
      zh: translation,
      ar: translation,
    } satisfies Record<(typeof locales)[number], unknown>),
  ])
  .meta({
    id: "LocalText",
    description: 'A text in English, or in several UN languages: { "en": "…", "fr": "…" }.',
  });
export type LocalText =
  | string
  | ({ en: string } & Partial<Record<(typeof locales)[number], string>>);

const translationStatus = z.enum(["official", "unofficial"]);
/** How far a language's texts can be relied on: official (from DESA) or an unofficial translation. */
export type TranslationStatus = z.infer<typeof translationStatus>;
const translations = z
  .strictObject({
    fr: translationStatus.optional(),
    es: translationStatus.optional(),
    ru: translationStatus.optional(),
    zh: translationStatus.optional(),
    ar: translationStatus.optional(),
  } satisfies Record<Exclude<Locale, "en">, unknown>)
  .meta({
    id: "Translations",
    description:
      "How far each language's texts can be relied on: official texts from DESA, or unofficial translations.",
  });
/** The languages a definition's texts are translated into; a language absent is not translated. */
export type Translations = z.infer<typeof translations>;

const fieldKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    "a key is lower-case letters, digits and _, starting with a letter",
  );

const option = z.strictObject({ key: fieldKey, text: localText }).meta({ id: "Option" });

/** Options, each key once: checked here, so it is reported even when the file has other problems. */
const options = (min: number, message: string) =>
  z
    .array(option)
    .min(min, message)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const o of list) {
        if (seen.has(o.key)) ctx.addIssue({ code: "custom", message: `duplicate key "${o.key}"` });
        seen.add(o.key);
      }
    });

export type ConditionDefinition =
  | { field: string; equals: string }
  | { field: string; includes: string }
  | { all: ConditionDefinition[] }
  | { any: ConditionDefinition[] };

const condition: z.ZodType<ConditionDefinition> = z
  .union([
    z.strictObject({ field: fieldKey, equals: z.string().min(1) }),
    z.strictObject({ field: fieldKey, includes: z.string().min(1) }),
    z.strictObject({
      get all() {
        return z.array(condition).min(1);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(condition).min(1);
      },
    }),
  ])
  .meta({
    id: "Condition",
    description:
      "When a follow-up is asked: { field, equals } (a yes/no or single choice), { field, includes } (a multiple choice), or { all: […] } / { any: […] }.",
  });

const base = {
  key: fieldKey,
  text: localText,
  hint: localText.optional(),
  when: condition.optional(),
  required: z.boolean().optional(),
};
const isoDate = z.iso.date("must be a date YYYY-MM-DD");
const finite = z.number().finite();

/** A long answer's word limit, or limits by the script it is mostly written in (decision 016). */
const wordLimit = z.int().min(1).max(5000);
const maxWords = z
  .union(
    [
      wordLimit,
      z.strictObject({
        default: wordLimit,
        zh: wordLimit.optional(),
        ar: wordLimit.optional(),
        ru: wordLimit.optional(),
      } satisfies Record<LimitScript | "default", unknown>),
    ],
    {
      error: ({ input }) =>
        typeof input === "object" && input !== null && ["en", "fr", "es"].some((k) => k in input)
          ? 'answers in English, French and Spanish share the Latin script, which cannot tell them apart: their limit is "default"'
          : 'must be a whole number of words (1–5000), or limits by script: { "default": 250, "zh": 500 } ("default" required, then any of "zh", "ar", "ru")',
    },
  )
  .meta({
    id: "WordLimits",
    description:
      'The word limit, or limits by the script an answer is mostly written in: { "default": 250, "zh": 500 }. "zh": Chinese or Japanese characters, "ar": Arabic script, "ru": Cyrillic; "default": every other answer.',
  });

const question = z
  .discriminatedUnion(
    "type",
    [
      z.strictObject({ ...base, type: z.literal("text") }),
      z.strictObject({ ...base, type: z.literal("lines") }),
      z.strictObject({ ...base, type: z.literal("email") }),
      z.strictObject({ ...base, type: z.literal("url") }),
      z.strictObject({ ...base, type: z.literal("longtext"), maxWords }),
      z.strictObject({ ...base, type: z.literal("yesno") }),
      z.strictObject({
        ...base,
        type: z.literal("single"),
        options: options(2, "a single choice needs at least 2 options"),
        other: localText.optional(),
      }),
      z.strictObject({
        ...base,
        type: z.literal("multi"),
        options: options(1, "a multiple choice needs at least 1 option"),
        other: localText.optional(),
      }),
      z.strictObject({
        ...base,
        type: z.literal("number"),
        min: finite.optional(),
        max: finite.optional(),
        decimals: z.int().min(0).max(6).optional(),
        unit: localText.optional(),
      }),
      z.strictObject({
        ...base,
        type: z.literal("percentage"),
        min: z.number().min(0).max(100).optional(),
        max: z.number().min(0).max(100).optional(),
      }),
      z.strictObject({
        ...base,
        type: z.literal("date"),
        min: isoDate.optional(),
        max: isoDate.optional(),
      }),
    ],
    { error: () => `"type" must be one of ${questionTypeNames.join(", ")}` },
  )
  .meta({ id: "Question" });

const section = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9]{1,8}$/, "a section id is 1–8 letters or digits (I, II, A, B…)"),
    title: localText,
    help: localText.optional(),
    questions: z.array(question).min(1, "a section needs at least 1 question"),
  })
  .meta({ id: "Section" });

export const definitionShape = z.strictObject({
  $schema: z.string().optional(),
  round: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,20}$/, "a round is a year or a short name (2026, 2026-pilot)"),
  version: z.int().min(1),
  title: localText,
  translations: translations.optional(),
  authorizationText: localText,
  sections: z.array(section).min(1, "a questionnaire needs at least 1 section"),
});

export type QuestionnaireDefinition = z.infer<typeof definitionShape>;
export type QuestionDefinition = z.infer<typeof question>;

/** Keys a question may not take: the header fields every export and import carries. */
const RESERVED_KEYS = new Set(["country", "round", "response_date", "authorize_publication"]);
export const OTHER_OPTION_KEY = "other";
/** The follow-up field holding the "Other" text of a choice question. */
export const otherTextKey = (questionKey: string) => `${questionKey}_other`;

type Context = z.RefinementCtx;

function checkConditionRefs(
  when: ConditionDefinition,
  earlier: Map<string, QuestionDefinition>,
  path: (string | number)[],
  ctx: Context,
) {
  if ("all" in when || "any" in when) {
    const list = "all" in when ? when.all : when.any;
    list.forEach((c, i) =>
      checkConditionRefs(c, earlier, [...path, "all" in when ? "all" : "any", i], ctx),
    );
    return;
  }
  const parent = earlier.get(when.field);
  const problem = (message: string) => ctx.addIssue({ code: "custom", path, message });
  if (!parent) return problem(`"${when.field}" is not a question before this one`);
  const keys = optionKeys(parent);
  if ("equals" in when) {
    if (parent.type === "multi")
      return problem(`"${when.field}" is a multiple choice: use "includes"`);
    const allowed = parent.type === "yesno" ? ["yes", "no"] : keys;
    if (allowed && !allowed.includes(when.equals))
      problem(`"${when.equals}" is not an answer of "${when.field}" (${allowed.join(", ")})`);
  } else {
    if (parent.type !== "multi")
      return problem(`"${when.field}" is not a multiple choice: use "equals"`);
    if (!keys!.includes(when.includes))
      problem(`"${when.includes}" is not an option of "${when.field}" (${keys!.join(", ")})`);
  }
}

function optionKeys(question: QuestionDefinition): string[] | null {
  if (question.type !== "single" && question.type !== "multi") return null;
  const keys = question.options.map((o) => o.key);
  return question.other ? [...keys, OTHER_OPTION_KEY] : keys;
}

/** What the shape cannot say: unique keys, conditions that point backwards, sane ranges. */
function checkDefinition(definition: QuestionnaireDefinition, ctx: Context) {
  const sectionIds = new Set<string>();
  const earlier = new Map<string, QuestionDefinition>();
  definition.sections.forEach((section, s) => {
    if (sectionIds.has(section.id))
      ctx.addIssue({
        code: "custom",
        path: ["sections", s, "id"],
        message: `duplicate section "${section.id}"`,
      });
    sectionIds.add(section.id);
    section.questions.forEach((q, i) => {
      const path = ["sections", s, "questions", i];
      const problem = (message: string, ...more: string[]) =>
        ctx.addIssue({ code: "custom", path: [...path, ...more], message });
      const keys = [
        q.key,
        ...((q.type === "single" || q.type === "multi") && q.other ? [otherTextKey(q.key)] : []),
      ];
      for (const key of keys) {
        if (RESERVED_KEYS.has(key))
          problem(`"${key}" is reserved for the response's header`, "key");
        else if (earlier.has(key)) problem(`duplicate key "${key}"`, "key");
      }
      if (q.when) checkConditionRefs(q.when, earlier, [...path, "when"], ctx);
      if (q.type === "single" || q.type === "multi") {
        if (q.other && q.options.some((o) => o.key === OTHER_OPTION_KEY))
          problem(`"other" is added by "other": do not list it as an option`, "options");
      }
      if (
        (q.type === "number" || q.type === "percentage" || q.type === "date") &&
        q.min !== undefined &&
        q.max !== undefined &&
        q.min > q.max
      )
        problem(`min (${q.min}) is above max (${q.max})`, "min");
      for (const key of keys) earlier.set(key, q);
    });
  });
}

export const definitionSchema = definitionShape.superRefine(checkDefinition);

/** `sections[3].questions[2].options`: the path as a person reads it in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/** A definition file can be large, but not this large: refused before it is read. */
export const MAX_DEFINITION_BYTES = 1_000_000;

export type DefinitionResult =
  | { ok: true; definition: QuestionnaireDefinition }
  | { ok: false; errors: string[] };

/** Reads a definition file's text: the definition, or every problem with its path. */
export function parseDefinition(text: string): DefinitionResult {
  if (text.length > MAX_DEFINITION_BYTES)
    return { ok: false, errors: [`the file is over ${MAX_DEFINITION_BYTES / 1_000_000} MB`] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${(error as Error).message}`] };
  }
  return checkDefinitionJson(json);
}

export function checkDefinitionJson(json: unknown): DefinitionResult {
  const result = definitionSchema.safeParse(json);
  if (result.success) return { ok: true, definition: result.data };
  const errors = result.error.issues.map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  return { ok: false, errors: [...new Set(errors)].slice(0, 50) };
}
