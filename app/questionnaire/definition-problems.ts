// What is wrong with a questionnaire definition file, or with storing it as a round: a code and
// its values, never a sentence. The schema's checks (definition-schema.ts), the comparison of two
// versions (definition-structure.ts) and the rounds (rounds.server.ts) say what they find as
// codes; the Rounds pages put them into words in the administrator's language, and
// `npm run round:create` in English (definition-messages.ts, from the catalogues'
// `definitionProblems.*`), as the importers' problems are (app/import/problems.ts).
//
// The values are what a message names and no language translates: keys, section ids, round ids,
// numbers, values quoted from the file. A value that is a list is joined as the reader's language
// joins one. zod's own messages (a wrong type, a missing property, a number out of range) are the
// one exception: zod writes them in the language the file is read in (its locale bundles), and
// they come here as `zodMessage`.

type None = Record<string, never>;

/** Each code's values: the compiler checks every problem written and every message read. */
export interface DefinitionProblemValues {
  // --- the file -------------------------------------------------------------------------------
  /** `limit`: in megabytes. */
  fileTooLarge: { limit: number };
  /** `detail`: the JSON reader's own message. */
  notJson: { detail: string };
  /** zod's own message, already in the language the file was read in. */
  zodMessage: { message: string };

  // --- the shape ------------------------------------------------------------------------------
  emptyText: None;
  /** A text given by language without its English. */
  missingEnglish: None;
  notAText: None;
  badKey: None;
  badSectionId: None;
  badRound: None;
  notADate: None;
  /** `types`: the question types. */
  unknownType: { types: string[] };
  singleNeedsTwoOptions: None;
  multiNeedsAnOption: None;
  sectionNeedsAQuestion: None;
  needsASection: None;
  /** A word limit that is neither a number nor limits by script (`example`: such limits). */
  badWordLimit: { min: number; max: number; example: string };
  /** Limits by script naming "en", "fr" or "es", which share one script. */
  latinScriptLimit: None;

  // --- what the shape cannot say --------------------------------------------------------------
  duplicateKey: { key: string };
  duplicateSection: { id: string };
  reservedKey: { key: string };
  otherListed: None;
  /** `min`, `max`: as written in the file (numbers or dates). */
  minAboveMax: { min: string; max: string };
  /** A condition naming a field that is not a question before it. */
  notEarlierQuestion: { field: string };
  /** `equals` on a multiple choice. */
  useIncludes: { field: string };
  /** `includes` on a question that is not a multiple choice. */
  useEquals: { field: string };
  /** `answers`: the field's answers (yes, no, or its option keys). */
  notAnAnswer: { value: string; field: string; answers: string[] };
  notAnOption: { value: string; field: string; options: string[] };

  // --- what a new version changes in an open round's structure --------------------------------
  questionRemoved: { key: string };
  questionAdded: { key: string };
  questionChanged: { key: string };
  sectionsChanged: None;

  // --- why a round refuses ------------------------------------------------------------------------
  versionStored: { round: string; version: number };
  /** `latest`: the round's latest version. */
  versionBelow: { round: string; latest: number };
  /** The new version changes more than wording (its changes: the refusal's details). */
  structureFrozen: { round: string; status: "OPEN" | "CLOSED" };
  noSuchRound: { round: string };
  notADraft: { round: string; status: "OPEN" | "CLOSED" };
  notOpen: { round: string };
}

export type DefinitionProblemCode = keyof DefinitionProblemValues;

/** One problem: its code and that code's values. */
export type DefinitionProblem = {
  [C in DefinitionProblemCode]: { code: C; values: DefinitionProblemValues[C] };
}[DefinitionProblemCode];

export type DefinitionProblemOf<C extends DefinitionProblemCode> = Extract<
  DefinitionProblem,
  { code: C }
>;

/** `definitionProblem("duplicateKey", { key: "ai" })`; `definitionProblem("otherListed")`. */
export function definitionProblem<C extends DefinitionProblemCode>(
  code: C,
  ...values: DefinitionProblemValues[C] extends None ? [] : [DefinitionProblemValues[C]]
): DefinitionProblemOf<C> {
  return { code, values: values[0] ?? {} } as DefinitionProblemOf<C>;
}

/**
 * A problem of a definition file, and where it is: `sections[3].questions[2].options`, the path
 * as a person reads it in the file ("" for the file as a whole).
 */
export type DefinitionIssue = DefinitionProblem & { path: string };

/** What differs in structure between two versions of a definition. */
export type StructureChange = DefinitionProblemOf<
  "questionRemoved" | "questionAdded" | "questionChanged" | "sectionsChanged"
>;

/** Why a round refuses to store a definition, or to open or close. */
export type RoundProblem = DefinitionProblemOf<
  "versionStored" | "versionBelow" | "structureFrozen" | "noSuchRound" | "notADraft" | "notOpen"
>;

// Every code once, so that tests can list them: the compiler refuses this object when a code is
// missing or unknown.
const CODES: { [C in DefinitionProblemCode]: true } = {
  fileTooLarge: true,
  notJson: true,
  zodMessage: true,
  emptyText: true,
  missingEnglish: true,
  notAText: true,
  badKey: true,
  badSectionId: true,
  badRound: true,
  notADate: true,
  unknownType: true,
  singleNeedsTwoOptions: true,
  multiNeedsAnOption: true,
  sectionNeedsAQuestion: true,
  needsASection: true,
  badWordLimit: true,
  latinScriptLimit: true,
  duplicateKey: true,
  duplicateSection: true,
  reservedKey: true,
  otherListed: true,
  minAboveMax: true,
  notEarlierQuestion: true,
  useIncludes: true,
  useEquals: true,
  notAnAnswer: true,
  notAnOption: true,
  questionRemoved: true,
  questionAdded: true,
  questionChanged: true,
  sectionsChanged: true,
  versionStored: true,
  versionBelow: true,
  structureFrozen: true,
  noSuchRound: true,
  notADraft: true,
  notOpen: true,
};

export const definitionProblemCodes = Object.keys(CODES) as DefinitionProblemCode[];

export const isDefinitionProblemCode = (value: unknown): value is DefinitionProblemCode =>
  typeof value === "string" && Object.hasOwn(CODES, value);
