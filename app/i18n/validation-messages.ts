// User-facing validation messages, kept out of the rules so each UN language can supply its own.

export type ValidationMessages = {
  overWordLimit: (count: number, max: number) => string;
  /** Over the limit by so much that the words were counted only up to `counted`. */
  farOverWordLimit: (counted: number, max: number) => string;
  invalidEmail: string;
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
  notAsked: (parentText) =>
    `This follow-up applies only to a different answer to “${parentText}”. Clear it, or change that answer.`,
  unknownOption: "Choose only from the options listed.",
  invalidChoice: "Choose Yes or No.",
  tooLong: (maxChars) => `This answer is longer than ${maxChars} characters.`,
  expectedText: "Enter text.",
};
