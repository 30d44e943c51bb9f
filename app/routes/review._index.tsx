import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { denyAccess } from "~/auth/access-denied.server";
import { requireReviewer } from "~/auth/guards.server";
import { ExportLinks } from "~/components/export-links";
import { DashboardTable } from "~/components/review/dashboard-table";
import { DashboardFilterForm } from "~/components/review/dashboard-filters";
import { useCopy } from "~/i18n";
import { en } from "~/i18n/en";
import { applyDashboardFilters, dashboardCounts, parseDashboardFilters } from "~/models/dashboard";
import { sendReminders, setDeadline } from "~/models/reminders.server";
import { loadDashboardRows } from "~/models/review.server";
import { currentRound } from "~/models/round.server";

export const meta: MetaFunction = () => [{ title: "Round dashboard · MSQ Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const round = await currentRound();
  const rows = await loadDashboardRows(round.id);
  const filters = parseDashboardFilters(new URL(request.url).searchParams);
  return {
    round: { id: round.id, name: round.name, deadline: round.deadline?.toISOString() ?? null },
    isAdmin: user.role === "ADMIN",
    filters,
    counts: dashboardCounts(rows),
    regions: [...new Set(rows.map((r) => r.region))].sort(),
    rows: applyDashboardFilters(rows, filters),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireReviewer(request, context);
  const round = await currentRound();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "deadline") {
    if (user.role !== "ADMIN")
      throw await denyAccess({ request, user, status: 403, reason: "role" });
    const value = String(form.get("deadline") ?? "");
    const deadline = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59Z`) : null;
    await setDeadline(round.id, deadline, user.id);
    return { message: en.dashboard.deadlineSaved, problem: null };
  }
  const countries = (
    intent === "remind-shown"
      ? String(form.get("shown") ?? "").split(",")
      : form.getAll("countries")
  )
    .map(String)
    .filter((code) => /^[A-Z]{3}$/.test(code));
  if (countries.length === 0)
    return data({ message: null, problem: en.dashboard.noneSelected }, { status: 400 });
  const result = await sendReminders({
    roundId: round.id,
    countryCodes: countries,
    actorId: user.id,
    message: String(form.get("message") ?? ""),
  });
  return {
    message: en.dashboard.reminded(result.reminded.length),
    problem: result.withoutFocalPoint.length
      ? en.dashboard.noFocalPoint(result.withoutFocalPoint.join(", "))
      : null,
  };
}

export default function Dashboard() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const copy = useCopy();
  const d = copy.dashboard;
  const responded = page.counts.byStatus.SUBMITTED + page.counts.byStatus.ACCEPTED;
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <h1 id="dashboard-title">
        {d.title} · {page.round.name}
      </h1>
      <p>
        <Link to="/review/questions">{d.questionsTitle}</Link> ·{" "}
        <Link to="/published">{d.published}</Link>
        {page.isAdmin ? (
          <>
            {" · "}
            <Link to="/admin/events">{d.events}</Link> ·{" "}
            <Link to="/admin/imports">{d.imports}</Link>
          </>
        ) : null}
      </p>
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

      <h2>{d.countsTitle}</h2>
      <p>{d.responseRate(responded, page.counts.total)}</p>
      <div className="counts">
        <table>
          <caption className="visually-hidden">{d.status}</caption>
          <thead>
            <tr>
              {(Object.keys(page.counts.byStatus) as (keyof typeof page.counts.byStatus)[]).map(
                (s) => (
                  <th key={s} scope="col">
                    {s === "NOT_STARTED" ? d.notStarted : copy.statuses[s]}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            <tr>
              {Object.entries(page.counts.byStatus).map(([s, n]) => (
                <td key={s}>{n}</td>
              ))}
            </tr>
          </tbody>
        </table>
        <table>
          <caption>{d.byRegion}</caption>
          <tbody>
            {page.counts.byRegion.map((r) => (
              <tr key={r.region}>
                <th scope="row">{r.region}</th>
                <td>{d.responseRate(r.responded, r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <DashboardFilterForm filters={page.filters} regions={page.regions} />
      <p role="status">{d.shown(page.rows.length)}</p>
      <ExportLinks
        filters={{
          statuses: page.filters.status ? [page.filters.status] : undefined,
          region: page.filters.region,
          authorisedOnly: page.filters.authorised === "yes",
        }}
      />

      <Form method="post">
        <DashboardTable rows={page.rows} filters={page.filters} />
        <fieldset className="field reminder">
          <legend>{d.remindTitle}</legend>
          <p className="hint">{d.remindText}</p>
          <label htmlFor="reminder-message">{d.remindMessage}</label>
          <textarea id="reminder-message" name="message" rows={3} />
          <input type="hidden" name="shown" value={page.rows.map((r) => r.code).join(",")} />
          <div className="actions">
            <button type="submit" name="intent" value="remind-selected">
              {d.remindSend}
            </button>
            <button type="submit" name="intent" value="remind-shown" className="secondary">
              {d.selectAll}
            </button>
          </div>
        </fieldset>
      </Form>

      {page.isAdmin ? (
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
