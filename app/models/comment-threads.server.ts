import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/locale";
import { findQuestion, sectionOf } from "~/questionnaire";
import { requireQuestionnaire } from "./questionnaire.server";
import { logEvent } from "./event.server";

// Comment threads on a response, as focal points read them on their country page: each
// reviewer comment with its replies, oldest first. A thread waits for the country when its
// last word is UN DESA's (a focal point's reply, or nothing yet, answers it).

export type CommentMessage = {
  id: string;
  author: string;
  fromCountry: boolean;
  body: string;
  at: string;
};

export type CommentThread = {
  id: string;
  fieldKey: string | null;
  messages: CommentMessage[];
  waitingForCountry: boolean;
};

/** Every comment on a response, oldest first: the one query the review and country pages share. */
export function commentsOf(responseId: string) {
  return prisma.comment.findMany({
    where: { responseId },
    select: {
      id: true,
      fieldKey: true,
      parentId: true,
      body: true,
      createdAt: true,
      authorId: true,
    },
    orderBy: { createdAt: "asc" },
  });
}

export async function commentThreads(responseId: string): Promise<CommentThread[]> {
  const rows = await commentsOf(responseId);
  const authors = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
        select: { id: true, name: true, email: true, role: true },
      })
    ).map((u) => [u.id, u]),
  );
  const threads = new Map<string, CommentThread>();
  for (const row of rows) {
    const author = authors.get(row.authorId);
    const message: CommentMessage = {
      id: row.id,
      author: author ? (author.name ?? author.email) : "",
      fromCountry: author?.role === "FOCAL_POINT",
      body: row.body,
      at: row.createdAt.toISOString(),
    };
    // Replies hang off the thread's first comment (replies to replies are not offered).
    const thread = threads.get(row.parentId ?? row.id);
    if (thread) thread.messages.push(message);
    else if (!row.parentId)
      threads.set(row.id, {
        id: row.id,
        fieldKey: row.fieldKey,
        messages: [message],
        waitingForCountry: false,
      });
  }
  return [...threads.values()].map((thread) => ({
    ...thread,
    waitingForCountry: !thread.messages.at(-1)!.fromCountry,
  }));
}

/**
 * A reply to a thread of the country's response in this round. The thread is looked up
 * within that response, so no one replies into another country's comments.
 */
export async function replyToThread(input: {
  roundId: string;
  countryCode: string;
  threadId: string;
  body: string;
  authorId: string;
}): Promise<boolean> {
  const thread = await prisma.comment.findFirst({
    where: {
      id: input.threadId,
      parentId: null,
      response: { roundId: input.roundId, countryCode: input.countryCode },
    },
    select: { id: true, responseId: true, fieldKey: true },
  });
  if (!thread) return false;
  await prisma.$transaction(async (tx) => {
    await tx.comment.create({
      data: {
        responseId: thread.responseId,
        fieldKey: thread.fieldKey,
        parentId: thread.id,
        authorId: input.authorId,
        body: input.body,
      },
    });
    await logEvent(
      {
        kind: "response.commented",
        actorId: input.authorId,
        countryCode: input.countryCode,
        responseId: thread.responseId,
        fields: thread.fieldKey ? [thread.fieldKey] : [],
      },
      tx,
    );
  });
  return true;
}

/**
 * The comments on single questions that wait for the country, for the return e-mail, with the
 * question texts in its recipients' language.
 */
export async function openQuestionComments(
  roundId: string,
  countryCode: string,
  locale: Locale = "en",
) {
  const response = await prisma.response.findUnique({
    where: { roundId_countryCode: { roundId, countryCode } },
    select: { id: true },
  });
  if (!response) return [];
  const questionnaire = await requireQuestionnaire(roundId, locale);
  return (await commentThreads(response.id)).flatMap((thread) => {
    const question = thread.fieldKey ? findQuestion(questionnaire, thread.fieldKey) : undefined;
    const section = thread.fieldKey ? sectionOf(questionnaire, thread.fieldKey) : undefined;
    if (!thread.waitingForCountry || !question || !section) return [];
    return thread.messages
      .filter((m) => !m.fromCountry)
      .map((m) => ({
        question: question.text,
        body: m.body,
        link: `/countries/${countryCode}/sections/${section.id}#q-${question.key}`,
      }));
  });
}
