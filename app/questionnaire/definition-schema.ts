import { z } from "~/zod";
import type { Locale, locales } from "~/i18n/locale";
import {
  definitionProblem,
  type DefinitionIssue,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from "./definition-problems";
import { questionTypeNames } from "./question-type-names";
import type { LimitScript } from "./types";

// A questionnaire definition file: what DESA's staff write for a round. The JSON Schema that
// editors validate against (definition.schema.json) is generated from this one
// (`npm run definition:schema`), so the two cannot drift. What is wrong with a file is said in
// codes (definition-problems.ts), put into words where it is shown (definition-messages.ts).

const WORD_LIMIT = { min: 1, max: 5000 };

/**
 * The problems zod's own checks (a minimum, a pattern, a union) report as their message, by
 * their code: such a message cannot carry values, so theirs are here (`issueProblem` reads the
 * code back).
 */
const SHAPE_PROBLEMS = {
  emptyText: definitionProblem("emptyText"),
  missingEnglish: definitionProblem("missingEnglish"),
  notAText: definitionProblem("notAText"),
  badKey: definitionProblem("badKey"),
  badSectionId: definitionProblem("badSectionId"),
  badRound: definitionProblem("badRound"),
  notADate: definitionProblem("notADate"),
  unknownType: definitionProblem("unknownType", { types: [...questionTypeNames] }),
  singleNeedsTwoOptions: definitionProblem("singleNeedsTwoOptions"),
  multiNeedsAnOption: definitionProblem("multiNeedsAnOption"),
  sectionNeedsAQuestion: definitionProblem("sectionNeedsAQuestion"),
  needsASection: definitionProblem("needsASection"),
  badWordLimit: definitionProblem("badWordLimit", {
    ...WORD_LIMIT,
    example: '{ "default": 250, "zh": 500 }',
  }),
  latinScriptLimit: definitionProblem("latinScriptLimit"),
} satisfies Partial<{ [C in DefinitionProblemCode]: DefinitionProblem & { code: C } }>;

type ShapeCode = keyof typeof SHAPE_PROBLEMS;
/** The message of a check of zod's that reports one of ours. */
const shape = (code: ShapeCode) => code;

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A text in one language (English), or in several: `{ "en": "…", "fr": "…" }`, English required. */
const text = z.string().trim().min(1, shape("emptyText"));
const translation = text.optional();
const localText = z
  .union(
    [
      text,
      z.strictObject({
        en: text,
        fr: translation,
        es: translation,
        ru: translation,
        zh: translation,
        ar: translation,
      } satisfies Record<(typeof locales)[number], unknown>),
    ],
    {
      error: ({ code, input }) =>
        code !== "invalid_union"
          ? undefined
          : isObject(input) && !("en" in input)
            ? shape("missingEnglish")
            : shape("notAText"),
    },
  )
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

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, shape("badKey"));

const option = z.strictObject({ key: fieldKey, text: localText }).meta({ id: "Option" });

/** Options, each key once: checked here, so it is reported even when the file has other problems. */
const options = (min: number, code: ShapeCode) =>
  z
    .array(option)
    .min(min, shape(code))
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const o of list) {
        if (seen.has(o.key)) report(ctx, [], definitionProblem("duplicateKey", { key: o.key }));
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
const isoDate = z.iso.date(shape("notADate"));
const finite = z.number().finite();

/** A long answer's word limit, or limits by the script it is mostly written in (decision 016). */
const wordLimit = z.int().min(WORD_LIMIT.min).max(WORD_LIMIT.max);
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
        isObject(input) && ["en", "fr", "es"].some((k) => k in input)
          ? shape("latinScriptLimit")
          : shape("badWordLimit"),
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
        options: options(2, "singleNeedsTwoOptions"),
        other: localText.optional(),
      }),
      z.strictObject({
        ...base,
        type: z.literal("multi"),
        options: options(1, "multiNeedsAnOption"),
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
    // A question that is not an object is zod's own "expected object".
    { error: ({ code }) => (code === "invalid_union" ? shape("unknownType") : undefined) },
  )
  .meta({ id: "Question" });

const section = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9]{1,8}$/, shape("badSectionId")),
    title: localText,
    help: localText.optional(),
    questions: z.array(question).min(1, shape("sectionNeedsAQuestion")),
  })
  .meta({ id: "Section" });

export const definitionShape = z.strictObject({
  $schema: z.string().optional(),
  round: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, shape("badRound")),
  version: z.int().min(1),
  title: localText,
  translations: translations.optional(),
  authorizationText: localText,
  sections: z.array(section).min(1, shape("needsASection")),
});

export type QuestionnaireDefinition = z.infer<typeof definitionShape>;
export type QuestionDefinition = z.infer<typeof question>;

/** Keys a question may not take: the header fields every export and import carries. */
const RESERVED_KEYS = new Set(["country", "round", "response_date", "authorize_publication"]);
export const OTHER_OPTION_KEY = "other";
/** The follow-up field holding the "Other" text of a choice question. */
export const otherTextKey = (questionKey: string) => `${questionKey}_other`;

