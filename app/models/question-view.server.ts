import { byCountryName, countryName } from "~/countries";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/locale";
import type { ResponseStatus } from "~/generated/prisma/enums";
import type { AnswerValue, Answers, Question } from "~/questionnaire/types";
import { latestSubmission } from "./latest-submission";

// One question, every country's answer: from the latest submission where there is one, else the
// working answers (marked by status). Filtered by region and status; the countries named and
// ordered in the reader's language.

export async function loadQuestionAnswers(input: {
  roundId: string;
  question: Question;
  region: string | null;
  status: ResponseStatus | null;
  locale: Locale;
}) {
  const responses = await prisma.response.findMany({
    where: {
      roundId: input.roundId,
      ...(input.status ? { status: input.status } : {}),
      ...(input.region ? { country: { region: input.region } } : {}),
    },
    select: {
      status: true,
      answers: true,
      country: { select: { code: true, region: true } },
      submissions: latestSubmission({ answers: true }),
    },
  });
  const byName = byCountryName(input.locale);
  const rows = responses
    .map((r) => {
      const answers = (r.submissions[0]?.answers ?? r.answers) as Answers;
      return {
        ...r.country,
        name: countryName(r.country.code, input.locale),
        status: r.status,
        value: (answers[input.question.key] ?? null) as AnswerValue,
      };
    })
    .sort((a, b) => byName(a.code, b.code));
  const optionCounts =
    input.question.type === "multi"
      ? input.question.options.map((option) => ({
          key: option.key,
          text: option.text,
          count: rows.filter((row) => Array.isArray(row.value) && row.value.includes(option.key))
            .length,
        }))
      : null;
  return { rows, optionCounts };
}
