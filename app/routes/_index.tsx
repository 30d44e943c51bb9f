import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCopy } from "~/i18n";
import { pageCopy } from "~/i18n/page-copy";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { currentRound } from "~/models/round.server";
import { allQuestions } from "~/questionnaire";

export const meta: MetaFunction = () => {
  const copy = pageCopy();
  return [
    { title: `${copy.portalName} · ${copy.home.title}` },
    { name: "description", content: copy.portalTagline },
  ];
};

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
      <p>{copy.roundText({ sections: round.sections, questions: round.questions })}</p>
      <p>
        <Link to="/published">{copy.publicResponses}</Link>
      </p>
    </article>
  );
}
