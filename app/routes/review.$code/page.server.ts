import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import { storedImportWarnings } from "~/import/problems";
import type { Locale } from "~/i18n/locale";
import { validationMessages } from "~/i18n/validation-messages";
import { responseEventsWhere } from "~/models/event.server";
import { commentsOf } from "~/models/comment-threads.server";
import type { Role } from "~/generated/prisma/enums";
import { changedFields } from "~/questionnaire/diff";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { answerIssues } from "~/questionnaire/validation";
import { findResponse, namesOf } from "~/models/response.server";
import { latestSubmissions } from "~/models/review.server";
import { availableDecisions } from "~/models/review-state";
import { currentRound } from "~/models/round.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { allQuestions, fieldKeys } from "~/questionnaire";
import { carryOf, reviewMark, type ReviewMark } from "~/rounds/carry-forward";
import { latestSourceDocument } from "~/models/source-document.server";

// What a reviewer sees of one country's response: the submitted answers, what changed since the
// previous submission (or the import), flags, comments, import warnings and history.

export async function loadReviewPage(countryCode: string, role: Role, locale: Locale) {
  const round = await currentRound();
  // The questions in the reviewer's language; the answers as the focal point wrote them.
  const questionnaire: Questionnaire = await requireQuestionnaire(round, locale);
  const [country, response] = await Promise.all([
    prisma.country.findUnique({
      where: { code: countryCode },
      select: { code: true, region: true },
    }),
    findResponse(round.id, countryCode),
  ]);
  if (!country) throw new Response("Not found", { status: 404 });
  const [latest, previous] = response ? await latestSubmissions(response.id) : [];
  const answers: Answers = latest?.answers ?? response?.answers ?? {};
  const comments = response ? await commentsOf(response.id) : [];
  const sourceDocument = response ? await latestSourceDocument(response.id) : null;
  const events = await prisma.event.findMany({
    where: responseEventsWhere(countryCode, response?.id ?? null, round.openedAt),
    select: { id: true, kind: true, at: true, actorId: true, fields: true, data: true },
    orderBy: { at: "desc" },
    take: 100,
  });
  const names = await namesOf([
    ...comments.map((c) => c.authorId),
    ...events.map((e) => e.actorId),
  ]);
  const carried = await carriedMarks(questionnaire, response, answers);
  const flags = answerIssues(questionnaire, answers, validationMessages(copyFor(locale))).filter(
    (i) => i.code === "not_asked" || i.code === "over_word_limit",
  );
  return {
    roundId: round.id,
    questionnaire,
    country: { ...country, name: countryName(country.code, locale) },
    status: response?.status ?? null,
    imported: response?.imported ?? false,
    importSource: response?.importSource ?? null,
    sourceDocument,
    // Codes and values, put into words by the page in the reviewer's language (older rows: text).
    importWarnings: storedImportWarnings(response?.importWarnings, 200),
    submission: latest
      ? { number: latest.number, at: latest.createdAt.toISOString(), imported: latest.imported }
      : null,
    authorizePublication: latest
      ? latest.authorizePublication
      : (response?.authorizePublication ?? null),
    answers,
    carried,
    changes:
      latest && previous
        ? {
            since: previous.imported ? ("import" as const) : previous.number,
            fields: changedFields(questionnaire, previous.answers, latest.answers),
          }
        : null,
    flags: flags.map((f) => ({ field: f.field, code: f.code, message: f.message })),
    comments: comments.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      author: names[c.authorId] ?? "",
    })),
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      who: e.actorId ? (names[e.actorId] ?? "") : "",
      fields: Array.isArray(e.fields) ? (e.fields as string[]).length : 0,
      message: (e.data as { message?: string } | null)?.message ?? null,
    })),
    decisions: availableDecisions(response?.status ?? null, role),
  };
}

/**
 * For a response that started from the previous round: per question, unchanged / updated / new /
 * changed question, and the previous round's answer where it was carried.
 */
async function carriedMarks(
  questionnaire: Questionnaire,
  response: Awaited<ReturnType<typeof findResponse>>,
  answers: Answers,
) {
  const carry = carryOf(response);
  if (!carry) return null;
  const previousKeys = new Set(fieldKeys(await requireQuestionnaire(carry.fromRound)));
  const marks: Record<string, ReviewMark> = {};
  const counts = { unchanged: 0, updated: 0, new: 0, changed_question: 0 };
  for (const question of allQuestions(questionnaire)) {
    const mark = reviewMark(question.key, carry.carried, previousKeys, answers[question.key]);
    marks[question.key] = mark;
    if (mark) counts[mark]++;
  }
  const previous = Object.fromEntries(
    Object.entries(carry.carried).map(([key, c]) => [key, c.value]),
  );
  return { fromRound: carry.fromRound, marks, counts, previous };
}
