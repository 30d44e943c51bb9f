import { prisma } from "~/db.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { allQuestions } from "~/questionnaire";

// What the Rounds pages show.

export async function listRounds() {
  const rounds = await prisma.round.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      status: true,
      questionnaireVersion: true,
      deadline: true,
      _count: { select: { responses: true } },
    },
  });
  return rounds.map(({ _count, deadline, ...round }) => ({
    ...round,
    deadline: deadline?.toISOString() ?? null,
    responses: _count.responses,
  }));
}

export async function roundPage(roundId: string) {
  const round = await prisma.round.findUnique({
    where: { id: roundId },
    include: {
      definitions: { select: { version: true, createdAt: true }, orderBy: { version: "desc" } },
      _count: { select: { responses: true } },
    },
  });
  if (!round) return null;
  const questionnaire = await requireQuestionnaire(round);
  const previous =
    round.status === "DRAFT"
      ? await prisma.round.findFirst({
          where: { status: { in: ["OPEN", "CLOSED"] } },
          orderBy: [{ openedAt: "desc" }, { id: "desc" }],
          select: { id: true },
        })
      : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    round: {
      id: round.id,
      name: round.name,
      status: round.status,
      version: round.questionnaireVersion,
      opensAt: iso(round.opensAt),
      deadline: iso(round.deadline),
      openedAt: iso(round.openedAt),
      closedAt: iso(round.closedAt),
      previousRoundId: round.previousRoundId,
      responses: round._count.responses,
    },
    versions: round.definitions.map((d) => ({ version: d.version, at: d.createdAt.toISOString() })),
    /** The round a draft would carry answers from if opened now. */
    carriesFrom: round.status === "DRAFT" ? (previous?.id ?? null) : round.previousRoundId,
    questionnaire,
    questions: allQuestions(questionnaire).length,
  };
}
