import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCountryReader } from "~/auth/guards.server";
import { PrintableResponse } from "~/components/printable-response";
import { loadPrintableResponse } from "~/export/printable.server";
import { currentRound } from "~/models/round.server";
import { msq2020, questionnaireFor } from "~/questionnaire";
import printStylesHref from "~/styles/print.css";

// /print/RWA: a country's response laid out for printing or "Print to PDF". Reviewers and
// administrators see any country, a focal point only their own (others are a 404).

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.response.country.name ?? "Response"} · MSQ ${data?.response.roundId ?? ""}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { countryCode } = await requireCountryReader(request, context, params.code);
  const response = await loadPrintableResponse(await currentRound(), countryCode);
  if (!response) throw new Response("Not found", { status: 404 });
  return { response };
}

export default function PrintPage() {
  const { response } = useLoaderData<typeof loader>();
  const questionnaire = questionnaireFor(response.roundId) ?? msq2020;
  return (
    <PrintableResponse response={response} questionnaire={questionnaire}>
      <Link to={`/countries/${response.country.code}`}>{response.country.name}</Link>
    </PrintableResponse>
  );
}
