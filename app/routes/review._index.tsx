import { parseWithZod } from "~/zod/parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin, requireReviewer } from "~/auth/guards.server";
import { ExportLinks } from "~/components/export-links";
import { DashboardFilterForm } from "~/components/review/dashboard-filters";
import { DashboardPager } from "~/components/review/dashboard-pager";
import { DashboardSummary, RegionRates } from "~/components/review/dashboard-summary";
import { DASHBOARD_ROWS_ID, DashboardTable } from "~/components/review/dashboard-table";
import { ReminderForm } from "~/components/review/reminder-form";
import { DashboardTimeline, RESPONSE_TIMELINE_ID } from "~/components/review/response-timeline";
import { responseTimelineMarkup } from "~/components/review/response-timeline-markup.server";
import { RoundSwitcher } from "~/components/round-switcher";
import { LocalTime } from "~/components/time";
import { byCountryName, countryName } from "~/countries";
import { useCopy } from "~/i18n";
import { formatList } from "~/i18n/copy";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import {
  applyDashboardFilters,
  dashboardCounts,
  dashboardHref,
  pageOfRows,
  parseDashboardFilters,
} from "~/models/dashboard";
import { dashboardActionSchema } from "~/models/dashboard-schemas.server";
import { sendReminders, setDeadline } from "~/models/reminders.server";
import { loadDashboardRows } from "~/models/review.server";
import { firstSubmissions } from "~/models/response-timeline.server";
import { roundOverview } from "~/models/round-overview.server";
import { withRound } from "~/models/round-choice";
import { chosenRound, roundLinks } from "~/models/round-choice.server";
import { currentRound } from "~/models/round.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";
import { WORLD_MAP_ID, WorldMap } from "~/results/map-view";
import { keepMarkup } from "~/keep-markup.server";
import { dashboardRowsMarkup } from "~/components/review/dashboard-rows.server";

export const meta: MetaFunction = () => pageTitle(pageCopy().dashboard.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  // `?round=2020` shows an earlier round, read only; without it, the current round.
  const chosen = await chosenRound(request);
  const { round, isCurrent } = chosen;
  const locale = localeFor(request, user);
  const [rows, rounds, submissions] = await Promise.all([
    loadDashboardRows(round.id, locale),
    roundLinks(chosen),
    firstSubmissions(round.id),
  ]);
  const filters = {
    ...parseDashboardFilters(new URL(request.url).searchParams),
    round: isCurrent ? null : round.id,
  };
  const filtered = applyDashboardFilters(rows, filters, locale);
  const overview = roundOverview({
    round,
    isCurrent,
    rows,
    firstSubmissions: submissions,
    locale,
  });
  const shown = pageOfRows(filtered, filters.page);
  // A document's map, rows and timeline are rendered apart and sent once, in its HTML
  // (kept-markup.tsx).
  const kept = keepMarkup(request, context, {
    [WORLD_MAP_ID]: () => overview.map.svg,
    [DASHBOARD_ROWS_ID]: () => dashboardRowsMarkup(shown.rows, filters.round, locale),
    [RESPONSE_TIMELINE_ID]: () => responseTimelineMarkup(overview.timeline, locale),
  });
  return {
    round: { id: round.id, name: round.name, deadline: round.deadline?.toISOString() ?? null },
    isCurrent,
    rounds,
    isAdmin: user.role === "ADMIN",
    filters,
    counts: dashboardCounts(rows),
    regions: [...new Set(rows.map((r) => r.region))].sort(),
    shown: { ...shown, rows: kept ? null : shown.rows },
    shownCodes: filtered.map((r) => r.code),
    ...overview,
    map: { ...overview.map, svg: kept ? null : overview.map.svg },
    timeline: kept ? null : overview.timeline,
  };
}

