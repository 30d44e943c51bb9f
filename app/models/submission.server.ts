import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { validationMessages } from "~/i18n/validation-messages";
import { prisma } from "~/db.server";
import { deliverNow } from "~/email/outbox-sender.server";
import { type ComposedEmail, enqueueAll } from "~/email/outbox.server";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { completeAnswers } from "~/questionnaire";
import type { FieldIssue } from "~/questionnaire/validation";
import { carryOf } from "~/rounds/carry-forward";
import { withCarriedIssues } from "./questionnaire-view.server";
import { logEvent } from "./event.server";
import { EDITABLE, findResponse } from "./response.server";

// Submitting a response: the server checks it with the submit rules, then freezes exactly what
// was submitted (answers and the publish authorisation) as an immutable snapshot. Its e-mails
// are queued in the same transaction: there is no submission without them, nor them without it.

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
  /** The e-mails that say so, composed from what is about to be frozen. */
  emails?: (submitted: {
    submittedAt: Date;
    answers: Answers;
    authorizePublication: boolean | null;
  }) => Promise<ComposedEmail[]>;
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
  const authorizePublication = response.authorizePublication;
  // Composed outside the transaction: it reads recipients and renders, and holds no lock meanwhile.
  const emails = (await input.emails?.({ submittedAt, answers, authorizePublication })) ?? [];
  const result = await prisma.$transaction(async (tx) => {
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
    const emailIds = await enqueueAll(tx, emails);
    return {
      ok: true as const,
      responseId: response.id,
      submissionNumber: number,
      submittedAt,
      emailIds,
    };
  });
  if (!result.ok) return result;
  await deliverNow(result.emailIds);
  return {
    ok: true,
    responseId: result.responseId,
    submissionNumber: result.submissionNumber,
    submittedAt,
  };
}
