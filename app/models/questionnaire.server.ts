import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { definitionMessage } from "~/questionnaire/definition-messages";
import {
  checkDefinitionJson,
  type QuestionnaireDefinition,
} from "~/questionnaire/definition-schema";
import { localizeDefinition } from "~/questionnaire/localize";
import type { Questionnaire } from "~/questionnaire/types";

// Every round's questionnaire comes from its stored definition (QuestionnaireDefinition), read
// once per process: a stored version never changes, so it is cached without expiry.

export class UnknownQuestionnaireError extends Error {
  constructor(roundId: string, version?: number) {
    super(
      `No questionnaire definition is stored for the round "${roundId}"${version ? ` version ${version}` : ""}: create the round from a definition file (Admin › Rounds, or npm run round:create).`,
    );
    this.name = "UnknownQuestionnaireError";
  }
}

const definitions = new Map<string, Promise<QuestionnaireDefinition>>();

async function readDefinition(roundId: string, version: number): Promise<QuestionnaireDefinition> {
  const row = await prisma.questionnaireDefinition.findUnique({
    where: { roundId_version: { roundId, version } },
    select: { definition: true },
  });
  if (!row) throw new UnknownQuestionnaireError(roundId, version);
  const checked = checkDefinitionJson(row.definition);
  if (!checked.ok)
    throw new Error(
      `The stored definition of ${roundId} v${version} is invalid: ${definitionMessage(copyFor("en"), checked.issues[0]!)}`,
    );
  return checked.definition;
}

/** A round's definition at a version (the round's current one when not given). */
export async function requireDefinition(
  roundId: string,
  version?: number,
): Promise<QuestionnaireDefinition> {
  const at = version ?? (await currentVersionOf(roundId));
  const key = `${roundId}@${at}`;
  let definition = definitions.get(key);
  if (!definition) {
    definition = readDefinition(roundId, at);
    definitions.set(key, definition);
    definition.catch(() => definitions.delete(key));
  }
  return definition;
}

async function currentVersionOf(roundId: string): Promise<number> {
  const round = await prisma.round.findUnique({
    where: { id: roundId },
    select: { questionnaireVersion: true },
  });
  if (!round) throw new UnknownQuestionnaireError(roundId);
  return round.questionnaireVersion;
}

/**
 * The questionnaire of a round, in a language: the one way every page, export and import finds
 * it. A round without a stored definition is an error, never a guess.
 */
export async function requireQuestionnaire(
  round: string | { id: string; questionnaireVersion: number },
  locale: Locale = "en",
): Promise<Questionnaire> {
  const definition =
    typeof round === "string"
      ? await requireDefinition(round)
      : await requireDefinition(round.id, round.questionnaireVersion);
  return localizeDefinition(definition, locale);
}
