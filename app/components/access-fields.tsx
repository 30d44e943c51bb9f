import { type FieldMetadata, getSelectProps } from "@conform-to/react";
import { CountryOptions } from "./country-options";
import { useCopy } from "~/i18n";
import { ErrorList } from "./forms";

const ROLES = ["FOCAL_POINT", "REVIEWER", "ADMIN"] as const;

/** Role (radio buttons) and countries (a multiple select): invitation and account pages. */
export function AccessFields({
  role,
  countries,
}: {
  role: FieldMetadata<string | undefined>;
  countries: FieldMetadata<string[] | undefined>;
}) {
  const copy = useCopy();
  const hintId = `${countries.id}-hint`;
  return (
    <>
      <fieldset className="field" aria-describedby={role.errors ? role.errorId : undefined}>
        <legend>{copy.admin.role}</legend>
        <ErrorList id={role.errorId} errors={role.errors} />
        {ROLES.map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`${role.id}-${value}`}
              name={role.name}
              value={value}
              defaultChecked={role.initialValue === value}
            />
            <label htmlFor={`${role.id}-${value}`}>{copy.roles[value]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={countries.id}>{copy.admin.countries}</label>
        <p className="hint" id={hintId}>
          {copy.admin.countriesHint}
        </p>
        <ErrorList id={countries.errorId} errors={countries.errors} />
        <select {...getSelectProps(countries, { ariaDescribedBy: hintId })} multiple size={8}>
          <CountryOptions />
        </select>
      </div>
    </>
  );
}
