import type { z as Zod } from "~/zod";
import { asciiDigits } from "./digits";
import type { ValidationMessages } from "~/i18n/validation-messages";
import { problem, type ImportProblem } from "~/import/problems";
import type { FormFields } from "./form-data";
import type { AnswerValue, QuestionOfType, QuestionType } from "./types";
import { wordLimitFor, wordLimitState } from "./word-count";

// One entry per question type: how its answer is parsed from a form, checked, read from and
// written to JSON, split into export columns and shown to a person. Everything else asks this
// table, so a new type is one entry here (and one field in components/questionnaire/fields.tsx);
// the compiler refuses a type that lacks a part.

/** Safety caps against abuse, far above any honest answer (250 words is ~2,000 characters). */
export const MAX_TEXT_CHARS = 5_000;
export const MAX_LONGTEXT_CHARS = 50_000;

export type IssueCode =
  | "over_word_limit"
  | "invalid_email"
  | "invalid_url"
  | "invalid_number"
  | "out_of_range"
  | "invalid_date";

export type ValueIssue = { code: IssueCode; message: string };
/** A JSON export's answer read back, or what is wrong with it (a code: ~/import/problems.ts). */
export type JsonRead = { value: AnswerValue } | { problem: ImportProblem };
/** What an export cell may hold. */
export type CellValue = string | number | null;
/** How the "Columns" sheet describes a column's values (a key of the exports catalogue). */
export type ValuesDescription = "text" | "yesno" | "option" | "choice" | "number" | "date";

export type ExportPart = {
  /** Appended to the field key: `q8_emerging_tech.ai`; null for the field's own column. */
  option: { key: string; text: string } | null;
  values: ValuesDescription;
  cell: (value: AnswerValue | undefined) => CellValue;
};

export type AnswerLabels = { yes: string; no: string };

export type QuestionKind<Q> = {
  /**
   * The stored value's shape, checked on every save (drafts included). zod is handed in by the
   * validator rather than imported here: the pages' scripts use this table for display, and an
   * import would bring all of zod into each of them.
   */
  value: (question: Q, m: ValidationMessages, z: typeof Zod) => Zod.ZodType<AnswerValue>;
  fromForm: (form: FormFields, question: Q) => AnswerValue;
  /** Problems with an answered value: warnings on a draft, refusals on submit. */
  check: (question: Q, value: AnswerValue, m: ValidationMessages) => ValueIssue | null;
  readJson: (question: Q, json: unknown) => JsonRead;
  writeJson: (question: Q, value: AnswerValue) => unknown;
  columns: (question: Q) => ExportPart[];
  format: (question: Q, value: AnswerValue, labels: AnswerLabels) => string | null;
};

// --- shared parts ---------------------------------------------------------------------------

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

/** Browsers send CRLF from textareas; nobody types NUL, and PostgreSQL cannot store it in JSON. */
function formText(form: FormFields, key: string): AnswerValue {
  const raw = form.get(key);
  if (typeof raw !== "string") return null;
  const value = raw.replace(/\r\n?/g, "\n").replace(/\0/g, "").trim();
  return value === "" ? null : value;
}

const stringSchema = (cap: number, m: ValidationMessages, z: typeof Zod) =>
  z.string({ error: m.expectedText }).max(cap, m.tooLong(cap)).nullable();

function readJsonString(json: unknown): JsonRead {
  if (json === null) return { value: null };
  if (typeof json !== "string") return { problem: problem("answerNotText", { value: show(json) }) };
  return json.includes("\0") ? { problem: problem("answerHasNul") } : { value: json };
}

const asText = (value: AnswerValue) =>
  typeof value === "string" && value.trim() !== "" ? value : null;
const ownColumn = (values: ValuesDescription, cell: ExportPart["cell"]): ExportPart[] => [
  { option: null, values, cell },
];
const textCell = (value: AnswerValue | undefined): CellValue =>
  typeof value === "string" && value !== "" ? value : null;

function textKind<Q>(cap: number, check: QuestionKind<Q>["check"] = () => null): QuestionKind<Q> {
  return {
    value: (_q, m, z) => stringSchema(cap, m, z),
    fromForm: (form, q) => formText(form, (q as { key: string }).key),
    check,
    readJson: (_q, json) => readJsonString(json),
    writeJson: (_q, value) => value,
    columns: () => ownColumn("text", textCell),
    format: (_q, value) => asText(value),
  };
}

