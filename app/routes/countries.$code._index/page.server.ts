import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/locale";
import { storedImportWarnings } from "~/import/problems";
import { responseEventsWhere } from "~/models/event.server";
import type { Questionnaire } from "~/questionnaire/types";
import { commentThreads } from "~/models/comment-threads.server";
import { progressAndIssues } from "~/models/questionnaire-view.server";
import { EDITABLE, findResponse, namesOf } from "~/models/response.server";
import { currentRound, isAnswerable } from "~/models/round.server";
import { carryOf } from "~/rounds/carry-forward";
import { requireQuestionnaire } from "~/models/questionnaire.server";

// The country page: the response's status, progress by section, who saved last, and history.

export async function loadCountryPage(countryCode: string, locale: Locale) {
  const round = await currentRound();
  const questionnaire: Questionnaire = await requireQuestionnaire(round, locale);
  const [country, response] = await Promise.all([
    prisma.country.findUniqueOrThrow({
      where: { code: countryCode },
      select: { code: true, region: true },
    }),
    findResponse(round.id, countryCode),
  ]);
  const { progress, issues } = progressAndIssues({
    questionnaire,
    answers: response?.answers ?? {},
    locale,
    version: response ? `${response.id}:${response.revision}` : undefined,
    carry: carryOf(response),
  });
  // Every event about the country's response, reminders before it existed included.
  const events = await prisma.event.findMany({
    where: responseEventsWhere(countryCode, response?.id ?? null, round.openedAt),
    select: { id: true, kind: true, at: true, actorId: true, fields: true, data: true },
    orderBy: { at: "desc" },
    take: 50,
  });
  const [names, threads] = await Promise.all([
    namesOf([response?.updatedById, ...events.map((e) => e.actorId)]),
    response ? commentThreads(response.id) : [],
  ]);
  const returnEvent =
    response?.status === "RETURNED"
      ? events.find((e) => e.kind === "response.returned")
      : undefined;
  const returnMessage = (returnEvent?.data as { message?: unknown } | null)?.message;
  // Carried answers to confirm come first: they are what a new round asks of the country.
  const firstIncomplete =
    progress.find((s) => s.toConfirm > 0) ??
    progress.find((s) => s.answered < s.total) ??
    progress[0]!;
  const toConfirm = progress.reduce((sum, s) => sum + s.toConfirm, 0);
  return {
    roundId: round.id,
    questionnaire,
    roundName: round.name,
    deadline: round.deadline?.toISOString() ?? null,
    country: { ...country, name: countryName(country.code, locale) },
    status: response?.status ?? null,
    editable: isAnswerable(round) && (!response || EDITABLE.includes(response.status)),
    /** Answers carried from the previous round and still to confirm or change. */
    carried: response?.carriedFromRoundId ? { from: response.carriedFromRoundId, toConfirm } : null,
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
          // Codes and values, put into words by the page (older rows: English text).
          warnings: storedImportWarnings(response.importWarnings, 100),
        }
      : null,
    /** The reviewer's message when the response is back with the country. */
    returned:
      response?.status === "RETURNED"
        ? {
            by: returnEvent?.actorId ? (names[returnEvent.actorId] ?? "") : "",
            at: (returnEvent?.at ?? response.updatedAt).toISOString(),
            message: typeof returnMessage === "string" ? returnMessage : "",
          }
        : null,
    threads,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      // No actor: the portal itself or a command run by UN DESA (an import, a reminder).
      who: (e.actorId && names[e.actorId]) || "UN DESA",
      fields: Array.isArray(e.fields) ? (e.fields as string[]) : [],
    })),
  };
}
