import { z } from "~/zod";
import { emailAddress } from "~/auth/schemas";
import { memberStates } from "~/countries";
import type { Copy } from "~/i18n/copy";
import { locales } from "~/i18n/locale";

// Schemas of the account administration forms, shared by the browser and the server, each made
// for the page's language.
const codes = new Set(memberStates.map((s) => s.code));
const roles = ["FOCAL_POINT", "REVIEWER", "ADMIN"] as const;

const access = (copy: Copy) => ({
  role: z.enum(roles, { error: copy.admin.role }),
  countries: z
    .array(z.string().refine((code) => codes.has(code), copy.admin.unknownCountry))
    .default([]),
});

const focalPointsNeedACountry = (value: { role: string; countries: string[] }) =>
  value.role !== "FOCAL_POINT" || value.countries.length > 0;
const countriesRequired = (copy: Copy) => ({
  message: copy.admin.countriesRequired,
  path: ["countries"],
});

export const inviteSchema = (copy: Copy) =>
  z
    .object({
      email: emailAddress(copy),
      /** The invitee's language: the invitation e-mail and their pages use it. */
      locale: z.enum(locales).optional(),
      ...access(copy),
    })
    .refine(focalPointsNeedACountry, countriesRequired(copy));

export const accessSchema = (copy: Copy) =>
  z.object(access(copy)).refine(focalPointsNeedACountry, countriesRequired(copy));
