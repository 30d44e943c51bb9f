import { prisma } from "~/db.server";
import { msq2020, questionnaireFor } from "~/questionnaire";
import type { Questionnaire } from "~/questionnaire/types";
import { progressAndIssues } from "./questionnaire-view.server";
import { EDITABLE, findResponse, namesOf } from "./response.server";
import { currentRound } from "./round.server";

// The country page: the response's status, progress by section, who saved last, and history.

export async function loadCountryPage(countryCode: string) {
  const round = await currentRound();
  const questionnaire: Questionnaire = questionnaireFor(round.id) ?? msq2020;
  const [country, response] = await Promise.all([
    prisma.country.findUniqueOrThrow({
      where: { code: countryCode },
      select: { code: true, name: true, region: true },
    }),
    findResponse(round.id, countryCode),
  ]);
  const { progress, issues } = progressAndIssues(
    questionnaire,
    response?.answers ?? {},
    response ? `${response.id}:${response.revision}` : undefined,
  );
  // Every event about the country's response, reminders before it existed included.
  const events = await prisma.event.findMany({
    where: { countryCode, kind: { startsWith: "response." } },
    select: { id: true, kind: true, at: true, actorId: true, fields: true },
    orderBy: { at: "desc" },
    take: 50,
  });
  const names = await namesOf([response?.updatedById, ...events.map((e) => e.actorId)]);
  const firstIncomplete = progress.find((s) => s.answered < s.total) ?? progress[0]!;
  return {
    roundId: round.id,
    roundName: round.name,
    deadline: round.deadline?.toISOString() ?? null,
    country,
    status: response?.status ?? null,
    editable: !response || EDITABLE.includes(response.status),
    started: !!response && Object.keys(response.answers).length > 0,
    continueAt: firstIncomplete.id,
    progress,
    overLimit: issues.filter((i) => i.code === "over_word_limit").length,
    lastSaved: response?.updatedById
      ? { by: names[response.updatedById] ?? "", at: response.updatedAt.toISOString() }
      : null,
    imported: response?.imported
      ? {
          source: response.importSource ?? "",
          warnings: (
            (response.importWarnings ?? []) as { field: string | null; message: string }[]
          ).slice(0, 100),
        }
      : null,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      who: e.actorId ? (names[e.actorId] ?? "") : "UN DESA",
      fields: Array.isArray(e.fields) ? (e.fields as string[]) : [],
    })),
  };
}
