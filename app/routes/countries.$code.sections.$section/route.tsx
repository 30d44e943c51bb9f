import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireFocalPointFor, requireUserKeepingInput } from "~/auth/guards.server";
import { takePendingInput } from "~/auth/pending-input.server";
import { localeFor } from "~/i18n/request-locale.server";
import { loadSectionPage } from "./page.server";
import { destinationAfterSave, saveSection, sectionContext } from "./save.server";
import type { Answers } from "~/questionnaire/types";
import { pageTitle } from "~/i18n/page-copy";
import { SectionPage } from "./section-page";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${data.sectionId}. ${data.country.name}` : undefined);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code);
  const pending = await takePendingInput(request);
  const page = await loadSectionPage({
    userId: user.id,
    countryCode,
    sectionId: params.section,
    pending: pending?.formData ?? null,
    locale: localeFor(request, user),
  });
  return data(page, { headers: pending ? { "Set-Cookie": pending.clearCookie } : undefined });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const session = await requireUserKeepingInput(request, context, formData);
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code, session);
  const outcome = await saveSection({
    actorId: user.id,
    countryCode,
    sectionId: params.section,
    formData,
    locale: localeFor(request, user),
  });
  const base = `/countries/${countryCode}`;
  if (outcome.kind === "locked") throw redirect(base);
  if (outcome.kind === "malformed") {
    return data(
      { malformed: outcome.fields, conflicts: [], posted: {} as Answers, revision: null },
      { status: 400 },
    );
  }
  if (outcome.kind === "conflicts") {
    return data(
      {
        malformed: null,
        conflicts: outcome.conflicts,
        posted: outcome.posted as Answers,
        revision: outcome.revision,
      },
      { status: 409 },
    );
  }
  const { questionnaire, section } = await sectionContext(
    countryCode,
    params.section,
    localeFor(request, user),
  );
  throw redirect(destinationAfterSave(questionnaire, section, outcome.intent, base));
}

export default SectionPage;
