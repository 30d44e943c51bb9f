import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import { isLocale } from "~/i18n/locale";
import { logEvent } from "~/models/event.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { forgetCurrentRound } from "~/models/round.server";
import { definitionMessage } from "~/questionnaire/definition-messages";
import {
  definitionProblem,
  type RoundProblem,
  type StructureChange,
} from "~/questionnaire/definition-problems";
import type { QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { definitionStructure, structureChanges } from "~/questionnaire/definition-structure";
import { canonicalJson } from "~/questionnaire/canonical-json";
import { localizeDefinition } from "~/questionnaire/localize";
import { carryForward } from "./carry-forward";

// Creating, opening and closing rounds: the admin page, `npm run round:create` and the seed all
// come here. A round is draft → open → closed; once open, its structure is frozen and a wording
// fix is stored as a new definition version.

/**
 * Why a round refuses: a problem, put into words where it is shown (the Rounds pages in the
 * administrator's language, `npm run round:create` in English), and for a new version that
 * changes an open round's structure, what it changes. Its `message` is English, for logs.
 */
export class RoundError extends Error {
  constructor(
    readonly problem: RoundProblem,
    readonly details: StructureChange[] = [],
  ) {
    super(definitionMessage(copyFor("en"), problem));
    this.name = "RoundError";
  }
}

export type StoredDefinition = {
  roundId: string;
  version: number;
  /**
   * What storing it did: a new round, a new version of one, nothing (already stored), or the
   * stored version's translations replaced (its English, the reference, unchanged).
   */
  outcome: "created_round" | "added_version" | "unchanged" | "translations_updated";
};

/**
 * A definition reduced to its English texts, the reference every translation follows: two
 * definitions equal here differ at most in their translations and their statuses.
 */
export function englishOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(englishOnly);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if ("en" in value && entries.every(([key]) => isLocale(key)))
    return (value as { en: unknown }).en;
  return Object.fromEntries(
    entries.filter(([key]) => key !== "translations").map(([key, v]) => [key, englishOnly(v)]),
  );
}

/** Stores a definition: a new round (a draft), or a new version of an existing round. */
export async function storeDefinition(
  definition: QuestionnaireDefinition,
  actorId: string | null,
  /**
   * The seed only, before the server starts (which caches definitions): a shipped definition
   * whose translations changed replaces its stored version when its English is the same.
   */
  options: { translationsMayChange?: boolean } = {},
): Promise<StoredDefinition> {
  const roundId = definition.round;
  const structure = definitionStructure(definition);
  const round = await prisma.round.findUnique({
    where: { id: roundId },
    include: { definitions: { orderBy: { version: "desc" } } },
  });
  const same = round?.definitions.find((d) => d.version === definition.version);
  if (same) {
    if (canonicalJson(same.definition) === canonicalJson(definition))
      return { roundId, version: definition.version, outcome: "unchanged" };
    if (
      options.translationsMayChange &&
      canonicalJson(englishOnly(same.definition)) === canonicalJson(englishOnly(definition))
    ) {
      await prisma.questionnaireDefinition.update({
        where: { roundId_version: { roundId, version: definition.version } },
        data: { definition: definition as object },
      });
      return { roundId, version: definition.version, outcome: "translations_updated" };
    }
    throw new RoundError(
      definitionProblem("versionStored", { round: roundId, version: definition.version }),
    );
  }
  const latest = round?.definitions[0];
  if (latest && definition.version < latest.version)
    throw new RoundError(
      definitionProblem("versionBelow", { round: roundId, latest: latest.version }),
    );
  if (round && latest && round.status !== "DRAFT" && latest.structure !== structure) {
    const before = latest.definition as QuestionnaireDefinition;
    throw new RoundError(
      definitionProblem("structureFrozen", { round: roundId, status: round.status }),
      structureChanges(before, definition),
    );
  }
  await prisma.$transaction(async (tx) => {
    if (!round)
      await tx.round.create({
        data: {
          id: roundId,
          name: `MSQ ${roundId}`,
          questionnaireVersion: definition.version,
          status: "DRAFT",
        },
      });
    else
      await tx.round.update({
        where: { id: roundId },
        data: { questionnaireVersion: definition.version },
      });
    await tx.questionnaireDefinition.create({
      data: {
        roundId,
        version: definition.version,
        definition: definition as object,
        structure,
        createdById: actorId,
      },
    });
  });
  await logEvent({
    kind: round ? "round.definition_added" : "round.created",
    actorId,
    data: { round: roundId, version: definition.version },
  });
  forgetCurrentRound();
  return {
    roundId,
    version: definition.version,
    outcome: round ? "added_version" : "created_round",
  };
}

