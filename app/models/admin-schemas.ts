import { z } from "zod";
import { emailAddress } from "~/auth/schemas";
import { memberStates } from "~/countries";
import { en } from "~/i18n/en";

// Schemas of the account administration forms, shared by the browser and the server.
const codes = new Set(memberStates.map((s) => s.code));
const roles = ["FOCAL_POINT", "REVIEWER", "ADMIN"] as const;

const access = {
  role: z.enum(roles, { error: en.admin.role }),
  countries: z
    .array(z.string().refine((code) => codes.has(code), en.admin.unknownCountry))
    .default([]),
};

const focalPointsNeedACountry = (value: { role: string; countries: string[] }) =>
  value.role !== "FOCAL_POINT" || value.countries.length > 0;
const countriesRequired = { message: en.admin.countriesRequired, path: ["countries"] };

export const inviteSchema = z
  .object({
    email: emailAddress,
    ...access,
  })
  .refine(focalPointsNeedACountry, countriesRequired);

export const accessSchema = z.object(access).refine(focalPointsNeedACountry, countriesRequired);
