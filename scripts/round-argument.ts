import { readFile } from "node:fs/promises";
import { copyFor } from "~/i18n/catalogues.server";
import type { Questionnaire } from "~/questionnaire";
import { definitionMessage } from "~/questionnaire/definition-messages";
import { parseDefinition } from "~/questionnaire/definition-schema";
import { localizeDefinition } from "~/questionnaire/localize";

/** The round a command names (`--round 2026`), else the one answered now, with its questionnaire. */
export async function knownRound(
  id: string | null,
): Promise<{ id: string; questionnaire: Questionnaire } | { error: string }> {
  // Loaded only now: a dry run against a definition file must not need (or create) a database.
  const { prisma } = await import("~/db.server");
  const { requireQuestionnaire } = await import("~/models/questionnaire.server");
  const { currentRound } = await import("~/models/round.server");
  const round = id ? await prisma.round.findUnique({ where: { id } }) : await currentRound();
  if (!round) {
    const known = (await prisma.round.findMany({ select: { id: true }, orderBy: { id: "asc" } }))
      .map((r) => r.id)
      .join(", ");
    return { error: `there is no questionnaire for round "${id}" (known rounds: ${known}).` };
  }
  return { id: round.id, questionnaire: await requireQuestionnaire(round) };
}

/** A definition file's questionnaire, for checking documents without any database. */
export async function definitionFile(
  file: string,
  round: string | null,
): Promise<{ id: string; questionnaire: Questionnaire } | { error: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return { error: `cannot read ${file}: ${(error as Error).message}` };
  }
  const result = parseDefinition(text);
  if (!result.ok) {
    const english = copyFor("en");
    const lines = result.issues.map((issue) => definitionMessage(english, issue));
    return { error: `${file} is not a valid definition:\n${lines.join("\n")}` };
  }
  if (round && round !== result.definition.round)
    return { error: `${file} defines round ${result.definition.round}, not ${round}.` };
  return { id: result.definition.round, questionnaire: localizeDefinition(result.definition) };
}
