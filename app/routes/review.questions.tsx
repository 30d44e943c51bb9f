import { regionName } from "~/i18n/copy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireReviewer } from "~/auth/guards.server";
import { RoundSwitcher } from "~/components/round-switcher";
import { regions } from "~/countries/regions";
import { localeFor } from "~/i18n/request-locale.server";
import { useCopy } from "~/i18n";
import { loadQuestionAnswers } from "~/models/question-view.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { ROUND_PARAM, withRound } from "~/models/round-choice";
import { chosenRound, roundLinks } from "~/models/round-choice.server";
import { allQuestions, findQuestion } from "~/questionnaire";
import { formatAnswer } from "~/questionnaire/format";
import type { Questionnaire } from "~/questionnaire/types";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().questionView.title);

const STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  // `?round=2020`: an earlier round's answers, with that round's questions.
  const chosen = await chosenRound(request);
  const { round, isCurrent } = chosen;
  const questionnaire: Questionnaire = await requireQuestionnaire(round);
  const params = new URL(request.url).searchParams;
  const question =
    findQuestion(questionnaire, params.get("key") ?? "") ?? allQuestions(questionnaire)[0]!;
  const region = regions.find((r) => r === params.get("region")) ?? null;
  const status = STATUSES.find((s) => s === params.get("status")) ?? null;
  const [result, rounds] = await Promise.all([
    loadQuestionAnswers({
      roundId: round.id,
      question,
      region,
      status,
      locale: localeFor(request, user),
    }),
    roundLinks(chosen),
  ]);
  return {
    round: { id: round.id, name: round.name, current: isCurrent },
    rounds,
    questionnaire,
    key: question.key,
    region,
    status,
    ...result,
  };
}

export default function QuestionView() {
  const page = useLoaderData<typeof loader>();
  const copy = useCopy();
  const v = copy.questionView;
  const questionnaire: Questionnaire = page.questionnaire;
  const question = findQuestion(questionnaire, page.key)!;
  const labels = { yes: copy.questionnaire.yes, no: copy.questionnaire.no };
  const shown = page.round;
  // Keeps the question and filters; a question the other round lacks falls back to its first.
  const keep = `/review/questions?${new URLSearchParams({
    key: page.key,
    ...(page.region ? { region: page.region } : {}),
    ...(page.status ? { status: page.status } : {}),
  })}`;
  // An earlier round's answers are read in its print view; the current one's on the review page.
  const answerHref = (code: string) =>
    shown.current
      ? `/review/${code}#answer-${question.key}`
      : `${withRound(`/print/${code}`, shown)}#answer-${question.key}`;
  return (
    <section aria-labelledby="qv-title">
      <p className="breadcrumb">
        <Link to={withRound("/review", shown)}>{copy.dashboard.title}</Link>
      </p>
      <h1 id="qv-title">
        {v.title} · {shown.name}
      </h1>
      <RoundSwitcher rounds={page.rounds} href={(r) => withRound(keep, r)} />
      <Form method="get" className="filters">
        {shown.current ? null : <input type="hidden" name={ROUND_PARAM} value={shown.id} />}
        <label htmlFor="qv-key">{v.choose}</label>
        <select id="qv-key" name="key" defaultValue={page.key}>
          {questionnaire.sections.map((section) => (
            <optgroup key={section.id} label={`${section.id}. ${section.title}`}>
              {section.questions.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="qv-region">{copy.dashboard.region}</label>
        <select id="qv-region" name="region" defaultValue={page.region ?? ""}>
          <option value="">{copy.dashboard.anyRegion}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {regionName(copy, r)}
            </option>
          ))}
        </select>
        <label htmlFor="qv-status">{copy.dashboard.status}</label>
        <select id="qv-status" name="status" defaultValue={page.status ?? ""}>
          <option value="">{copy.dashboard.anyStatus}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {copy.statuses[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {v.show}
        </button>
      </Form>
      <h2>{question.text}</h2>
      {page.optionCounts ? (
        <div className="table-scroll">
          <table>
            <caption>{v.optionCounts}</caption>
            <thead>
              <tr>
                <th scope="col">{v.option}</th>
                <th scope="col">{v.count}</th>
              </tr>
            </thead>
            <tbody>
              {page.optionCounts.map((o) => (
                <tr key={o.key}>
                  <th scope="row">{o.text}</th>
                  <td>{o.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page.rows.length === 0 ? (
        <p>{v.noAnswers}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{v.country}</th>
                <th scope="col">{copy.dashboard.status}</th>
                <th scope="col">{v.answer}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => {
                const text = formatAnswer(question, row.value, labels);
                return (
                  <tr key={row.code}>
                    <th scope="row">
                      <Link to={answerHref(row.code)}>{row.name}</Link>
                    </th>
                    <td>{copy.statuses[row.status]}</td>
                    <td
                      className={text ? "multiline" : "not-answered"}
                      dir={text ? "auto" : undefined}
                    >
                      {text ?? copy.questionnaire.notAnswered}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
