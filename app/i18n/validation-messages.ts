// User-facing validation messages, kept out of the rules so each UN language can supply its own.

export type ValidationMessages = {
  overWordLimit: (count: number, max: number) => string;
  /** Over the limit by so much that the words were counted only up to `counted`. */
  farOverWordLimit: (counted: number, max: number) => string;
  invalidEmail: string;
  invalidUrl: string;
  invalidNumber: string;
  tooManyDecimals: (decimals: number) => string;
  outOfRange: (min: number | undefined, max: number | undefined) => string;
  invalidDate: string;
  dateOutOfRange: (min: string | undefined, max: string | undefined) => string;
  required: string;
  /** A carried answer not yet confirmed or changed. */
  carriedUnconfirmed: (round: string) => string;
  notAsked: (parentText: string) => string;
  unknownOption: string;
  invalidChoice: string;
  tooLong: (maxChars: number) => string;
  expectedText: string;
};

export const englishValidationMessages: ValidationMessages = {
  overWordLimit: (count, max) =>
    `This answer has ${count} words; the limit is ${max}. Shorten it by ${count - max} ${count - max === 1 ? "word" : "words"}.`,
  farOverWordLimit: (counted, max) =>
    `This answer has more than ${counted} words; the limit is ${max}. Shorten it to ${max} words or fewer.`,
  invalidEmail: "Enter an e-mail address such as name@example.org.",
  invalidUrl: "Enter a full web address, such as https://www.example.gov.",
  invalidNumber: "Enter a number, such as 1250 or 12.5 (a full stop for decimals, no spaces).",
  tooManyDecimals: (decimals) =>
    decimals === 0
      ? "Enter a whole number."
      : `Enter a number with at most ${decimals} ${decimals === 1 ? "decimal" : "decimals"}.`,
  outOfRange: (min, max) =>
    min !== undefined && max !== undefined
      ? `Enter a number from ${min} to ${max}.`
      : min !== undefined
        ? `Enter a number of ${min} or more.`
        : `Enter a number of ${max} or less.`,
  invalidDate: "Enter a date as year-month-day, such as 2026-03-30.",
  dateOutOfRange: (min, max) =>
    min && max
      ? `Enter a date from ${min} to ${max}.`
      : min
        ? `Enter a date on or after ${min}.`
        : `Enter a date on or before ${max}.`,
  required: "Answer this question: it is required to submit.",
  carriedUnconfirmed: (round) =>
    `This answer comes from your ${round} response: confirm it is still accurate, or update it.`,
  notAsked: (parentText) =>
    `This follow-up applies only to a different answer to “${parentText}”. Clear it, or change that answer.`,
  unknownOption: "Choose only from the options listed.",
  invalidChoice: "Choose Yes or No.",
  tooLong: (maxChars) => `This answer is longer than ${maxChars} characters.`,
  expectedText: "Enter text.",
};
