import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { readUploadForm } from "~/models/upload-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { FileField, FormErrors } from "~/components/forms";
import { DefinitionProblems, type UploadProblems } from "~/components/rounds/definition-problems";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import { copyForRequest, localeFor } from "~/i18n/request-locale.server";
import { MAX_DEFINITION_BYTES, parseDefinition } from "~/questionnaire/definition-schema";
import { listRounds } from "~/rounds/round-pages.server";
import { uploadDefinitionSchema } from "~/rounds/round-schemas";
import { RoundError, storeDefinition } from "~/rounds/rounds.server";
import { pageCopy, pageTitle } from "~/i18n/page-copy";

// Administrators create a round from a definition file: its problems, if any, are listed with
// where they are in the file; a valid file becomes a draft round (or a new version of one),
// previewed and opened on the round's own page. The problems come as codes, put into words in
// the page's language (zod's own messages already are: the file is read in that language).

export const meta: MetaFunction = () => pageTitle(pageCopy().roundAdmin.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  return { rounds: await listRounds() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request, context);
  const all = copyForRequest(request, user);
  const copy = all.roundAdmin;
  const schema = uploadDefinitionSchema(all);
  const form = await readUploadForm(request, MAX_DEFINITION_BYTES);
  if (!form) {
    const submission = parseWithZod(new FormData(), { schema });
    return data(
      { result: submission.reply({ fieldErrors: { file: [copy.tooLarge] } }), problems: null },
      { status: 413 },
    );
  }
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), problems: null }, { status: 400 });

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(
      await submission.value.file.arrayBuffer(),
    );
  } catch {
    return data(
      { result: submission.reply({ fieldErrors: { file: [copy.notUtf8] } }), problems: null },
      { status: 400 },
    );
  }
  const parsed = parseDefinition(text, localeFor(request, user));
  if (!parsed.ok)
    return data(
      {
        result: submission.reply(),
        problems: { refused: false, list: parsed.issues } satisfies UploadProblems,
      },
      { status: 400 },
    );
  try {
    const stored = await storeDefinition(parsed.definition, user.id);
    return redirect(`/admin/rounds/${stored.roundId}?stored=${stored.outcome}`);
  } catch (error) {
    if (!(error instanceof RoundError)) throw error;
    return data(
      {
        result: submission.reply(),
        problems: {
          refused: true,
          list: [error.problem, ...error.details],
        } satisfies UploadProblems,
      },
      { status: 409 },
    );
  }
}

export default function Rounds() {
  const { rounds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const all = useCopy();
  const copy = all.roundAdmin;
  const [form, fields] = useForm({
    id: "definition",
    lastResult: result?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadDefinitionSchema(all) }),
  });
  return (
    <section aria-labelledby="rounds-title">
      <h1 id="rounds-title">{copy.title}</h1>
      <p className="lead">{copy.intro}</p>

      <h2>{copy.rounds}</h2>
      {rounds.length === 0 ? (
        <p>{copy.noRounds}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{copy.round}</th>
                <th scope="col">{copy.status}</th>
                <th scope="col">{copy.version}</th>
                <th scope="col">{copy.deadline}</th>
                <th scope="col">{copy.responses}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link to={`/admin/rounds/${round.id}`}>{round.name}</Link>
                  </th>
                  <td>
                    <span className={`round-status round-status--${round.status.toLowerCase()}`}>
                      {copy.statuses[round.status]}
                    </span>
                  </td>
                  <td>{round.questionnaireVersion}</td>
                  <td>{round.deadline ? <LocalTime iso={round.deadline} withDate /> : "—"}</td>
                  <td>{round.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{copy.uploadTitle}</h2>
        {result?.problems ? <DefinitionProblems problems={result.problems} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <FileField
            label={copy.file}
            hint={copy.uploadHint}
            meta={fields.file}
            accept=".json,application/json"
          />
          <div className="actions">
            <button type="submit">{copy.upload}</button>
          </div>
        </Form>
        <p>
          {copy.schemaHint}{" "}
          <a href="/definition.schema.json" download>
            definition.schema.json
          </a>
        </p>
      </section>
    </section>
  );
}
