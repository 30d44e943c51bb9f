import { lazySchema, z } from "~/zod";

// The reviewer's decision form, shared by the browser and the server. Every decision names the
// submission the reviewer saw, so that one taken on a page opened before a resubmission is
// refused instead of applied to answers nobody reviewed.
export const decisionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    intent: z.enum(["return", "accept", "reopen"]),
    submission: z.coerce.number().int().positive(),
    message: z.string().max(5000).optional(),
  }),
);
