import { z } from "~/zod";
import type { Copy } from "~/i18n/copy";
import { MAX_DEFINITION_BYTES } from "~/questionnaire/definition-schema";

// The Rounds pages' forms, for the browser and the server, each made for the page's language.

export const uploadDefinitionSchema = ({ roundAdmin: copy }: Copy) =>
  z.object({
    file: z
      .file({ error: copy.chooseFile })
      .max(MAX_DEFINITION_BYTES, copy.tooLarge)
      .refine((file) => /\.json$/i.test(file.name), {
        error: (issue) => copy.wrongType({ name: (issue.input as File).name }),
      }),
  });

export const openRoundSchema = ({ roundAdmin: copy }: Copy) => {
  const day = z.iso.date({ error: copy.dateInvalid });
  return z
    .object({
      intent: z.literal("open"),
      opensAt: day.optional(),
      deadline: day.optional(),
    })
    .superRefine((value, ctx) => {
      if (!value.deadline)
        ctx.addIssue({ code: "custom", path: ["deadline"], message: copy.deadlineRequired });
      else if (value.opensAt && value.deadline < value.opensAt)
        ctx.addIssue({ code: "custom", path: ["deadline"], message: copy.deadlineBeforeStart });
    });
};

export const roundActionSchema = (copy: Copy) =>
  z.discriminatedUnion("intent", [openRoundSchema(copy), z.object({ intent: z.literal("close") })]);
