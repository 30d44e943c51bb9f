import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintableResponse } from "~/components/printable-response";
import { getOptionalUser } from "~/auth/guards.server";
import { findPublishedResponse } from "~/export/published.server";
import { useCopy } from "~/i18n";
import { localeFor } from "~/i18n/request-locale.server";
import { currentRound } from "~/models/round.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import printStylesHref from "~/styles/print.css";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// /published/RWA: public, no sign-in. Exactly the snapshot UN DESA accepted; any response that
// is not published (not accepted, not authorised, unknown) is the same plain 404. In the page's
// language, the questions as the round words them in it.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(pageCopy().exports.published.pageTitle({ country: data?.response.country.name ?? "" }));

// Public: findPublishedResponse applies the publication rule.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // The language the root loader chose for the page (a visitor signed in has a saved choice).
  const locale = localeFor(request, await getOptionalUser(request, context));
  const response = await findPublishedResponse(await currentRound(), params.code ?? "", locale);
  if (!response) throw new Response("Not found", { status: 404 });
  return { response, questionnaire: await requireQuestionnaire(response.roundId, locale) };
}

export default function PublishedResponse() {
  const copy = useCopy();
  const page = useLoaderData<typeof loader>();
  const { response } = page;
  const questionnaire = page.questionnaire;
  return (
    <PrintableResponse
      response={response}
      questionnaire={questionnaire}
      versionNote={copy.exports.published.versionNote}
    >
      <Link to="/published">{copy.exports.published.back}</Link>
    </PrintableResponse>
  );
}