/**
 * zod's own e-mail pattern, what `z.email()` checks (the unit test holds it to zod's), written
 * out so that the pages' scripts need none of zod.
 */
export const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  return URL.canParse(value);
}

// --- numbers ---------------------------------------------------------------------------------

/** A plain decimal, full stop for decimals: what every UN language's keyboard can type. */
const NUMBER = /^-?\d{1,15}(?:\.\d{1,6})?$/;
/** The number a stored answer holds, or null (results bin numbers and percentages with it). */
export const toNumber = (value: AnswerValue) =>
  typeof value === "string" && NUMBER.test(value) ? Number(value) : null;

function numberKind<Q extends { min?: number; max?: number; decimals?: number }>(
  bounds: (q: Q) => { min?: number; max?: number },
  suffix: (q: Q) => string,
  strip: RegExp,
): QuestionKind<Q> {
  return {
    value: (_q, m, z) => stringSchema(40, m, z),
    fromForm: (form, q) => {
      const text = formText(form, (q as unknown as { key: string }).key);
      return typeof text === "string"
        ? asciiDigits(text)
            .replace(strip, "")
            .replace(/[\s\u00a0\u202f]/g, "")
        : text;
    },
    check: (q, value, m) => {
      const n = toNumber(value);
      if (n === null) return { code: "invalid_number", message: m.invalidNumber };
      const decimals = (String(value).split(".")[1] ?? "").length;
      if (q.decimals !== undefined && decimals > q.decimals)
        return { code: "invalid_number", message: m.tooManyDecimals(q.decimals) };
      const { min, max } = bounds(q);
      if ((min !== undefined && n < min) || (max !== undefined && n > max))
        return { code: "out_of_range", message: m.outOfRange(min, max) };
      return null;
    },
    readJson: (_q, json) => {
      if (json === null) return { value: null };
      if (typeof json === "number" && Number.isFinite(json)) return { value: String(json) };
      if (typeof json === "string" && NUMBER.test(json)) return { value: json };
      return { problem: problem("answerNotNumber", { value: show(json) }) };
    },
    writeJson: (_q, value) => toNumber(value) ?? value,
    columns: () => ownColumn("number", (value) => toNumber(value ?? null) ?? textCell(value)),
    format: (q, value) => {
      const text = asText(value);
      return text === null ? null : `${text}${suffix(q)}`;
    },
  };
}

// --- choices ---------------------------------------------------------------------------------

const keysOf = (q: { options: readonly { key: string }[] }) => q.options.map((o) => o.key);
const optionText = (q: { options: readonly { key: string; text: string }[] }, key: string) =>
  q.options.find((o) => o.key === key)?.text ?? null;

/** 1 ticked, 0 not ticked; nothing when the answer is unknown (null), never a guessed 0. */
const optionCell = (value: AnswerValue | undefined, option: string): CellValue =>
  Array.isArray(value) ? (value.includes(option) ? 1 : 0) : null;

// --- the table -------------------------------------------------------------------------------