type Context = z.RefinementCtx;

/** A problem only the checks below can see, at `path` (below the value checked). */
function report(ctx: Context, path: PropertyKey[], problem: DefinitionProblem) {
  ctx.addIssue({ code: "custom", path, message: problem.code, params: { problem } });
}

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
  const problem = (found: DefinitionProblem) => report(ctx, path, found);
  const field = when.field;
  if (!parent) return problem(definitionProblem("notEarlierQuestion", { field }));
  const keys = optionKeys(parent);
  if ("equals" in when) {
    if (parent.type === "multi") return problem(definitionProblem("useIncludes", { field }));
    const allowed = parent.type === "yesno" ? ["yes", "no"] : keys;
    if (allowed && !allowed.includes(when.equals))
      problem(definitionProblem("notAnAnswer", { value: when.equals, field, answers: allowed }));
  } else {
    if (parent.type !== "multi") return problem(definitionProblem("useEquals", { field }));
    if (!keys!.includes(when.includes))
      problem(definitionProblem("notAnOption", { value: when.includes, field, options: keys! }));
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
      report(ctx, ["sections", s, "id"], definitionProblem("duplicateSection", { id: section.id }));
    sectionIds.add(section.id);
    section.questions.forEach((q, i) => {
      const path = ["sections", s, "questions", i];
      const problem = (found: DefinitionProblem, ...more: string[]) =>
        report(ctx, [...path, ...more], found);
      const keys = [
        q.key,
        ...((q.type === "single" || q.type === "multi") && q.other ? [otherTextKey(q.key)] : []),
      ];
      for (const key of keys) {
        if (RESERVED_KEYS.has(key)) problem(definitionProblem("reservedKey", { key }), "key");
        else if (earlier.has(key)) problem(definitionProblem("duplicateKey", { key }), "key");
      }
      if (q.when) checkConditionRefs(q.when, earlier, [...path, "when"], ctx);
      if (q.type === "single" || q.type === "multi") {
        if (q.other && q.options.some((o) => o.key === OTHER_OPTION_KEY))
          problem(definitionProblem("otherListed"), "options");
      }
      if (
        (q.type === "number" || q.type === "percentage" || q.type === "date") &&
        q.min !== undefined &&
        q.max !== undefined &&
        q.min > q.max
      )
        problem(
          definitionProblem("minAboveMax", { min: String(q.min), max: String(q.max) }),
          "min",
        );
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
  | { ok: false; issues: DefinitionIssue[] };

/** At most this many problems of a file are reported. */
const MAX_ISSUES = 50;

/**
 * Reads a definition file's text: the definition, or every problem with its path. zod's own
 * messages are in `locale`'s words, the language they will be shown in (English by default).
 */
export function parseDefinition(text: string, locale: Locale = "en"): DefinitionResult {
  const refused = (problem: DefinitionProblem): DefinitionResult => ({
    ok: false,
    issues: [{ ...problem, path: "" }],
  });
  if (text.length > MAX_DEFINITION_BYTES)
    return refused(definitionProblem("fileTooLarge", { limit: MAX_DEFINITION_BYTES / 1_000_000 }));
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return refused(definitionProblem("notJson", { detail: (error as Error).message }));
  }
  return checkDefinitionJson(json, locale);
}

/** zod's locale bundles, by the portal's languages; each made when first asked for. */
const zodBundles: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  ar: z.locales.ar,
  zh: z.locales.zhCN,
  en: z.locales.en,
  fr: z.locales.fr,
  ru: z.locales.ru,
  es: z.locales.es,
};
const zodErrorMaps = new Map<Locale, z.core.$ZodErrorMap>();

/**
 * zod's messages in `locale`'s words: given to one parse, never set for the process (requests
 * in other languages are read at the same time).
 */
function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  let map = zodErrorMaps.get(locale);
  if (!map) {
    map = zodBundles[locale]().localeError;
    zodErrorMaps.set(locale, map);
  }
  return map;
}

/** A problem zod found, as a code: one of ours, or zod's own message. */
function issueProblem(issue: z.core.$ZodIssue): DefinitionProblem {
  if (issue.code === "custom" && isObject(issue.params?.problem))
    return issue.params.problem as DefinitionProblem;
  if (Object.hasOwn(SHAPE_PROBLEMS, issue.message))
    return SHAPE_PROBLEMS[issue.message as ShapeCode];
  return definitionProblem("zodMessage", { message: issue.message });
}

export function checkDefinitionJson(json: unknown, locale: Locale = "en"): DefinitionResult {
  const result = definitionSchema.safeParse(json, { error: zodErrorMap(locale) });
  if (result.success) return { ok: true, definition: result.data };
  const issues = new Map<string, DefinitionIssue>();
  for (const issue of result.error.issues) {
    const found: DefinitionIssue = { ...issueProblem(issue), path: formatPath(issue.path) };
    issues.set(JSON.stringify(found), found);
    if (issues.size === MAX_ISSUES) break;
  }
  return { ok: false, issues: [...issues.values()] };
}
