import { byCountryName, countryName } from "~/countries";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/locale";
import type { PrintableResponse } from "./printable";
import { latestSubmission } from "~/models/latest-submission";
import { answersOfSubmissions } from "~/models/submission-answers.server";

// Published responses: public, without signing in. What is published is exactly the snapshot
// UN DESA accepted, and only when that snapshot authorises publication. A later draft, an
// earlier submission or the working copy's authorisation never count.

type Candidate = {
  status: string;
  /** The latest submission: the one an accepted response was accepted on. */
  latest: { authorizePublication: boolean | null } | undefined;
};

/** The publication rule, in one place. */
export function isPublished(response: Candidate): boolean {
  return response.status === "ACCEPTED" && response.latest?.authorizePublication === true;
}

/** Every published response of the round (or only the country's). */
async function publishedResponses(roundId: string, countryCode?: string) {
  const responses = await prisma.response.findMany({
    where: {
      roundId,
      status: "ACCEPTED",
      ...(countryCode ? { countryCode } : {}),
      // Narrows the query; isPublished decides on the latest submission.
      submissions: { some: { authorizePublication: true } },
    },
    select: {
      status: true,
      submittedAt: true,
      acceptedAt: true,
      responseDate: true,
      country: { select: { code: true, region: true } },
      submissions: latestSubmission({
        id: true,
        number: true,
        authorizePublication: true,
        imported: true,
      }),
    },
  });
  return responses.flatMap((response) => {
    const latest = response.submissions[0];
    return latest && isPublished({ status: response.status, latest })
      ? [{ ...response, latest }]
      : [];
  });
}

export type PublishedListItem = {
  code: string;
  name: string;
  region: string;
  acceptedAt: string | null;
};

/** The published responses, by the countries' names in `locale` (the names in it too). */
export async function listPublishedResponses(
  roundId: string,
  locale: Locale,
): Promise<PublishedListItem[]> {
  const byName = byCountryName(locale);
  return (await publishedResponses(roundId))
    .map((response) => ({
      ...response.country,
      name: countryName(response.country.code, locale),
      acceptedAt: response.acceptedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => byName(a.code, b.code));
}

/**
/**
 * The answers of every published response of the round, by country: what the public results
 * count (app/results/), under the same rule as the list and the response pages.
 */
export async function loadPublishedAnswers(roundId: string, locale: Locale) {
  const responses = await publishedResponses(roundId);
  const answers = await answersOfSubmissions(responses.map((response) => response.latest.id));
  return responses.map((response) => ({
    code: response.country.code,
    name: countryName(response.country.code, locale),
    region: response.country.region,
    answers: answers.get(response.latest.id) ?? {},
  }));
}

/**
 * The country's published response, or null: not accepted, not authorised, or unknown alike.
 * The country's name is the one in `locale`.
 */
export async function findPublishedResponse(
  round: { id: string; name: string },
  code: string,
  locale: Locale,
): Promise<PrintableResponse | null> {
  if (!/^[A-Za-z]{3}$/.test(code)) return null;
  const [response] = await publishedResponses(round.id, code.toUpperCase());
  if (!response) return null;
  const answers = await answersOfSubmissions([response.latest.id]);
  return {
    country: { ...response.country, name: countryName(response.country.code, locale) },
    roundId: round.id,
    roundName: round.name,
    status: response.status,
    version: { kind: "submission", number: response.latest.number },
    submittedAt: response.submittedAt?.toISOString() ?? null,
    acceptedAt: response.acceptedAt?.toISOString() ?? null,
    responseDate: response.responseDate,
    imported: response.latest.imported,
    authorizePublication: response.latest.authorizePublication,
    answers: answers.get(response.latest.id) ?? {},
  };
}
