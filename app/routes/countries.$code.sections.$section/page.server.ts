import { countryName } from "~/countries";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { validationMessages } from "~/i18n/validation-messages";
import { dateColumn, driverRows } from "~/db-driver.server";
import { fingerprint } from "~/questionnaire/form-data";
import { progressAndIssues } from "~/models/questionnaire-view.server";
import { carryOf } from "~/rounds/carry-forward";
import { isAnswerable } from "~/models/round.server";
import { EDITABLE, findResponse } from "~/models/response.server";
import { sectionContext } from "./save.server";
import { parseSectionPost } from "~/questionnaire/section-post";
import { shownWhileFilling } from "~/questionnaire/validation";
import type { Answers } from "~/questionnaire/types";

// What a section page shows: the section's answers (with anything typed before an expired
// session put back in place), progress, warnings and reviewers' comments. The route has
// checked that the user is one of the country's focal points.

export async function loadSectionPage({
  userId,
  countryCode,
  sectionId,
  pending,
  locale,
}: {
  userId: string;
  locale: Locale;
  countryCode: string;
  sectionId: string | undefined;
  /** The post kept when the session had expired (pending-input.server.ts), if any. */
  pending: FormData | null;
}) {
  const { round, questionnaire, section } = await sectionContext(countryCode, sectionId, locale);
  const country = { code: countryCode, name: countryName(countryCode, locale) };
  const response = await findResponse(round.id, countryCode);
  const answers: Answers = response?.answers ?? {};
  const shown: Record<string, string> = {};
  for (const question of section.questions)
    shown[question.key] = fingerprint(answers[question.key] ?? null);

  // Input kept when the session had expired: shown in place, with the fingerprints of what the
  // person had seen then, so saving it still detects a colleague's change in between.
  let values: Answers = answers;
  let restored = false;
  let baseRevision = response?.revision ?? 0;
  if (pending) {
    const post = parseSectionPost(
      questionnaire,
      section.questions,
      pending,
      validationMessages(copyFor(locale)),
    );
    if (!("error" in post)) {
      values = { ...answers, ...post.changes };
      Object.assign(shown, post.shown);
      baseRevision = post.baseRevision;
      restored = true;
    }
  }

  const keys = section.questions.map((q) => q.key);
  const comments = response ? await commentsOn(response.id, keys) : [];
  const carry = carryOf(response);
  const { progress, issues } = progressAndIssues({
    questionnaire,
    answers: values,
    locale,
    version: response && !restored ? `${response.id}:${response.revision}` : undefined,
    carry,
  });
  const sectionKeys = new Set(keys);

  return {
    /** Whose unsaved changes this browser may restore on this page (local-backup.ts). */
    userId,
    roundId: round.id,
    country,
    sectionId: section.id,
    editable: isAnswerable(round) && (!response || EDITABLE.includes(response.status)),
    /** Why the form is read only, when it is because of the round. */
    roundLock:
      round.status === "CLOSED"
        ? ({ kind: "closed" } as const)
        : !isAnswerable(round) && round.opensAt
          ? ({ kind: "opens", at: round.opensAt.toISOString() } as const)
          : null,
    /** The whole questionnaire (5 KB gzipped): the page's navigation and follow-up hints use it. */
    questionnaire,
    status: response?.status ?? null,
    revision: baseRevision,
    // Only this section's answers go to the browser (follow-up conditions stay within a
    // section): the page stays small on slow connections.
    values: Object.fromEntries(keys.map((key) => [key, values[key] ?? null])) as Answers,
    shown,
    restored,
    progress,
    issues: issues.filter((issue) => sectionKeys.has(issue.field) && shownWhileFilling(issue)),
    /** This section's answers carried from the previous round, shown with "Still accurate". */
    carry: carry
      ? {
          fromRound: carry.fromRound,
          fields: Object.fromEntries(
            keys
              .filter((key) => carry.carried[key])
              .map((key) => [
                key,
                { ...carry.carried[key]!, confirmed: carry.confirmed.includes(key) },
              ]),
          ),
        }
      : null,
    comments: comments.map(({ id, fieldKey, body, createdAt, authorName }) => ({
      id,
      fieldKey,
      body,
      author: authorName ?? "UN DESA",
      createdAt: new Date(createdAt).toISOString(),
    })),
    lastSaved: response?.updatedById ? { at: response.updatedAt.toISOString() } : null,
  };
}

const COMMENTS_SQL = `
  SELECT c.id, c."fieldKey", c.body, c."createdAt", COALESCE(u.name, u.email) AS "authorName"
  FROM "Comment" c LEFT JOIN "User" u ON u.id = c."authorId"
  WHERE c."responseId" = $1
  ORDER BY c."createdAt", c.id`;

/**
 * Reviewers' comments on these questions, with their authors' names: one statement prepared
 * once (db-driver.server.ts), the same for every section, so the response's comments are read
 * and those on other sections' questions left out here (a response has tens, not thousands).
 */
async function commentsOn(responseId: string, fieldKeys: string[]) {
  const keys = new Set(fieldKeys);
  const rows = await driverRows("section-comments", COMMENTS_SQL, [responseId]);
  return rows
    .filter((row) => keys.has(String(row.fieldKey)))
    .map((row) => ({
      id: String(row.id),
      fieldKey: String(row.fieldKey),
      body: String(row.body),
      createdAt: dateColumn(row.createdAt),
      authorName: row.authorName === null ? null : String(row.authorName),
    }));
}
