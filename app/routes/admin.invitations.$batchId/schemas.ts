import { z } from "~/zod";

// The batch page's two buttons: one intent each.
export const batchIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("retry") }),
]);
