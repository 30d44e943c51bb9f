import { countryName } from "~/countries";
import { nullableBoolean, prisma } from "~/db.server";
import { dateColumn, driverRows } from "~/db-driver.server";
import { absoluteUrl } from "~/email/links.server";
import { byLanguage, type Recipient } from "~/email/recipients";
import { deliverNow } from "~/email/outbox-sender.server";
import { type ComposedEmail, enqueueAll, toEach } from "~/email/outbox.server";
import type { Role } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/locale";
import type { Answers } from "~/questionnaire/types";
import { returnedForRevisionEmail } from "~/email/templates/returned-for-revision";
import { openQuestionComments } from "./comment-threads.server";
import type { DashboardRow } from "./dashboard";
import { logEvent } from "./event.server";
import { checkTransition, type Decision } from "./review-state";
import { latestSubmission } from "./latest-submission";

// The reviewers' side: the dashboard's rows, decisions on a response, and comments.

/**
 * Every Member State with its response's state, for the dashboard, named in `locale`. Two plain
 * statements: the nested Prisma query it replaces (countries, responses, focal points) cost 6 ms
 * of the page.
 */
export async function loadDashboardRows(roundId: string, locale: Locale): Promise<DashboardRow[]> {
  // Through the driver, prepared once (decision 026): read on every dashboard.
  const [countries, focalPoints] = await Promise.all([
    driverRows(
      "dashboard-countries",
      `SELECT c.code, c.region, r.status, r.imported, r."updatedAt", r."authorizePublication"
      FROM "Country" c
      LEFT JOIN "Response" r ON r."countryCode" = c.code AND r."roundId" = $1
      ORDER BY c.code`,
      [roundId],
    ),
    // Literals, not parameters: PostgreSQL compares an enum column with a literal, not text.
    driverRows(
      "dashboard-focal-points",
      `SELECT uc."countryCode", COALESCE(u.name, u.email) AS name
      FROM "UserCountry" uc JOIN "User" u ON u.id = uc."userId"
      WHERE u.active = TRUE AND u.role = 'FOCAL_POINT'
      ORDER BY u."createdAt", u.id`,
      [],
    ),
  ]);
  const namesByCountry = new Map<string, string[]>();
  for (const { countryCode, name } of focalPoints) {
    const code = String(countryCode);
    namesByCountry.set(code, [...(namesByCountry.get(code) ?? []), String(name)]);
  }
  return countries.map((c) => {
    const code = String(c.code);
    return {
      code,
      name: countryName(code, locale),
      region: String(c.region),
      status: (c.status ?? "NOT_STARTED") as DashboardRow["status"],
      imported: Boolean(c.imported),
      lastActivity: c.updatedAt ? dateColumn(c.updatedAt).toISOString() : null,
      focalPoints: namesByCountry.get(code) ?? [],
      authorised: nullableBoolean(c.authorizePublication),
    };
  });
}

export type DecisionResult =
  | { ok: true }
  | { ok: false; reason: "role" | "status" | "message" }
  | { ok: false; reason: "stale"; latest: { number: number; at: Date; imported: boolean } };

/**
 * Applies a reviewer's decision on the submission the reviewer saw (its number, posted by the
 * page). A newer submission (returned and resubmitted meanwhile) is refused: nobody has reviewed
 * it. The change is made only if status and revision are still the ones checked (a
 * compare-and-swap; every submission bumps the revision), so two reviewers acting at once cannot
 * both win, and a resubmission landing between the check and the write is not accepted either.
 */
