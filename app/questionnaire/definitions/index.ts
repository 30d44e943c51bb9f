import { englishCopy } from "~/i18n/english-copy.node";
import { definitionMessage } from "../definition-messages";
import { checkDefinitionJson, type QuestionnaireDefinition } from "../definition-schema";
import msq2020 from "./msq-2020.json" with { type: "json" };

// The definitions that ship with the portal. They are seed data: `npm run db:seed` stores them
// in the database, and the portal reads every round's definition from there, never from here.

function checked(json: unknown, file: string): QuestionnaireDefinition {
  const result = checkDefinitionJson(json);
  if (!result.ok) {
    const english = englishCopy;
    const lines = result.issues.map((issue) => definitionMessage(english, issue));
    throw new Error(`${file} is not a valid definition:\n${lines.join("\n")}`);
  }
  return result.definition;
}

export const bundledDefinitions: readonly QuestionnaireDefinition[] = [
  checked(msq2020, "msq-2020.json"),
];
