import { parseWithZod } from "@conform-to/zod/v4";
import { readUploadForm } from "~/models/upload-form.server";
import { data, redirect } from "@remix-run/node";
import type { Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import { createBatch, existingEmails } from "~/invitations/batches.server";
import { candidateEmails, classifyRows } from "~/invitations/classify";
import { decodeCsv, MAX_FILE_BYTES, readInvitationCsv } from "~/invitations/csv-rows";
import { uploadName } from "~/models/import-upload.server";
import { uploadSchema } from "./schemas";

// The upload of a CSV of focal points, called by the route once the administrator's guard has
// passed: read and checked (a few milliseconds even for the largest file, csv-rows.ts), kept as
// a batch whose page shows the preview. Nothing is sent here.

export async function upload(
  request: Request,
  actorId: string,
  language: { copy: Copy; locale: Locale },
) {
  const copy = language.copy.invitations;
  const schema = uploadSchema(language.copy);
  const form = await readUploadForm(request, MAX_FILE_BYTES);
  if (!form) {
    const submission = parseWithZod(new FormData(), { schema });
    return data(
      { result: submission.reply({ fieldErrors: { file: [copy.tooLarge] } }) },
      { status: 413 },
    );
  }
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  const file = submission.value.file;
  const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const reading =
    text === null
      ? { ok: false as const, error: copy.fileProblems.notText }
      : readInvitationCsv(text, language);
  if (!reading.ok) {
    const result = submission.reply({
      formErrors: [copy.refusedFile],
      fieldErrors: { file: [reading.error] },
    });
    return data({ result }, { status: 422 });
  }
  const existing = await existingEmails(candidateEmails(reading.rows));
  const id = await createBatch({
    fileName: uploadName(file.name),
    createdById: actorId,
    rows: classifyRows(reading.rows, existing, copy.reasons),
  });
  return redirect(`/admin/invitations/${id}`);
}
