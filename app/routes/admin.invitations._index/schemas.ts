import { z } from "zod";
import { enInvitations as copy } from "~/i18n/en-invitations";
import { MAX_FILE_BYTES } from "~/invitations/csv-rows";

// The bulk-invitation upload, for the browser and the server.

export const uploadSchema = z.object({
  file: z
    .file({ error: copy.chooseFile })
    .max(MAX_FILE_BYTES, copy.tooLarge)
    .refine((file) => /\.csv$/i.test(file.name), {
      error: (issue) => copy.wrongType((issue.input as File).name),
    }),
});
