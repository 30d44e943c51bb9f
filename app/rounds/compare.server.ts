import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { latestSubmission } from "~/models/latest-submission";
import { answersOfSubmissions } from "~/models/submission-answers.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { roundById } from "~/models/round-choice.server";
import { currentRound, readableRounds } from "~/models/round.server";
import { checkComparable, compareAnswers, comparableQuestions, type RoundAnswer } from "./compare";

// The compare page's data: two readable rounds (by default the current one and the one before
// it), the questions both ask as yes/no or choice questions, and the comparison of the one chosen.

/** Every Member State's answer to `key` in its latest submission of the round. */
export async function submittedAnswers(
  roundId: string,
  key: string,
  locale: Locale,
): Promise<RoundAnswer[]> {
  const responses = await prisma.response.findMany({
    where: { roundId, submissions: { some: {} } },
    select: { countryCode: true, submissions: latestSubmission({ id: true }) },
  });
  const answers = await answersOfSubmissions(
    responses.flatMap((r) => r.submissions.map((latest) => latest.id)),
  );
  return responses.map((r) => ({
    code: r.countryCode,
    name: countryName(r.countryCode, locale),
    value: answers.get(r.submissions[0]?.id ?? "")?.[key] ?? null,
  }));
}

export async function loadComparePage(params: URLSearchParams, locale: Locale) {
  const rounds = await readableRounds();
  const roundList = rounds.map((r) => ({ id: r.id, name: r.name }));
  if (rounds.length < 2) return { state: "one_round" as const, rounds: roundList };
  // Unknown or draft rounds are a 404, as on every page that names a round.
  const to = params.get("to") ? (await roundById(params.get("to"))).round : await currentRound();
  // Rounds come newest first: the default is the round just before, else the next other one.
  const at = rounds.findIndex((r) => r.id === to.id);
  const previous = rounds[at + 1] ?? rounds.find((r) => r.id !== to.id)!;
  const from = params.get("from") ? (await roundById(params.get("from"))).round : previous;
  const chosen = { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name } };
  if (from.id === to.id) return { state: "same_round" as const, rounds: roundList, ...chosen };

  const [fromQ, toQ] = await Promise.all([
    requireQuestionnaire(from, locale),
    requireQuestionnaire(to, locale),
  ]);
  const questions = comparableQuestions(fromQ, toQ).map((q) => ({ key: q.key, text: q.text }));
  const key = (params.get("question") ?? "").trim().slice(0, 100) || questions[0]?.key || "";
  const base = { rounds: roundList, ...chosen, questions, key };
  if (!key) return { state: "no_questions" as const, ...base };
  const check = checkComparable(fromQ, toQ, key);
  if (!check.ok) return { state: "not_comparable" as const, ...base, reason: check.reason };
  const [fromAnswers, toAnswers] = await Promise.all([
    submittedAnswers(from.id, key, locale),
    submittedAnswers(to.id, key, locale),
  ]);
  const copy = copyFor(locale);
  return {
    state: "compared" as const,
    ...base,
    question: { text: check.to.text, type: check.type },
    comparison: compareAnswers({
      check,
      from: fromAnswers,
      to: toAnswers,
      yesNo: { yes: copy.questionnaire.yes, no: copy.questionnaire.no },
    }),
  };
}
