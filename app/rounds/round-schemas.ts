import { z } from "zod";
import { enRounds as copy } from "~/i18n/en-rounds";
import { MAX_DEFINITION_BYTES } from "~/questionnaire/definition-schema";

// The Rounds pages' forms, for the browser and the server.

export const uploadDefinitionSchema = z.object({
  file: z
    .file({ error: copy.chooseFile })
    .max(MAX_DEFINITION_BYTES, copy.tooLarge)
    .refine((file) => /\.json$/i.test(file.name), {
      error: (issue) => copy.wrongType((issue.input as File).name),
    }),
});

const day = z.iso.date({ error: copy.dateInvalid });

export const openRoundSchema = z
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

export const roundActionSchema = z.discriminatedUnion("intent", [
  openRoundSchema,
  z.object({ intent: z.literal("close") }),
]);
