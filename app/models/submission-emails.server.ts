import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { absoluteUrl } from "~/email/links.server";
import { byLanguage } from "~/email/recipients";
import { type ComposedEmail } from "~/email/outbox.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { formatAnswer } from "~/questionnaire/format";
import type { Answers } from "~/questionnaire/types";
import { submissionConfirmationEmail } from "~/email/templates/submission-confirmation";
import { submissionReceivedEmail } from "~/email/templates/submission-received";
import { requireQuestionnaire } from "./questionnaire.server";

// After a submission: a confirmation with the answers to every focal point of the country,
// and a notice to the reviewers, each in the recipient's language (the answers' questions too).
// Composed before the submission's transaction and queued inside it (submitResponse): they exist
// exactly when the submission does; a mail failure is retried by the outbox, never turned into a
// failed submission.

export async function composeSubmissionEmails(input: {
  /** The round submitted to: its name, and its questionnaire in each recipient's language. */
  round: { id: string; name: string; questionnaireVersion: number };
  countryCode: string;
  submittedById: string;
  submittedAt: Date;
  answers: Answers;
  authorizePublication: boolean | null;
}): Promise<ComposedEmail[]> {
  const [submitter, focalPoints, reviewers] = await Promise.all([
    prisma.user.findUnique({
      where: { id: input.submittedById },
      select: { name: true, email: true },
    }),
    prisma.user.findMany({
      where: {
        active: true,
        role: "FOCAL_POINT",
        countries: { some: { countryCode: input.countryCode } },
      },
      select: { email: true, locale: true },
    }),
    prisma.user.findMany({
      where: { active: true, role: "REVIEWER" },
      select: { email: true, locale: true },
    }),
  ]);

  async function sectionsIn(locale: Locale) {
    const questionnaire = await requireQuestionnaire(input.round, locale);
    const copy = copyFor(locale).questionnaire;
    const labels = { yes: copy.yes, no: copy.no };
    return questionnaire.sections.map((section) => ({
      title: `${section.id}. ${section.title}`,
      answers: section.questions.map((question) => ({
        question: question.text,
        answer: formatAnswer(question, input.answers[question.key], labels) ?? "",
      })),
    }));
  }

  const messages: ComposedEmail[] = [];
  for (const [locale, addresses] of byLanguage(focalPoints)) {
    const confirmation = await submissionConfirmationEmail({
      locale,
      countryName: countryName(input.countryCode, locale),
      roundName: input.round.name,
      submittedByName: submitter?.name ?? submitter?.email ?? "",
      submittedAt: input.submittedAt,
      authorizePublication: input.authorizePublication,
      sections: await sectionsIn(locale),
      link: absoluteUrl(`/countries/${input.countryCode}`),
    });
    messages.push(
      ...addresses.map((to) => ({ kind: "submission-confirmation" as const, to, ...confirmation })),
    );
  }
  for (const [locale, addresses] of byLanguage(reviewers)) {
    const received = await submissionReceivedEmail({
      locale,
      countryName: countryName(input.countryCode, locale),
      roundName: input.round.name,
      submittedAt: input.submittedAt,
      link: absoluteUrl(`/review/${input.countryCode}`),
    });
    messages.push(
      ...addresses.map((to) => ({ kind: "submission-received" as const, to, ...received })),
    );
  }
  return messages;
}
