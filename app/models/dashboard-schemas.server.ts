import { lazySchema, z } from "~/zod";
import type { Copy } from "~/i18n/copy";

// The dashboard's three actions, one schema each, told apart by `intent`. Shared by the
// browser and the server, each made for the page's language; the route's action dispatches on
// the parsed intent.

const countryCode = /* @__PURE__ */ lazySchema(() => z.string().regex(/^[A-Z]{3}$/));
const message = (copy: Copy) =>
  z.string().trim().max(2000, copy.dashboard.remindMessageTooLong).optional();

export const deadlineSchema = (copy: Copy) =>
  z.object({
    intent: z.literal("deadline"),
    /** Empty clears the deadline. */
    deadline: z.iso.date({ error: copy.dashboard.deadlineInvalid }).optional(),
  });

export const remindSelectedSchema = (copy: Copy) =>
  z.object({
    intent: z.literal("remind-selected"),
    countries: z
      .array(countryCode(), { error: copy.dashboard.noneSelected })
      .min(1, copy.dashboard.noneSelected),
    message: message(copy),
  });

/** "Every country matching the filters": the codes the page listed, comma-separated. */
export const remindShownSchema = (copy: Copy) =>
  z.object({
    intent: z.literal("remind-shown"),
    shown: z
      .string({ error: copy.dashboard.noneSelected })
      .transform((codes) => codes.split(","))
      .pipe(z.array(countryCode()).min(1, copy.dashboard.noneSelected)),
    message: message(copy),
  });

export const dashboardActionSchema = (copy: Copy) =>
  z.discriminatedUnion("intent", [
    deadlineSchema(copy),
    remindSelectedSchema(copy),
    remindShownSchema(copy),
  ]);
