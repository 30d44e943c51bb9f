import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCountryReader } from "~/auth/guards.server";
import { PrintableResponse } from "~/components/printable-response";
import { loadPrintableResponse } from "~/export/printable.server";
import { useCopy } from "~/i18n";
import { currentRound } from "~/models/round.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import printStylesHref from "~/styles/print.css";

// /print/RWA: a country's response laid out for printing or "Print to PDF". Reviewers and
// administrators see any country, a focal point only their own (others are a 404).
// ?from=review (the review page's link) makes the back link return to the review.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.response.country.name ?? "Response"} · MSQ ${data?.response.roundId ?? ""}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireCountryReader(request, context, params.code);
  const response = await loadPrintableResponse(await currentRound(), countryCode);
  if (!response) throw new Response("Not found", { status: 404 });
  const fromReview =
    new URL(request.url).searchParams.get("from") === "review" && user.role !== "FOCAL_POINT";
  const questionnaire = await requireQuestionnaire(response.roundId);
  return { response, fromReview, questionnaire };
}

export default function PrintPage() {
  const page = useLoaderData<typeof loader>();
  const { response, fromReview } = page;
  const copy = useCopy();
  const questionnaire = page.questionnaire;
  const { code, name } = response.country;
  return (
    <PrintableResponse response={response} questionnaire={questionnaire}>
      {fromReview ? (
        <Link to={`/review/${code}`}>{copy.reviewPage.backToReview(name)}</Link>
      ) : (
        <Link to={`/countries/${code}`}>{name}</Link>
      )}
    </PrintableResponse>
  );
}
