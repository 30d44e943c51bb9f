import { z } from "~/zod";
import type { Copy } from "~/i18n/copy";
import { MAX_FILE_BYTES } from "~/invitations/csv-rows";

// The bulk-invitation upload, for the browser and the server, made for the page's language.

export const uploadSchema = ({ invitations: copy }: Copy) =>
  z.object({
    file: z
      .file({ error: copy.chooseFile })
      .max(MAX_FILE_BYTES, copy.tooLarge)
      .refine((file) => /\.csv$/i.test(file.name), {
        error: (issue) => copy.wrongType({ name: (issue.input as File).name }),
      }),
  });