type ActionResult = { message: string | null; problem: string | null; intent: string | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const copy = copyForRequest(request, user);
  const locale = localeFor(request, user);
  // Reminders and the deadline are the current round's: a page of an earlier round has neither.
  const chosen = await chosenRound(request);
  if (!chosen.isCurrent) {
    const problem = copy.rounds.earlierRefused({ current: (await currentRound()).name });
    return data<ActionResult>({ message: null, problem, intent: null }, { status: 409 });
  }
  const submission = parseWithZod(await request.formData(), {
    schema: dashboardActionSchema(copy),
  });
  if (submission.status !== "success") {
    const problem = Object.values(submission.error ?? {}).flat()[0] ?? copy.dashboard.noneSelected;
    return data<ActionResult>({ message: null, problem, intent: null }, { status: 400 });
  }
  const { round } = chosen;
  const value = submission.value;
  switch (value.intent) {
    case "deadline": {
      await requireAdmin(request, context);
      const deadline = value.deadline ? new Date(`${value.deadline}T23:59:59Z`) : null;
      await setDeadline(round.id, deadline, user.id);
      return data<ActionResult>({
        message: copy.dashboard.deadlineSaved,
        problem: null,
        intent: value.intent,
      });
    }
    case "remind-selected":
    case "remind-shown": {
      const result = await sendReminders({
        roundId: round.id,
        countryCodes: value.intent === "remind-shown" ? value.shown : value.countries,
        actorId: user.id,
        message: value.message ?? "",
      });
      return data<ActionResult>({
        message: copy.dashboard.reminded({ n: result.reminded.length }),
        problem: result.withoutFocalPoint.length
          ? copy.dashboard.noFocalPoint({
              names: formatList(
                locale,
                result.withoutFocalPoint
                  .sort(byCountryName(locale))
                  .map((code) => countryName(code, locale)),
              ),
            })
          : null,
        intent: value.intent,
      });
    }
  }
}

export default function Dashboard() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const copy = useCopy();
  const d = copy.dashboard;
  const remindProblem = !!result?.problem && result.intent !== "deadline";
  const shown = { id: page.round.id, current: page.isCurrent };
  const currentName = page.rounds.find((r) => r.current)?.name ?? "";
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <h1 id="dashboard-title">
        {d.title} · {page.round.name}
      </h1>
      <RoundSwitcher
        rounds={page.rounds}
        href={(r) => dashboardHref(page.filters, { round: r.current ? null : r.id, page: 1 })}
      />
      <p>
        <Link to={withRound("/review/results", shown)}>{copy.results.dashboardLink}</Link> ·{" "}
        <Link to={withRound("/review/questions", shown)}>{d.questionsTitle}</Link> ·{" "}
        <Link to="/review/compare">{copy.roundOverview.compare.title}</Link> ·{" "}
        <Link to="/published">{d.published}</Link>
        {page.isAdmin ? (
          <>
            {" · "}
            <Link to="/admin/events">{d.events}</Link> ·{" "}
            <Link to="/admin/imports">{d.imports}</Link>
          </>
        ) : null}
      </p>
      <p>
        {page.round.deadline ? (
          <>
            {d.deadlineTitle}: <LocalTime iso={page.round.deadline} withDate />
          </>
        ) : (
          d.noDeadline
        )}
      </p>
      {page.isCurrent ? null : (
        <p className="notice">
          {copy.rounds.earlierNotice({ name: page.round.name, current: currentName })}
        </p>
      )}
      {result?.message ? (
        <p className="notice notice--success" role="status">
          {result.message}
        </p>
      ) : null}
      {result?.problem ? (
        <p className="notice notice--warning" role="alert">
          {result.problem}
        </p>
      ) : null}

      <div className="round-overview">
        <WorldMap map={page.map} roundName={page.round.name} />
        <DashboardSummary counts={page.counts} filters={page.filters} />
      </div>
      <div className="round-trends">
        <DashboardTimeline timeline={page.timeline} />
        <RegionRates counts={page.counts} filters={page.filters} />
      </div>

      <div className="dashboard-toolbar">
        <DashboardFilterForm filters={page.filters} regions={page.regions} />
        {page.isCurrent ? <ReminderForm shownCodes={page.shownCodes} open={remindProblem} /> : null}
        <ExportLinks
          round={{ id: page.round.id, name: page.round.name }}
          filters={{
            statuses: page.filters.status ? [page.filters.status] : undefined,
            region: page.filters.region,
            authorisedOnly: page.filters.authorised === "yes",
          }}
        />
      </div>

      <DashboardPager shown={page.shown} filters={page.filters} />
      <DashboardTable rows={page.shown.rows} filters={page.filters} />

      {page.isAdmin && page.isCurrent ? (
        <Form method="post" className="field">
          <h2>{d.deadlineTitle}</h2>
          <label htmlFor="deadline">{d.deadlineLabel}</label>
          <input
            id="deadline"
            name="deadline"
            type="date"
            defaultValue={page.round.deadline?.slice(0, 10) ?? ""}
          />
          <div className="actions">
            <button type="submit" name="intent" value="deadline" className="secondary">
              {d.deadlineSave}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
