import { parseWithZod } from "@conform-to/zod/v4";
import { readUploadForm } from "~/models/upload-form.server";
import { data } from "@remix-run/node";
import { countryName } from "~/countries";
import type { Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import {
  type FileResult,
  importReadings,
  isRefused,
  previewReadings,
  readMsqBytesWith,
} from "~/import/import-file.server";
import { refusalLines } from "~/import/import-messages";
import { offThreadReader } from "~/import/parse-off-thread.server";
import {
  discardStaleUploads,
  discardUpload,
  findUpload,
  keepUpload,
  uploadName,
} from "~/models/import-upload.server";
import { currentRoundNow, findRound } from "~/models/round.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import type { Questionnaire } from "~/questionnaire/types";
import { MAX_UPLOAD_BYTES, type ItemView, uploadSchema } from "./schemas";

// The import page's two steps, called by its route once the administrator's guard has passed.

function itemView(result: FileResult, locale: Locale): ItemView {
  if (!result.ok) return { ok: false, error: result.error };
  const { parsed } = result;
  return {
    ok: true,
    country: parsed.country,
    countryName: countryName(parsed.country, locale),
    responseDate: parsed.responseDate,
    authorizePublication: parsed.authorizePublication,
    answers: parsed.answers,
    warnings: parsed.warnings,
    outcome: result.import ?? null,
  };
}

/**
 * The questionnaire a file is read against: the chosen round's (open or closed, never a draft:
 * nobody has answered it), else the current round's. Null for a round that cannot be chosen.
 */
export async function roundQuestionnaire(roundId?: string): Promise<Questionnaire | null> {
  const round = roundId ? await findRound(roundId) : await currentRoundNow();
  if (!round || round.status === "DRAFT") return null;
  return requireQuestionnaire(round);
}

export type Options = {
  questionnaire: Questionnaire;
  force: boolean;
  actorId: string;
  /** The administrator's copy: what the page and its messages say. */
  copy: Copy;
  /** The administrator's language: the countries' names on the page. */
  locale: Locale;
};
type Actor = Omit<Options, "questionnaire">;

const readOffThread = () => offThreadReader();

/** Step 1: read the upload and show what importing it would do; only the file is kept. */
export async function upload(request: Request, actor: Actor) {
  const copy = actor.copy.imports;
  const schema = uploadSchema(actor.copy);
  const form = await readUploadForm(request, MAX_UPLOAD_BYTES);
  if (!form) {
    const submission = parseWithZod(new FormData(), { schema });
    const result = submission.reply({ fieldErrors: { file: [copy.tooLarge] } });
    return data({ step: "upload" as const, result }, { status: 413 });
  }
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success")
    return data({ step: "upload" as const, result: submission.reply() }, { status: 400 });
  const questionnaire = await roundQuestionnaire(submission.value.round);
  if (!questionnaire) {
    const result = submission.reply({ fieldErrors: { round: [copy.unknownRound] } });
    return data({ step: "upload" as const, result }, { status: 400 });
  }
  const options: Options = { ...actor, questionnaire };

  const name = uploadName(submission.value.file.name);
  const bytes = new Uint8Array(await submission.value.file.arrayBuffer());
  const readings = await readMsqBytesWith(readOffThread(), bytes, name, options.questionnaire);
  // In the administrator's language, one line each: the file's problem, then what is wrong in it.
  const errors = readings.flatMap((reading) =>
    reading.ok ? [] : refusalLines(actor.copy, reading.error),
  );
  if (errors.length > 0) {
    const result = submission.reply({
      formErrors: [copy.refusedFile],
      fieldErrors: { file: errors },
    });
    return data({ step: "upload" as const, result }, { status: 422 });
  }
  await discardStaleUploads();
  const kept = await keepUpload(bytes, name);
  const preview = await previewReadings(readings, options);
  return {
    step: "preview" as const,
    result: submission.reply({ resetForm: true }),
    upload: { hash: kept.hash, name: kept.name },
    round: questionnaire.round,
    questionnaire,
    items: preview.map((item) => itemView(item, actor.locale)),
  };
}

/** Step 2: import the kept file, exactly as the command does. */
export async function confirm(hash: string, options: Options) {
  const copy = options.copy.imports;
  const kept = await findUpload(hash);
  if (!kept) return data({ step: "gone" as const, problem: copy.uploadGone }, { status: 410 });
  const readings = await readMsqBytesWith(
    readOffThread(),
    kept.bytes,
    kept.name,
    options.questionnaire,
  );
  const results = await importReadings(readings, options);
  const refused = results.some(isRefused);
  // A refused response can still be forced from the page: keep the file until then.
  if (!refused) await discardUpload(kept.hash);
  return data(
    {
      step: "done" as const,
      upload: { hash: kept.hash, name: kept.name },
      round: options.questionnaire.round,
      items: results.map((item) => itemView(item, options.locale)),
    },
    { status: refused ? 409 : 200 },
  );
}
