import { z } from "~/zod";
import type { ImportOutcome } from "~/import/import-response.server";
import type { ImportRefusal, ImportWarning } from "~/import/problems";
import type { Copy } from "~/i18n/copy";
import type { Answers } from "~/questionnaire/types";

// The import page's two forms, for the browser and the server (the upload's made for the page's
// language), and what the page shows of each response in the file: its warnings, refusal and
// outcome as codes, put into words by the page in its language (import-results.tsx).

/** A Word or PDF file's limit (read-upload.ts); a text file's, 2 MB, is checked when read. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const IMPORTABLE = /\.(txt|md|json|docx|pdf)$/i;

/** The round the file is read against (its definition); the current round when not given. */
const round = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,20}$/)
  .optional();

/** Step 1: the file. */
export const uploadSchema = ({ imports: copy }: Copy) =>
  z.object({
    round,
    file: z
      .file({ error: copy.chooseFile })
      .max(MAX_UPLOAD_BYTES, copy.tooLarge)
      .refine((file) => IMPORTABLE.test(file.name), {
        error: (issue) => copy.wrongType({ name: (issue.input as File).name }),
      }),
  });

/** Step 2: the kept upload (its SHA-256) and whether to replace responses people worked on. */
export const confirmSchema = z.object({
  upload: z.string().regex(/^[0-9a-f]{64}$/),
  round,
  force: z.literal("on").optional(),
});

/** One response of the file, as the page shows it. */
export type ItemView =
  | {
      ok: true;
      country: string;
      countryName: string;
      responseDate: string | null;
      authorizePublication: boolean | null;
      answers: Answers;
      warnings: ImportWarning[];
      /** What confirming would do (preview), or what it did. */
      outcome: ImportOutcome | null;
    }
  | { ok: false; error: ImportRefusal };
