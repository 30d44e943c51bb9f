import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { CountryOptions } from "~/components/country-options";
import { findMemberState } from "~/countries";
import type { Role } from "~/generated/prisma/enums";
import { useCopy } from "~/i18n";
import { readStaffSecondFactor, setStaffSecondFactor } from "~/models/settings.server";
import { listUsers } from "~/models/user.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

export const meta: MetaFunction = () => pageTitle(pageCopy().admin.usersTitle);

const ROLES = ["FOCAL_POINT", "REVIEWER", "ADMIN"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const params = new URL(request.url).searchParams;
  const role = ROLES.find((r) => r === params.get("role"));
  const country = findMemberState(params.get("country") ?? "")?.code;
  const state = params.get("state");
  const active = state === "active" ? true : state === "inactive" ? false : undefined;
  const [users, staffSecondFactor] = await Promise.all([
    listUsers({ role, country, active }),
    readStaffSecondFactor(),
  ]);
  return {
    filter: { role: role ?? "", country: country ?? "", state: state ?? "" },
    staffSecondFactor,
    users: users.map(({ passwordHash, countries, totpEnabledAt, ...user }) => ({
      ...user,
      pending: !passwordHash,
      secondFactor: totpEnabledAt !== null,
      countries: countries.map((c) => c.countryCode),
    })),
  };
}

/** Requiring a second factor of staff, or no longer (a plain form, works without JavaScript). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const form = await request.formData();
  await setStaffSecondFactor(form.get("staffSecondFactor") === "on", user.id);
  return redirect("/admin/users");
}

function StaffSecondFactor({ required }: { required: boolean }) {
  const copy = useCopy().secondFactor;
  return (
    <section className="panel" aria-labelledby="staff-second-factor-title">
      <h2 id="staff-second-factor-title">{copy.adminTitle}</h2>
      <p>{required ? copy.adminRequired : copy.adminOptional}</p>
      <Form method="post">
        <input type="hidden" name="staffSecondFactor" value={required ? "off" : "on"} />
        <button type="submit" className="secondary">
          {required ? copy.adminStopRequiring : copy.adminRequire}
        </button>
      </Form>
    </section>
  );
}

export default function Users() {
  const { filter, users, staffSecondFactor } = useLoaderData<typeof loader>();
  const copy = useCopy();
  const a = copy.admin;
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{a.usersTitle}</h1>
      <p>
        <Link className="button" to="/admin/users/new">
          {a.invite}
        </Link>
      </p>
      <Form method="get" className="filters" aria-label={a.filter}>
        <label htmlFor="filter-role">{a.role}</label>
        <select id="filter-role" name="role" defaultValue={filter.role}>
          <option value="">{a.anyRole}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {copy.roles[role]}
            </option>
          ))}
        </select>
        <label htmlFor="filter-country">{a.countries}</label>
        <select id="filter-country" name="country" defaultValue={filter.country}>
          <option value="">{a.anyCountry}</option>
          <CountryOptions />
        </select>
        <label htmlFor="filter-state">{a.state}</label>
        <select id="filter-state" name="state" defaultValue={filter.state}>
          <option value="">{a.anyState}</option>
          <option value="active">{a.activeOnly}</option>
          <option value="inactive">{a.inactiveOnly}</option>
        </select>
        <button type="submit" className="secondary">
          {a.filter}
        </button>
      </Form>
      {users.length === 0 ? (
        <p>{a.noUsers}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.email}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.countries}</th>
                <th scope="col">{a.state}</th>
                <th scope="col">{copy.secondFactor.adminUserStatus}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>{user.name ?? user.email}</Link>
                  </td>
                  <td>{user.email}</td>
                  <td>{copy.roles[user.role as Role]}</td>
                  <td>{user.countries.join(", ")}</td>
                  <td>{!user.active ? a.inactive : user.pending ? a.pending : a.active}</td>
                  <td>{user.secondFactor ? copy.secondFactor.on : copy.secondFactor.off}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StaffSecondFactor required={staffSecondFactor} />
    </section>
  );
}
