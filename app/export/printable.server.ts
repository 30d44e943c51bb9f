import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/locale";
import type { Answers } from "~/questionnaire/types";
import type { PrintableResponse } from "./printable";
import { latestSubmission } from "~/models/latest-submission";

// The printable view of a country's response: the latest submission when there is one (what
// UN DESA reviews), otherwise the working answers, marked as a draft. The country's name is the
// one in the page's language.

export async function loadPrintableResponse(
  round: { id: string; name: string },
  countryCode: string,
  locale: Locale,
): Promise<PrintableResponse | null> {
  const country = await prisma.country.findUnique({
    where: { code: countryCode },
    select: {
      code: true,
      region: true,
      responses: {
        where: { roundId: round.id },
        select: {
          status: true,
          answers: true,
          authorizePublication: true,
          imported: true,
          submittedAt: true,
          acceptedAt: true,
          responseDate: true,
          submissions: latestSubmission({
            number: true,
            answers: true,
            authorizePublication: true,
            imported: true,
          }),
        },
      },
    },
  });
  if (!country) return null;
  const { responses, ...place } = country;
  const response = responses[0];
  const latest = response?.submissions[0];
  return {
    country: { ...place, name: countryName(place.code, locale) },
    roundId: round.id,
    roundName: round.name,
    status: response?.status ?? null,
    version: latest ? { kind: "submission", number: latest.number } : { kind: "draft" },
    submittedAt: response?.submittedAt?.toISOString() ?? null,
    acceptedAt: response?.acceptedAt?.toISOString() ?? null,
    responseDate: response?.responseDate ?? null,
    imported: latest?.imported ?? response?.imported ?? false,
    authorizePublication: latest
      ? latest.authorizePublication
      : (response?.authorizePublication ?? null),
    answers: ((latest ? latest.answers : response?.answers) ?? {}) as Answers,
  };
}
