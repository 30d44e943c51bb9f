import { lazySchema, z } from "~/zod";
import { AUTHORIZATION_KEY } from "~/questionnaire";
import { SHOWN_PREFIX } from "~/questionnaire/section-protocol";

// The check-answers page's form: the publication authorisation (a checkbox, "yes" or absent),
// the fingerprint of the authorisation the person saw, the revision the page was loaded at, and
// what to do: save the authorisation only, submit, or submit confirming that publication is not
// authorised. Parsed with Conform, which reads `orig.<key>` as a nested object.
export const checkAnswersSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    intent: z.enum(["save", "submit", "confirm-submit"]).default("save"),
    [AUTHORIZATION_KEY]: z.literal("yes").optional(),
    [SHOWN_PREFIX]: z.object({ [AUTHORIZATION_KEY]: z.string().max(64).optional() }).optional(),
    base: z.coerce.number().int().min(0).default(0),
  }),
);

export type CheckAnswersPost = z.infer<ReturnType<typeof checkAnswersSchema>>;

/** The post in the terms the save takes. */
export function authorisationOf(post: CheckAnswersPost) {
  return {
    authorizePublication: post[AUTHORIZATION_KEY] === "yes",
    shown: post[SHOWN_PREFIX]?.[AUTHORIZATION_KEY] ?? "",
    revision: post.base,
  };
}
