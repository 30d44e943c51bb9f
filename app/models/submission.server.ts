import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { validationMessages } from "~/i18n/validation-messages";
import { prisma } from "~/db.server";
import type { Questionnaire } from "~/questionnaire/types";
import { completeAnswers } from "~/questionnaire";
import type { FieldIssue } from "~/questionnaire/validation";
import { carryOf } from "~/rounds/carry-forward";
import { withCarriedIssues } from "./questionnaire-view.server";
import { logEvent } from "./event.server";
import { EDITABLE, findResponse } from "./response.server";

// Submitting a response: the server checks it with the submit rules, then freezes exactly what
// was submitted (answers and the publish authorisation) as an immutable snapshot.

export type SubmitResult =
  | { ok: true; responseId: string; submissionNumber: number; submittedAt: Date }
  | { ok: false; reason: "errors"; errors: FieldIssue[] }
  | { ok: false; reason: "needs-confirmation" }
  | { ok: false; reason: "not-editable" | "changed" | "empty" };

export async function submitResponse(input: {
  questionnaire: Questionnaire;
  roundId: string;
  countryCode: string;
  actorId: string;
  /** The person confirmed they submit without authorising publication. */
  confirmNoPublication: boolean;
  /** The language of the refusal messages, if any. */
  locale: Locale;
}): Promise<SubmitResult> {
  const response = await findResponse(input.roundId, input.countryCode);
  if (!response) return { ok: false, reason: "empty" };
  if (!EDITABLE.includes(response.status)) return { ok: false, reason: "not-editable" };
  // Carried answers count too: each confirmed or changed (never one click for everything).
  const errors = withCarriedIssues(
    input.questionnaire,
    response.answers,
    carryOf(response),
    validationMessages(copyFor(input.locale)),
  ).filter((i) => i.blocksSubmit);
  if (errors.length > 0) return { ok: false, reason: "errors", errors };
  if (response.authorizePublication !== true && !input.confirmNoPublication) {
    return { ok: false, reason: "needs-confirmation" };
  }
  const submittedAt = new Date();
  const answers = completeAnswers(input.questionnaire, response.answers);
  return prisma.$transaction(async (tx) => {
    // Only if nobody saved since we checked: what is frozen is exactly what was validated.
    const { count } = await tx.response.updateMany({
      where: { id: response.id, revision: response.revision, status: { in: [...EDITABLE] } },
      data: {
        status: "SUBMITTED",
        submittedAt,
        revision: response.revision + 1,
        updatedById: input.actorId,
      },
    });
    if (count === 0) return { ok: false, reason: "changed" } as const;
    const number = (await tx.submission.count({ where: { responseId: response.id } })) + 1;
    await tx.submission.create({
      data: {
        responseId: response.id,
        number,
        // The definition version the person saw and submitted against.
        questionnaireVersion: input.questionnaire.version,
        answers,
        authorizePublication: response.authorizePublication,
        submittedById: input.actorId,
      },
    });
    await logEvent(
      {
        kind: "response.submitted",
        actorId: input.actorId,
        countryCode: input.countryCode,
        responseId: response.id,
        data: { submission: number, authorizePublication: response.authorizePublication },
      },
      tx,
    );
    return { ok: true, responseId: response.id, submissionNumber: number, submittedAt } as const;
  });
}
