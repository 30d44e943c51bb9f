import { prisma } from "~/db.server";
import { absoluteUrl } from "~/email/links.server";
import { sendEmail } from "~/email/send.server";
import { formatAnswer } from "~/questionnaire/format";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { submissionConfirmationEmail } from "~/email/templates/submission-confirmation";
import { submissionReceivedEmail } from "~/email/templates/submission-received";

// After a submission: a confirmation with the answers to every focal point of the country,
// and a notice to the reviewers. The submission is already saved: a mail failure is logged,
// never turned into a failed submission.

export async function sendSubmissionEmails(input: {
  questionnaire: Questionnaire;
  countryCode: string;
  roundName: string;
  submittedById: string;
  submittedAt: Date;
  answers: Answers;
  authorizePublication: boolean | null;
}) {
  const [country, submitter, focalPoints, reviewers] = await Promise.all([
    prisma.country.findUniqueOrThrow({
      where: { code: input.countryCode },
      select: { name: true },
    }),
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
      select: { email: true },
    }),
    prisma.user.findMany({ where: { active: true, role: "REVIEWER" }, select: { email: true } }),
  ]);
  const sections = input.questionnaire.sections.map((section) => ({
    title: `${section.id}. ${section.title}`,
    answers: section.questions.map((question) => ({
      question: question.text,
      answer: formatAnswer(question, input.answers[question.key]) ?? "",
    })),
  }));
  const confirmation = await submissionConfirmationEmail({
    countryName: country.name,
    roundName: input.roundName,
    submittedByName: submitter?.name ?? submitter?.email ?? "",
    submittedAt: input.submittedAt,
    authorizePublication: input.authorizePublication,
    sections,
    link: absoluteUrl(`/countries/${input.countryCode}`),
  });
  const received = await submissionReceivedEmail({
    countryName: country.name,
    roundName: input.roundName,
    submittedAt: input.submittedAt,
    link: absoluteUrl(`/review/${input.countryCode}`),
  });
  const messages = [
    ...focalPoints.map((u) => ({ to: u.email, ...confirmation })),
    ...reviewers.map((u) => ({ to: u.email, ...received })),
  ];
  const results = await Promise.allSettled(messages.map((message) => sendEmail(message)));
  results.forEach((result, i) => {
    if (result.status === "rejected")
      console.error(`e-mail to ${messages[i]!.to} failed:`, result.reason);
  });
}
