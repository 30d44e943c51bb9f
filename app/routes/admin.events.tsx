import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { CountryOptions } from "~/components/country-options";
import { findMemberState } from "~/countries";
import { LocalTime } from "~/components/time";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import { useCopy, useLocale } from "~/i18n";
import { formatList, messageFor } from "~/i18n/copy";
import { namesOf } from "~/models/response.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().eventLog.title);

const PAGE = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const params = new URL(request.url).searchParams;
  const country = findMemberState(params.get("country") ?? "")?.code ?? null;
  const person = params.get("person") || null;
  const kind = params.get("kind") || null;
  const before = params.get("before") ? new Date(params.get("before")!) : null;
  const [events, kinds, people] = await Promise.all([
    prisma.event.findMany({
      where: {
        ...(country ? { countryCode: country } : {}),
        ...(person ? { OR: [{ actorId: person }, { subjectId: person }] } : {}),
        ...(kind ? { kind } : {}),
        ...(before && !isNaN(before.getTime()) ? { at: { lt: before } } : {}),
      },
      select: {
        id: true,
        at: true,
        kind: true,
        actorId: true,
        subjectId: true,
        countryCode: true,
        fields: true,
        data: true,
      },
      orderBy: { at: "desc" },
      take: PAGE,
    }),
    prisma.event.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
    prisma.user.findMany({
      select: { id: true, name: true, email: true },
      orderBy: { email: "asc" },
    }),
  ]);
  const names = await namesOf(events.flatMap((e) => [e.actorId, e.subjectId]));
  return {
    filter: { country, person, kind },
    kinds: kinds.map((k) => k.kind),
    people: people.map((p) => ({ id: p.id, label: p.name ? `${p.name} (${p.email})` : p.email })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      who: e.actorId ? (names[e.actorId] ?? e.actorId) : "system",
      about: e.subjectId ? (names[e.subjectId] ?? "") : "",
      country: e.countryCode,
      details: [
        Array.isArray(e.fields) ? (e.fields as string[]).join(", ") : "",
        e.data ? JSON.stringify(e.data).slice(0, 300) : "",
      ]
        .filter(Boolean)
        .join(" · "),
      ...securityDetails(e.kind, e.data),
    })),
    older: events.length === PAGE ? events[events.length - 1]!.at.toISOString() : null,
  };
}

/** What a security event says, for a readable line (the stored data has no secrets in it). */
function securityDetails(kind: string, data: unknown) {
  const d = (data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  const denied =
    kind === "security.access_denied"
      ? {
          method: text("method"),
          path: text("path"),
          status: Number(d.status) || 0,
          reason: d.reason === "country" ? ("country" as const) : ("role" as const),
        }
      : null;
  const roleChange =
    kind === "user.role_changed"
      ? {
          from: text("previousRole"),
          to: text("role"),
          countries: Array.isArray(d.countries) ? d.countries.map(String) : [],
        }
      : null;
  return { denied, roleChange };
}

export default function EventLog() {
  const page = useLoaderData<typeof loader>();
  const all = useCopy();
  const locale = useLocale();
  const copy = all.eventLog;
  const roles = all.roles;
  const roleChangeText = (change: { from: string; to: string; countries: string[] }) => {
    const from = roles[change.from as Role] ?? change.from;
    const to = roles[change.to as Role] ?? change.to;
    return change.countries.length > 0
      ? copy.roleChangedFor({ from, to, countries: formatList(locale, change.countries) })
      : copy.roleChanged({ from, to });
  };
  const olderParams = new URLSearchParams(
    Object.entries({ ...page.filter, before: page.older }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{copy.title}</h1>
      <Form method="get" className="filters">
        <label htmlFor="ev-country">{copy.country}</label>
        <select id="ev-country" name="country" defaultValue={page.filter.country ?? ""}>
          <option value="">{copy.anyCountry}</option>
          <CountryOptions />
        </select>
        <label htmlFor="ev-person">{copy.who}</label>
        <select id="ev-person" name="person" defaultValue={page.filter.person ?? ""}>
          <option value="">{copy.anyPerson}</option>
          {page.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <label htmlFor="ev-kind">{copy.what}</label>
        <select id="ev-kind" name="kind" defaultValue={page.filter.kind ?? ""}>
          <option value="">{copy.anyKind}</option>
          {page.kinds.map((k) => (
            <option key={k} value={k}>
              {messageFor(copy.kinds, k, {}, k)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {all.dashboard.apply}
        </button>
      </Form>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{copy.when}</th>
              <th scope="col">{copy.who}</th>
              <th scope="col">{copy.what}</th>
              <th scope="col">{copy.country}</th>
              <th scope="col">{copy.details}</th>
            </tr>
          </thead>
          <tbody>
            {page.events.map((e) => (
              <tr key={e.id}>
                <td>
                  <LocalTime iso={e.at} withDate />
                </td>
                <td>{e.who}</td>
                <td>
                  {messageFor(copy.kinds, e.kind, {}, e.kind)}
                  {e.about ? ` · ${e.about}` : ""}
                </td>
                <td>{e.country ?? ""}</td>
                <td className="details">
                  {e.denied
                    ? copy.accessDenied({
                        method: e.denied.method,
                        path: e.denied.path,
                        status: String(e.denied.status),
                        why: e.denied.reason,
                      })
                    : e.roleChange
                      ? roleChangeText(e.roleChange)
                      : e.details}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.older ? <Link to={`/admin/events?${olderParams}`}>{copy.more}</Link> : null}
    </section>
  );
}
