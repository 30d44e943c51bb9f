import { z } from "zod";
import { en } from "~/i18n/en";

// The dashboard's three actions, one schema each, told apart by `intent`. Shared by the
// browser and the server; the route's action dispatches on the parsed intent.

const countryCode = z.string().regex(/^[A-Z]{3}$/);
const message = z.string().trim().max(2000, en.dashboard.remindMessageTooLong).optional();

export const deadlineSchema = z.object({
  intent: z.literal("deadline"),
  /** Empty clears the deadline. */
  deadline: z.iso.date({ error: en.dashboard.deadlineInvalid }).optional(),
});

export const remindSelectedSchema = z.object({
  intent: z.literal("remind-selected"),
  countries: z
    .array(countryCode, { error: en.dashboard.noneSelected })
    .min(1, en.dashboard.noneSelected),
  message,
});

/** "Every country matching the filters": the codes the page listed, comma-separated. */
export const remindShownSchema = z.object({
  intent: z.literal("remind-shown"),
  shown: z
    .string({ error: en.dashboard.noneSelected })
    .transform((codes) => codes.split(","))
    .pipe(z.array(countryCode).min(1, en.dashboard.noneSelected)),
  message,
});

export const dashboardActionSchema = z.discriminatedUnion("intent", [
  deadlineSchema,
  remindSelectedSchema,
  remindShownSchema,
]);
