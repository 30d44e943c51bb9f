import { z } from "~/zod";
import type { Copy } from "~/i18n/copy";

// A focal point's reply to a reviewer's comment (the country page's one action).
export const replySchema = (copy: Copy) =>
  z.object({
    intent: z.literal("reply"),
    threadId: z.string().min(1).max(64),
    body: z
      .string({ error: copy.comments.replyRequired })
      .trim()
      .min(1, copy.comments.replyRequired)
      .max(5000, copy.comments.replyTooLong),
  });

// A reviewer's comment on the review page: on the whole response, or on one question (`field`),
// or a reply in a thread (`parent`).
export const reviewerCommentSchema = (copy: Copy) =>
  z.object({
    intent: z.literal("comment"),
    body: z
      .string({ error: copy.reviewPage.commentRequired })
      .trim()
      .min(1, copy.reviewPage.commentRequired)
      .max(5000, copy.comments.replyTooLong),
    field: z.string().max(100).optional(),
    parent: z.string().max(64).optional(),
  });
