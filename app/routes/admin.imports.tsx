import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { ErrorList, FormErrors } from "~/components/forms";
import { AnswerList } from "~/components/questionnaire/answer-list";
import { findMemberState } from "~/countries";
import { enImports as copy } from "~/i18n/en-imports";
import {
  type FileResult,
  importMsqFileItems,
  isRefused,
  previewReadings,
  readMsqBytesWith,
} from "~/import/import-file.server";
import { offThreadReader } from "~/import/parse-off-thread.server";
import type { ImportOutcome } from "~/import/import-response.server";
import type { ImportWarning } from "~/import/parse-msq";
import {
  discardStaleUploads,
  discardUpload,
  findUpload,
  keepUpload,
  uploadName,
} from "~/models/import-upload.server";
import { currentRound } from "~/models/round.server";
import { findQuestion, msq2020, questionnaireFor } from "~/questionnaire";
import type { Answers, Questionnaire } from "~/questionnaire/types";

// Administrators import a converted questionnaire or a JSON export from the browser, in two
// steps: the upload is read and shown (nothing written), then confirmed. Between the two the
// file stays on the server (import-upload.server.ts) and only its hash goes through the page;
// confirming files it with the same functions as `npm run import:msq`. Both steps parse the file
// in a worker thread with a time budget (parse-off-thread.server.ts): a slow file is refused and
// never holds up the other requests.

export const meta: MetaFunction = () => [{ title: `${copy.title} · MSQ Portal` }];

const MAX_UPLOAD_BYTES = 2_000_000;
const IMPORTABLE = /\.(txt|md|json)$/i;

const uploadSchema = z.object({
  file: z
    .file({ error: copy.chooseFile })
    .max(MAX_UPLOAD_BYTES, copy.tooLarge)
    .refine((file) => IMPORTABLE.test(file.name), {
      error: (issue) => copy.wrongType((issue.input as File).name),
    }),
});

/** One response of the file, as the page shows it. */
type ItemView =
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
  | { ok: false; error: string };

function itemView(result: FileResult): ItemView {
  if (!result.ok) return { ok: false, error: result.error };
  const { parsed } = result;
  return {
    ok: true,
    country: parsed.country,
    countryName: findMemberState(parsed.country)?.name ?? parsed.country,
    responseDate: parsed.responseDate,
    authorizePublication: parsed.authorizePublication,
    answers: parsed.answers,
    warnings: parsed.warnings,
    outcome: result.import ?? null,
  };
}

async function roundQuestionnaire(): Promise<Questionnaire> {
  const round = await currentRound();
  const questionnaire = questionnaireFor(round.id);
  if (!questionnaire) throw new Error(`There is no questionnaire for round ${round.id}.`);
  return questionnaire;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  return { round: (await roundQuestionnaire()).round };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const options = { questionnaire: await roundQuestionnaire(), force: false, actorId: user.id };
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return upload(request, options);
  const form = await request.formData();
  return confirm(String(form.get("upload") ?? ""), { ...options, force: form.has("force") });
}

type Options = { questionnaire: Questionnaire; force: boolean; actorId: string };

const readOffThread = () =>
  offThreadReader({ messages: { overBudget: copy.readTooSlow, failed: copy.readFailed } });

/** Step 1: read the upload and show what importing it would do; only the file is kept. */
async function upload(request: Request, options: Options) {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const submission = parseWithZod(new FormData(), { schema: uploadSchema });
    const result = submission.reply({ fieldErrors: { file: [copy.tooLarge] } });
    return data({ step: "upload" as const, result }, { status: 413 });
  }
  const submission = parseWithZod(form, { schema: uploadSchema });
  if (submission.status !== "success")
    return data({ step: "upload" as const, result: submission.reply() }, { status: 400 });

  const name = uploadName(submission.value.file.name);
  const bytes = new Uint8Array(await submission.value.file.arrayBuffer());
  const readings = await readMsqBytesWith(readOffThread(), bytes, name, options.questionnaire);
  const errors = readings.flatMap((reading) => (reading.ok ? [] : reading.error.split("\n")));
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
    items: preview.map(itemView),
  };
}

