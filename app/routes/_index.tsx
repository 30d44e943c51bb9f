import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCopy } from "~/i18n";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { currentRound } from "~/models/round.server";
import { allQuestions } from "~/questionnaire";

export const meta: MetaFunction = () => [
  { title: "MSQ Portal · UN E-Government Survey" },
  {
    name: "description",
    content: "Where Member States answer the UN E-Government Survey's Member States Questionnaire.",
  },
];

// Public: the home page says what the portal is and which round it collects.
export async function loader() {
  const round = await currentRound();
  const questionnaire = await requireQuestionnaire(round);
  return {
    title: questionnaire.title,
    sections: questionnaire.sections.length,
    questions: allQuestions(questionnaire).length,
  };
}

export default function Home() {
  const copy = useCopy().home;
  const round = useLoaderData<typeof loader>();
  return (
    <article className="prose">
      <h1>{copy.title}</h1>
      <p className="lead">{copy.intro}</p>
      <h2>{copy.whoTitle}</h2>
      <ul>
        <li>{copy.focalPoints}</li>
        <li>{copy.reviewers}</li>
      </ul>
      <h2>{copy.roundTitle}</h2>
      <p>{round.title}</p>
      <p>{copy.roundText(round.sections, round.questions)}</p>
      <p>
        <Link to="/published">{copy.publicResponses}</Link>
      </p>
    </article>
  );
}
