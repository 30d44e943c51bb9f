import { z } from "zod";
import { en } from "~/i18n/en";

// A focal point's reply to a reviewer's comment (the country page's one action).
export const replySchema = z.object({
  intent: z.literal("reply"),
  threadId: z.string().min(1).max(64),
  body: z
    .string({ error: en.comments.replyRequired })
    .trim()
    .min(1, en.comments.replyRequired)
    .max(5000, en.comments.replyTooLong),
});

// A reviewer's comment on the review page: on the whole response, or on one question (`field`),
// or a reply in a thread (`parent`).
export const reviewerCommentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string({ error: en.reviewPage.commentRequired })
    .trim()
    .min(1, en.reviewPage.commentRequired)
    .max(5000, en.comments.replyTooLong),
  field: z.string().max(100).optional(),
  parent: z.string().max(64).optional(),
});
