import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useCopy } from "~/i18n";
import { allQuestions, msq2020 } from "~/questionnaire";

export const meta: MetaFunction = () => [
  { title: "MSQ Portal · UN E-Government Survey" },
  {
    name: "description",
    content: "Where Member States answer the UN E-Government Survey's Member States Questionnaire.",
  },
];

export default function Home() {
  const copy = useCopy().home;
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
      <p>{copy.roundText(msq2020.sections.length, allQuestions(msq2020).length)}</p>
      <p>
        <Link to="/published">{copy.publicResponses}</Link>
      </p>
    </article>
  );
}