/** Step 2: import the kept file, exactly as the command does. */
async function confirm(hash: string, options: Options) {
  const kept = await findUpload(hash);
  if (!kept) return data({ step: "gone" as const, problem: copy.uploadGone }, { status: 410 });
  const results = await importMsqFileItems(kept.file, {
    ...options,
    dryRun: false,
    read: readOffThread(),
  });
  const refused = results.some(isRefused);
  // A refused response can still be forced from the page: keep the file until then.
  if (!refused) await discardUpload(kept.hash);
  return data(
    {
      step: "done" as const,
      upload: { hash: kept.hash, name: kept.name },
      items: results.map(itemView),
    },
    { status: refused ? 409 : 200 },
  );
}

export default function AdminImports() {
  const { round } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const questionnaire = questionnaireFor(round) ?? msq2020;
  const [form, fields] = useForm({
    id: "upload",
    lastResult: result && "result" in result ? result.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema }),
  });
  const hintId = `${fields.file.id}-hint`;
  const shown = result?.step === "preview" || result?.step === "done";
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{copy.title}</h1>
      <p className="lead">{copy.intro}</p>
      {result?.step === "gone" ? (
        <p className="notice notice--error" role="alert">
          {result.problem}
        </p>
      ) : null}
      {result?.step === "done" ? <Outcome items={result.items} /> : null}
      {result?.step === "preview" ? (
        <Preview name={result.upload.name} items={result.items} questionnaire={questionnaire} />
      ) : null}
      {result?.step === "preview" || (result?.step === "done" && result.items.some(isForceable)) ? (
        <Confirm hash={result.upload.hash} items={result.items} />
      ) : null}

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{shown ? copy.uploadAnotherTitle : copy.uploadTitle}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <div className="field">
            <label htmlFor={fields.file.id}>{copy.file}</label>
            <p className="hint" id={hintId}>
              {copy.fileHint}
            </p>
            <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
            <input
              {...getInputProps(fields.file, { type: "file", ariaDescribedBy: hintId })}
              accept=".txt,.md,.json,text/plain,text/markdown,application/json"
            />
          </div>
          <div className="actions">
            <button type="submit">{copy.read}</button>
          </div>
        </Form>
      </section>
    </section>
  );
}

/** Refused because people worked on the response since: forcing would replace it. */
const isForceable = (item: ItemView) =>
  item.ok && item.outcome?.outcome === "refused" && Boolean(item.outcome.responseId);

const yesNo = (value: boolean | null) =>
  value === null ? copy.notStated : value ? copy.yes : copy.no;

function plannedText(item: ItemView & { ok: true }): string | null {
  const name = `${item.countryName} (${item.country})`;
  const outcome = item.outcome;
  if (!outcome) return null;
  return outcome.outcome === "refused"
    ? copy.planned.refused(name, outcome.reason ?? "")
    : copy.planned[outcome.outcome](name);
}

