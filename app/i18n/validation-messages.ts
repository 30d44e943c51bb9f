import type { Copy } from "./copy";

// The validation rules' messages, as functions of the rule's values, taken from a language's
// catalogue (`validation.*`): the rules stay free of words, the catalogue free of rules.

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

const built = new WeakMap<Copy, ValidationMessages>();

/** The validation messages of one language; the same object for the same copy (schemas cache by it). */
export function validationMessages(copy: Copy): ValidationMessages {
  const known = built.get(copy);
  if (known) return known;
  const v = copy.validation;
  const messages: ValidationMessages = {
    overWordLimit: (count, max) => v.overWordLimit({ count, max, excess: count - max }),
    farOverWordLimit: (counted, max) => v.farOverWordLimit({ counted, max }),
    invalidEmail: v.invalidEmail,
    invalidUrl: v.invalidUrl,
    invalidNumber: v.invalidNumber,
    tooManyDecimals: (decimals) => v.tooManyDecimals({ decimals }),
    outOfRange: (min, max) =>
      min !== undefined && max !== undefined
        ? v.outOfRange({ min, max })
        : min !== undefined
          ? v.atLeast({ min })
          : v.atMost({ max: max! }),
    invalidDate: v.invalidDate,
    dateOutOfRange: (min, max) =>
      min && max
        ? v.dateOutOfRange({ min, max })
        : min
          ? v.dateFrom({ min })
          : v.dateUntil({ max: max! }),
    required: v.required,
    carriedUnconfirmed: (round) => v.carriedUnconfirmed({ round }),
    notAsked: (parentText) => v.notAsked({ parentText }),
    unknownOption: v.unknownOption,
    invalidChoice: v.invalidChoice,
    tooLong: (maxChars) => v.tooLong({ maxChars }),
    expectedText: v.expectedText,
  };
  built.set(copy, messages);
  return messages;
}