export async function decide(input: {
  decision: Exclude<Decision, "submit">;
  roundId: string;
  countryCode: string;
  /** The number of the submission the reviewer's page showed. */
  submission: number;
  actor: { id: string; role: Role; name: string };
  message?: string;
}): Promise<DecisionResult> {
  const response = await prisma.response.findUnique({
    where: { roundId_countryCode: { roundId: input.roundId, countryCode: input.countryCode } },
    select: {
      id: true,
      status: true,
      revision: true,
      submissions: latestSubmission({ number: true, createdAt: true, imported: true }),
    },
  });
  const check = checkTransition(input.decision, response?.status ?? null, input.actor.role);
  if (!check.ok) return check;
  const latest = response!.submissions[0];
  if (!latest) return { ok: false, reason: "status" };
  if (latest.number !== input.submission) {
    return {
      ok: false,
      reason: "stale",
      latest: { number: latest.number, at: latest.createdAt, imported: latest.imported },
    };
  }
  const message = input.message?.trim() ?? "";
  if (input.decision === "return" && !message) return { ok: false, reason: "message" };
  const now = new Date();
  // A return's e-mails are composed first and queued with the decision: both or neither.
  const emails =
    input.decision === "return"
      ? await composeReturnEmails(input.roundId, input.countryCode, input.actor.name, message)
      : [];
  const emailIds = await prisma.$transaction(async (tx) => {
    const { count } = await tx.response.updateMany({
      where: { id: response!.id, status: response!.status, revision: response!.revision },
      data: {
        status: check.to,
        ...(input.decision === "accept" ? { acceptedAt: now } : {}),
        ...(input.decision === "reopen" ? { acceptedAt: null } : {}),
      },
    });
    if (count === 0) return null;
    if (message) {
      await tx.comment.create({
        data: { responseId: response!.id, fieldKey: null, authorId: input.actor.id, body: message },
      });
    }
    await logEvent(
      {
        kind: `response.${input.decision === "return" ? "returned" : input.decision === "accept" ? "accepted" : "reopened"}`,
        actorId: input.actor.id,
        countryCode: input.countryCode,
        responseId: response!.id,
        data: message ? { message, submission: latest.number } : { submission: latest.number },
      },
      tx,
    );
    return enqueueAll(tx, emails);
  });
  if (!emailIds) return { ok: false, reason: "status" };
  await deliverNow(emailIds);
  return { ok: true };
}

async function composeReturnEmails(
  roundId: string,
  countryCode: string,
  reviewerName: string,
  message: string,
): Promise<ComposedEmail[]> {
  const [round, focalPoints] = await Promise.all([
    prisma.round.findUniqueOrThrow({
      where: { id: roundId },
      select: { name: true, deadline: true },
    }),
    activeFocalPoints(countryCode),
  ]);
  // Each focal point in their language, the questions the comments are on included.
  const emails: ComposedEmail[] = [];
  for (const [locale, addresses] of byLanguage(focalPoints)) {
    const questionComments = await openQuestionComments(roundId, countryCode, locale);
    const email = await returnedForRevisionEmail({
      locale,
      countryName: countryName(countryCode, locale),
      roundName: round.name,
      reviewerName,
      message,
      link: absoluteUrl(`/countries/${countryCode}`),
      deadline: round.deadline,
      comments: questionComments.map((c) => ({ ...c, link: absoluteUrl(c.link) })),
    });
    emails.push(...toEach("returned-for-revision", addresses, email));
  }
  return emails;
}

/** The country's active focal points, with the language each reads their e-mail in. */
export async function activeFocalPoints(countryCode: string): Promise<Recipient[]> {
  return prisma.user.findMany({
    where: { active: true, role: "FOCAL_POINT", countries: { some: { countryCode } } },
    select: { email: true, locale: true },
  });
}

export async function addComment(input: {
  roundId: string;
  countryCode: string;
  fieldKey: string | null;
  parentId: string | null;
  body: string;
  authorId: string;
}) {
  const response = await prisma.response.findUnique({
    where: { roundId_countryCode: { roundId: input.roundId, countryCode: input.countryCode } },
    select: { id: true },
  });
  if (!response) return false;
  // A reply belongs to a comment of the same response (never another country's thread).
  const parent = input.parentId
    ? await prisma.comment.findFirst({
        where: { id: input.parentId, responseId: response.id },
        select: { id: true, fieldKey: true },
      })
    : null;
  await prisma.comment.create({
    data: {
      responseId: response.id,
      fieldKey: parent ? parent.fieldKey : input.fieldKey,
      parentId: parent?.id ?? null,
      authorId: input.authorId,
      body: input.body,
    },
  });
  await logEvent({
    kind: "response.commented",
    actorId: input.authorId,
    countryCode: input.countryCode,
    responseId: response.id,
    fields: input.fieldKey ? [input.fieldKey] : [],
  });
  return true;
}

/** The latest two snapshots of a response: what is judged, and what it replaced. */
export async function latestSubmissions(responseId: string) {
  const rows = await prisma.submission.findMany({
    where: { responseId },
    select: {
      number: true,
      answers: true,
      authorizePublication: true,
      imported: true,
      createdAt: true,
    },
    orderBy: { number: "desc" },
    take: 2,
  });
  return rows.map((r) => ({ ...r, answers: r.answers as Answers }));
}
