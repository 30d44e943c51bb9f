import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { latestSubmission } from "~/models/latest-submission";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { currentRound, readableRounds } from "~/models/round.server";
import type { Answers } from "~/questionnaire/types";
import { countryRoundRows } from "./country-rounds";

// A country's profile for reviewers: its answers in every readable round, side by side, each
// round's questions in the reviewer's language, each answer from the latest submission there
// (or the answers saved so far when it has none).

export async function loadCountryRounds(countryCode: string, locale: Locale) {
  const country = await prisma.country.findUnique({
    where: { code: countryCode },
    select: { code: true, name: true, region: true },
  });
  if (!country) throw new Response("Not found", { status: 404 });
  const [rounds, current] = await Promise.all([readableRounds(), currentRound()]);
  const responses = await prisma.response.findMany({
    where: { countryCode, roundId: { in: rounds.map((r) => r.id) } },
    select: {
      roundId: true,
      status: true,
      answers: true,
      submissions: latestSubmission({ answers: true, number: true }),
    },
  });
  const byRound = new Map(responses.map((r) => [r.roundId, r]));
  const oldestFirst = [...rounds].reverse();
  const columns = await Promise.all(
    oldestFirst.map(async (round) => {
      const response = byRound.get(round.id);
      const submission = response?.submissions[0];
      return {
        id: round.id,
        name: round.name,
        current: round.id === current.id,
        status: response?.status ?? null,
        submitted: Boolean(submission),
        questionnaire: await requireQuestionnaire(round, locale),
        answers: response ? ((submission?.answers ?? response.answers) as Answers) : null,
      };
    }),
  );
  const copy = copyFor(locale);
  const rows = countryRoundRows(columns, {
    yes: copy.questionnaire.yes,
    no: copy.questionnaire.no,
  });
  return {
    country: { ...country, name: countryName(country.code, locale) },
    rounds: columns.map(({ id, name, current, status, submitted }) => ({
      id,
      name,
      current,
      status,
      submitted,
    })),
    rows,
  };
}
