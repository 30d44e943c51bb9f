import { definitionProblem, type StructureChange } from "./definition-problems";
import type { QuestionnaireDefinition } from "./definition-schema";

// What an open round freezes: sections, keys, types, options, conditions, limits. Everything a
// person reads (titles, questions, hints, option texts, their translations and whether these are
// official) may still be corrected, as a new version.

const WORDING = new Set([
  "text",
  "hint",
  "title",
  "help",
  "unit",
  "authorizationText",
  "translations",
]);

function withoutWording(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWording);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => !WORDING.has(name) && name !== "$schema" && name !== "version")
      // "other" is a text, but whether there is one is structure.
      .map(([name, inner]): [string, unknown] => [
        name,
        name === "other" ? true : withoutWording(inner),
      ])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** A stable text that two definitions share exactly when only their wording differs. */
export function definitionStructure(definition: QuestionnaireDefinition): string {
  return JSON.stringify(withoutWording(definition));
}

/** What differs in structure between two versions, for the refusal of the change. */
export function structureChanges(
  before: QuestionnaireDefinition,
  after: QuestionnaireDefinition,
): StructureChange[] {
  const shape = (d: QuestionnaireDefinition) =>
    new Map(
      d.sections.flatMap((s) =>
        s.questions.map((q) => [q.key, `${s.id}:${JSON.stringify(withoutWording(q))}`] as const),
      ),
    );
  const was = shape(before);
  const now = shape(after);
  const changes: StructureChange[] = [];
  for (const key of was.keys())
    if (!now.has(key)) changes.push(definitionProblem("questionRemoved", { key }));
  for (const [key, value] of now) {
    if (!was.has(key)) changes.push(definitionProblem("questionAdded", { key }));
    else if (was.get(key) !== value) changes.push(definitionProblem("questionChanged", { key }));
  }
  if (changes.length === 0 && definitionStructure(before) !== definitionStructure(after))
    changes.push(definitionProblem("sectionsChanged"));
  return changes;
}
