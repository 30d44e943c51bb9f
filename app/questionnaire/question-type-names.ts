import type { QuestionType } from "./types";

/** Every question type a definition may use, in the order the format's documentation lists them. */
export const questionTypeNames = [
  "text",
  "lines",
  "email",
  "url",
  "longtext",
  "yesno",
  "single",
  "multi",
  "number",
  "percentage",
  "date",
] as const satisfies readonly QuestionType[];

// The list must name every type: this fails to compile when one is missing.
type Missing = Exclude<QuestionType, (typeof questionTypeNames)[number]>;
export const everyTypeListed: Missing extends never ? true : Missing = true;