export type OpenedRound = { roundId: string; previousRoundId: string | null; carried: number };

/**
 * Opens a draft round: focal points answer it from now on, the previous open round closes, and
 * each country's response starts from its latest submission of the previous round.
 */
export async function openRound(input: {
  roundId: string;
  deadline: Date;
  opensAt?: Date | null;
  actorId: string | null;
}): Promise<OpenedRound> {
  const round = await prisma.round.findUnique({ where: { id: input.roundId } });
  if (!round) throw new RoundError(definitionProblem("noSuchRound", { round: input.roundId }));
  if (round.status !== "DRAFT")
    throw new RoundError(
      definitionProblem("notADraft", { round: input.roundId, status: round.status }),
    );
  const previous = await prisma.round.findFirst({
    where: { status: { in: ["OPEN", "CLOSED"] }, id: { not: round.id } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
  });
  const next = await requireQuestionnaire(round);
  const carried = previous ? await carriedResponses(previous, next) : [];

  const now = new Date();
  await prisma.$transaction(async (tx) => {
    // Only one round is answered at a time; the earlier one becomes read only.
    await tx.round.updateMany({
      where: { status: "OPEN", id: { not: round.id } },
      data: { status: "CLOSED", closedAt: now },
    });
    await tx.round.update({
      where: { id: round.id },
      data: {
        status: "OPEN",
        openedAt: now,
        opensAt: input.opensAt ?? now,
        deadline: input.deadline,
        previousRoundId: previous?.id ?? null,
      },
    });
    for (const item of carried) {
      await tx.response.upsert({
        where: { roundId_countryCode: { roundId: round.id, countryCode: item.countryCode } },
        create: {
          roundId: round.id,
          countryCode: item.countryCode,
          questionnaireVersion: round.questionnaireVersion,
          answers: item.answers,
          fieldVersions: {},
          carried: item.carried,
          carriedFromRoundId: previous!.id,
          confirmedCarried: [],
        },
        update: {},
      });
    }
  });
  await logEvent({
    kind: "round.opened",
    actorId: input.actorId,
    data: { round: round.id, previous: previous?.id ?? null, carried: carried.length },
  });
  forgetCurrentRound();
  return { roundId: round.id, previousRoundId: previous?.id ?? null, carried: carried.length };
}

async function carriedResponses(
  previous: { id: string },
  next: Awaited<ReturnType<typeof requireQuestionnaire>>,
) {
  const responses = await prisma.response.findMany({
    where: { roundId: previous.id, submissions: { some: {} } },
    select: {
      countryCode: true,
      submissions: {
        select: { answers: true, questionnaireVersion: true },
        orderBy: { number: "desc" },
        take: 1,
      },
    },
  });
  const out = [];
  for (const response of responses) {
    const submission = response.submissions[0]!;
    const before = await requireQuestionnaire({
      id: previous.id,
      questionnaireVersion: submission.questionnaireVersion,
    });
    const carried = carryForward(before, submission.answers as Record<string, never>, next);
    const answers = Object.fromEntries(Object.entries(carried).map(([k, c]) => [k, c.value]));
    out.push({ countryCode: response.countryCode, carried, answers });
  }
  return out;
}

/** Closes an open round: responses stay readable, nobody can change them. */
export async function closeRound(roundId: string, actorId: string | null): Promise<void> {
  const { count } = await prisma.round.updateMany({
    where: { id: roundId, status: "OPEN" },
    data: { status: "CLOSED", closedAt: new Date() },
  });
  if (count === 0) throw new RoundError(definitionProblem("notOpen", { round: roundId }));
  await logEvent({ kind: "round.closed", actorId, data: { round: roundId } });
  forgetCurrentRound();
}

/** The questionnaire of a stored definition, for the preview (no database round needed). */
export const previewQuestionnaire = (definition: QuestionnaireDefinition) =>
  localizeDefinition(definition);