function Preview({
  name,
  items,
  questionnaire,
}: {
  name: string;
  items: ItemView[];
  questionnaire: Questionnaire;
}) {
  const responses = items.filter((item): item is ItemView & { ok: true } => item.ok);
  const total = questionnaire.sections.reduce((n, section) => n + section.questions.length, 0);
  const found = (answers: Answers) => Object.values(answers).filter((v) => v !== null).length;
  if (responses.length !== 1) {
    return (
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{copy.previewTitle(name)}</h2>
        <p>{copy.previewIntro}</p>
        <div className="table-scroll">
          <table>
            <caption>{copy.severalTitle(responses.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.country}</th>
                <th scope="col">{copy.responseDate}</th>
                <th scope="col">{copy.authorisation}</th>
                <th scope="col">{copy.answersFound}</th>
                <th scope="col">{copy.warnings}</th>
                <th scope="col">{copy.willDo}</th>
              </tr>
            </thead>
            <tbody>
              {responses.map((item) => (
                <tr key={item.country}>
                  <th scope="row">
                    {item.countryName} ({item.country})
                  </th>
                  <td>{item.responseDate ?? copy.noDate}</td>
                  <td>{yesNo(item.authorizePublication)}</td>
                  <td>{copy.answersFoundValue(found(item.answers), total)}</td>
                  <td>
                    {item.warnings.length === 0 ? (
                      "0"
                    ) : (
                      <ul>
                        {item.warnings.map((warning, i) => (
                          <li key={i}>{warningText(questionnaire, warning)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{plannedText(item)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  const item = responses[0]!;
  const refused = item.outcome?.outcome === "refused";
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{copy.previewTitle(name)}</h2>
      <p>{copy.previewIntro}</p>
      <dl className="facts">
        <div>
          <dt>{copy.country}</dt>
          <dd>
            <strong>
              {item.countryName} ({item.country})
            </strong>
          </dd>
        </div>
        <div>
          <dt>{copy.responseDate}</dt>
          <dd>{item.responseDate ?? copy.noDate}</dd>
        </div>
        <div>
          <dt>{copy.authorisation}</dt>
          <dd>{yesNo(item.authorizePublication)}</dd>
        </div>
        <div>
          <dt>{copy.answersFound}</dt>
          <dd>{copy.answersFoundValue(found(item.answers), total)}</dd>
        </div>
        <div>
          <dt>{copy.warnings}</dt>
          <dd>{copy.warningCount(item.warnings.length)}</dd>
        </div>
      </dl>
      <p className={`notice ${refused ? "notice--warning" : ""}`}>
        <strong>{copy.willDo}:</strong> {plannedText(item)}
      </p>
      <div className="questionnaire-layout">
        <div>
          <h3 id="warnings-title">{copy.warningsTitle(item.warnings.length)}</h3>
          {item.warnings.length > 0 ? (
            <ul className="import-warnings">
              {item.warnings.map((warning, i) => (
                <li key={i} className="field-warning">
                  {warning.field && findQuestion(questionnaire, warning.field) ? (
                    <a href={`#answer-${warning.field}`}>
                      {findQuestion(questionnaire, warning.field)!.text}
                    </a>
                  ) : (
                    copy.wholeDocument
                  )}
                  : {warning.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <AnswerList questionnaire={questionnaire} answers={item.answers} />
        </div>
      </div>
    </section>
  );
}

function warningText(questionnaire: Questionnaire, warning: ImportWarning): string {
  const question = warning.field ? findQuestion(questionnaire, warning.field) : undefined;
  return `${question?.text ?? copy.wholeDocument}: ${warning.message}`;
}

function Confirm({ hash, items }: { hash: string; items: ItemView[] }) {
  const responses = items.filter((item) => item.ok);
  const forceable = responses.some(isForceable);
  return (
    <section aria-labelledby="confirm-title">
      <h2 id="confirm-title">{copy.confirmTitle}</h2>
      <Form method="post">
        <input type="hidden" name="upload" value={hash} />
        {forceable ? (
          <div className="field">
            <div className="choice">
              <input type="checkbox" id="force" name="force" aria-describedby="force-hint" />
              <label htmlFor="force">{copy.force}</label>
            </div>
            <p className="hint" id="force-hint">
              {copy.forceHint}
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit">
            {responses.length === 1 ? copy.confirmOne : copy.confirmMany(responses.length)}
          </button>
        </div>
      </Form>
    </section>
  );
}

function Outcome({ items }: { items: ItemView[] }) {
  const refused = items.some((item) => !item.ok || item.outcome?.outcome === "refused");
  return (
    <section
      aria-labelledby="outcome-title"
      className={`notice ${refused ? "notice--error" : "notice--success"}`}
      role={refused ? "alert" : "status"}
    >
      <h2 id="outcome-title">{copy.outcomeTitle}</h2>
      <ul>
        {items.map((item, i) => {
          if (!item.ok) return <li key={i}>{item.error}</li>;
          const name = `${item.countryName} (${item.country})`;
          const outcome = item.outcome;
          return (
            <li key={item.country}>
              {outcome?.outcome === "refused"
                ? copy.outcome.refused(name, outcome.reason ?? "")
                : outcome
                  ? copy.outcome[outcome.outcome](name)
                  : null}{" "}
              <Link to={`/review/${item.country}`}>{copy.review(item.countryName)}</Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
