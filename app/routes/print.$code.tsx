import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCountryReader } from "~/auth/guards.server";
import { PrintableResponse } from "~/components/printable-response";
import { loadPrintableResponse } from "~/export/printable.server";
import { useCopy } from "~/i18n";
import { localeFor } from "~/i18n/request-locale.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { withRound } from "~/models/round-choice";
import { chosenRound } from "~/models/round-choice.server";
import printStylesHref from "~/styles/print.css";
import { pageTitle } from "~/i18n/page-copy";

// /print/RWA: a country's response laid out for printing or "Print to PDF". Reviewers and
// administrators see any country, a focal point only their own (others are a 404).
// ?from=review (the review page's link) makes the back link return to the review.
// ?round=2020 prints the response to an earlier round (read only), with that round's questions:
// the country page links to it for its focal points, the dashboard of that round for reviewers.
// In the page's language: its copy, its dates, and the questions as the round words them in it.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${data.response.country.name} · MSQ ${data.response.roundId}` : undefined);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireCountryReader(request, context, params.code);
  const { round, isCurrent } = await chosenRound(request);
  const locale = localeFor(request, user);
  const response = await loadPrintableResponse(round, countryCode, locale);
  if (!response) throw new Response("Not found", { status: 404 });
  const isReviewer = user.role !== "FOCAL_POINT";
  const fromReview = new URL(request.url).searchParams.get("from") === "review" && isReviewer;
  const questionnaire = await requireQuestionnaire(round, locale);
  return { response, fromReview, questionnaire, isReviewer, isCurrent };
}

export default function PrintPage() {
  const page = useLoaderData<typeof loader>();
  const { response, fromReview } = page;
  const copy = useCopy();
  const questionnaire = page.questionnaire;
  const { code, name } = response.country;
  const earlier = !page.isCurrent;
  return (
    <PrintableResponse
      response={response}
      questionnaire={questionnaire}
      roundNote={earlier ? copy.rounds.printNotice({ round: response.roundName }) : undefined}
    >
      {fromReview ? (
        <Link to={`/review/${code}`}>{copy.reviewPage.backToReview({ country: name })}</Link>
      ) : earlier && page.isReviewer ? (
        <Link to={withRound("/review", { id: response.roundId, current: false })}>
          {copy.rounds.backToRound({ round: response.roundName })}
        </Link>
      ) : (
        <Link to={`/countries/${code}`}>{name}</Link>
      )}
    </PrintableResponse>
  );
}