export const questionKinds: { [T in QuestionType]: QuestionKind<QuestionOfType<T>> } = {
  text: textKind(MAX_TEXT_CHARS),
  lines: textKind(MAX_TEXT_CHARS),
  email: textKind(MAX_TEXT_CHARS, (_q, value, m) =>
    typeof value === "string" && !EMAIL.test(value.trim())
      ? { code: "invalid_email", message: m.invalidEmail }
      : null,
  ),
  url: textKind(MAX_TEXT_CHARS, (_q, value, m) =>
    typeof value === "string" && !isWebAddress(value)
      ? { code: "invalid_url", message: m.invalidUrl }
      : null,
  ),
  longtext: textKind(MAX_LONGTEXT_CHARS, (q, value, m) => {
    if (typeof value !== "string") return null;
    const max = wordLimitFor(q, value);
    const { count, over, more } = wordLimitState(value, max);
    if (!over) return null;
    const message = more ? m.farOverWordLimit(count, max) : m.overWordLimit(count, max);
    return { code: "over_word_limit", message };
  }),
  yesno: {
    value: (_q, m, z) => z.enum(["yes", "no"], { error: m.invalidChoice }).nullable(),
    fromForm: (form, q) => formText(form, q.key),
    check: () => null,
    readJson: (_q, json) =>
      json === null || json === "yes" || json === "no"
        ? { value: json }
        : { problem: problem("answerNotYesNo", { value: show(json) }) },
    writeJson: (_q, value) => value,
    columns: () =>
      ownColumn("yesno", (value) => (value === "yes" || value === "no" ? value : null)),
    format: (_q, value, labels) =>
      value === "yes" ? labels.yes : value === "no" ? labels.no : null,
  },
  single: {
    value: (q, m, z) =>
      z.enum(keysOf(q) as [string, ...string[]], { error: m.unknownOption }).nullable(),
    fromForm: (form, q) => formText(form, q.key),
    check: () => null,
    readJson: (q, json) =>
      json === null || (typeof json === "string" && keysOf(q).includes(json))
        ? { value: json as string | null }
        : { problem: problem("answerNotOption", { options: keysOf(q), value: show(json) }) },
    writeJson: (_q, value) => value,
    columns: () => ownColumn("choice", (value) => (typeof value === "string" ? value : null)),
    format: (q, value) => (typeof value === "string" ? optionText(q, value) : null),
  },
  multi: {
    value: (q, m, z) => {
      const keys = keysOf(q);
      return z
        .array(z.enum(keys as [string, ...string[]], { error: m.unknownOption }))
        .transform((picked) => keys.filter((key) => picked.includes(key)))
        .nullable();
    },
    fromForm: (form, q) => {
      const picked = form.getAll(q.key).filter((v): v is string => typeof v === "string");
      return picked.length > 0 ? picked : null;
    },
    check: () => null,
    readJson: (q, json) => {
      if (json === null) return { value: null };
      const keys = keysOf(q);
      if (!Array.isArray(json) || json.some((item) => typeof item !== "string"))
        return { problem: problem("answerNotOptionList", { value: show(json) }) };
      const unknown = json.filter((item) => !keys.includes(item as string));
      if (unknown.length > 0)
        return {
          problem: problem("answerUnknownOptions", { unknown: unknown.map(show), options: keys }),
        };
      // In the definition's order, each once: the form's own normalisation.
      return { value: keys.filter((key) => json.includes(key)) };
    },
    writeJson: (_q, value) => value,
    columns: (q) =>
      q.options.map((option) => ({
        option,
        values: "option",
        cell: (value) => optionCell(value, option.key),
      })),
    format: (q, value) => {
      const picked = Array.isArray(value) ? value : [];
      const texts = q.options.filter((o) => picked.includes(o.key)).map((o) => o.text);
      return texts.length > 0 ? texts.join("\n") : null;
    },
  },
  number: numberKind(
    (q) => ({ min: q.min, max: q.max }),
    (q) => (q.unit ? ` ${q.unit}` : ""),
    /$^/,
  ),
  percentage: numberKind(
    (q) => ({ min: q.min ?? 0, max: q.max ?? 100 }),
    () => " %",
    /\s*%$/,
  ),
  date: {
    value: (_q, m, z) => stringSchema(40, m, z),
    fromForm: (form, q) => {
      const text = formText(form, q.key);
      return typeof text === "string" ? asciiDigits(text) : text;
    },
    check: (q, value, m) => {
      if (typeof value !== "string" || !isIsoDate(value))
        return { code: "invalid_date", message: m.invalidDate };
      if ((q.min && value < q.min) || (q.max && value > q.max))
        return { code: "out_of_range", message: m.dateOutOfRange(q.min, q.max) };
      return null;
    },
    readJson: (_q, json) =>
      json === null || (typeof json === "string" && isIsoDate(json))
        ? { value: json as string | null }
        : { problem: problem("answerNotDate", { value: show(json) }) },
    writeJson: (_q, value) => value,
    columns: () => ownColumn("date", textCell),
    format: (_q, value) => asText(value),
  },
};

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The table's entry for a question, typed for it. */
export function kindOf<Q extends { type: QuestionType }>(question: Q): QuestionKind<Q> {
  return questionKinds[question.type] as unknown as QuestionKind<Q>;
}
