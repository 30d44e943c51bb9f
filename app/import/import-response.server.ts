import { prisma } from "~/db.server";
import { type Prisma, ResponseStatus } from "~/generated/prisma/client";
import { requireQuestionnaire, UnknownQuestionnaireError } from "~/models/questionnaire.server";
import { completeAnswers, type Questionnaire } from "~/questionnaire";
import type { SourceFile } from "./import-file.server";
import type { ParsedMsq } from "./parse-msq";
import { problem, type ImportProblem } from "./problems";

// Files an imported questionnaire as its country's response for a round: the response, an
// immutable submission and the event, in one transaction. Importing the same file again changes
// nothing, and so does a file whose content the response already holds (the portal's own JSON
// export of it, say); a different file replaces an imported response, but never silently one
// that people have edited since (that needs `force`), and what it replaces is kept in the event
// log.

export type ImportOutcome = {
  /** "unchanged": the response already holds this content (the same file, or identical answers). */
  kind: "created" | "replaced" | "unchanged" | "refused";
  responseId?: string;
  /** Why it is refused, put into words where it is shown. */
  reason?: ImportProblem;
};

export type ImportRequest = {
  /** The round's id ("2020"), which names its questionnaire definition. */
  round: string;
  /** The file's base name, as recorded on the response. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  contentHash: string;
  parsed: ParsedMsq;
  /** The file itself, stored with the submission it produces; none for a JSON export's. */
  document?: SourceFile | null;
  force: boolean;
  actorId?: string | null;
};

/** Events the importer writes itself; any other event on a response is someone's work. */
const IMPORT_EVENT_KINDS = ["response.imported", "response.import_replaced"];

type Tx = Prisma.TransactionClient;

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** What importing would do, decided inside the transaction that then does it. */
type ImportPlan =
  | { action: "refuse"; outcome: ImportOutcome }
  | { action: "create" }
  | { action: "keep"; existing: ExistingResponse }
  | { action: "replace"; existing: ExistingResponse; edited: ImportProblem | null };

type ExistingResponse = NonNullable<Awaited<ReturnType<Tx["response"]["findUnique"]>>>;

/** The round's questionnaire, read before any transaction opens; null when it has none. */
async function questionnaireOf(round: string): Promise<Questionnaire | null> {
  try {
    return await requireQuestionnaire(round);
  } catch (error) {
    if (error instanceof UnknownQuestionnaireError) return null;
    throw error;
  }
}

async function planImport(
  tx: Tx,
  request: ImportRequest,
  questionnaire: Questionnaire | null,
): Promise<ImportPlan> {
  const { round, contentHash, parsed, force } = request;
  const refuse = (reason: ImportProblem, responseId?: string): ImportPlan => ({
    action: "refuse",
    outcome: { kind: "refused", ...(responseId ? { responseId } : {}), reason },
  });
  if (!questionnaire) return refuse(problem("noQuestionnaire", { round }));
  const countryCode = parsed.country;
  if (!countryCode) return refuse(problem("countryUnknown"));
  if (!(await tx.round.findUnique({ where: { id: round } })))
    return refuse(problem("roundNotInDatabase", { round }));
  if (!(await tx.country.findUnique({ where: { code: countryCode } })))
    return refuse(problem("countryNotInDatabase", { country: countryCode }));
  const existing = await tx.response.findUnique({
    where: { roundId_countryCode: { roundId: round, countryCode } },
  });
  if (!existing) return { action: "create" };
  if (existing.importHash === contentHash) return { action: "keep", existing };
  if (holdsContent(existing, parsed, completeAnswers(questionnaire, parsed.answers)))
    return { action: "keep", existing };
  const edited = await peoplesWorkSinceImport(tx, existing, { country: countryCode, round });
  if (edited && !force) return refuse(edited, existing.id);
  return { action: "replace", existing, edited };
}

/**
 * What importing the request would do now (created, replaced, unchanged or refused and why),
 * without writing anything: the same decision importParsedResponse takes.
 */
export async function previewParsedResponse(request: ImportRequest): Promise<ImportOutcome> {
  const questionnaire = await questionnaireOf(request.round);
  const plan = await prisma.$transaction((tx) => planImport(tx, request, questionnaire));
  switch (plan.action) {
    case "refuse":
      return plan.outcome;
    case "create":
      return { kind: "created" };
    case "keep":
      return { kind: "unchanged", responseId: plan.existing.id };
    case "replace":
      return { kind: "replaced", responseId: plan.existing.id };
  }
}

export async function importParsedResponse(request: ImportRequest): Promise<ImportOutcome> {
  const { round, file, contentHash, parsed, document = null, actorId = null } = request;
  const questionnaire = await questionnaireOf(round);
  if (!questionnaire) return { kind: "refused", reason: problem("noQuestionnaire", { round }) };
  const countryCode = parsed.country;
  if (!countryCode) return { kind: "refused", reason: problem("countryUnknown") };
  const answers = completeAnswers(questionnaire, parsed.answers);
  const filled = Object.keys(answers).filter((key) => answers[key] !== null);

  return prisma.$transaction(async (tx): Promise<ImportOutcome> => {
    const plan = await planImport(tx, request, questionnaire);
    if (plan.action === "refuse") return plan.outcome;
    if (plan.action === "keep") return { kind: "unchanged", responseId: plan.existing.id };
    const now = new Date();
    const imported = {
      status: ResponseStatus.SUBMITTED,
      questionnaireVersion: questionnaire.version,
      answers: json(answers),
      authorizePublication: parsed.authorizePublication,
      responseDate: parsed.responseDate,
      imported: true,
      importSource: file,
      importHash: contentHash,
      importWarnings: json(parsed.warnings),
      importedAt: now,
      submittedAt: now,
      updatedById: actorId,
    };
    const importedEvent = (responseId: string) =>
      tx.event.create({
        data: {
          kind: "response.imported",
          at: now,
          actorId,
          countryCode,
          responseId,
          fields: json(filled),
          data: json({ file, hash: contentHash, warnings: parsed.warnings.length }),
        },
      });
    const submission = (responseId: string, number: number) =>
      tx.submission.create({
        data: {
          responseId,
          number,
          questionnaireVersion: questionnaire.version,
          answers: json(answers),
          authorizePublication: parsed.authorizePublication,
          submittedById: actorId,
          imported: true,
          // What the country sent, downloadable by reviewers beside what was read from it.
          ...(document
            ? {
                source: {
                  create: {
                    responseId,
                    filename: document.name,
                    contentType: document.contentType,
                    sha256: document.sha256,
                    size: document.bytes.length,
                    bytes: Buffer.from(document.bytes),
                  },
                },
              }
            : {}),
        },
      });

    if (plan.action === "create") {
      const response = await tx.response.create({
        data: { ...imported, roundId: round, countryCode, fieldVersions: json({}), revision: 1 },
      });
      await submission(response.id, 1);
      await importedEvent(response.id);
      return { kind: "created", responseId: response.id };
    }

    const { existing, edited } = plan;
    await tx.event.create({
      data: {
        kind: "response.import_replaced",
        at: now,
        actorId,
        countryCode,
        responseId: existing.id,
        fields: json(changedFields(existing.answers, answers)),
        data: json({
          file,
          hash: contentHash,
          forced: Boolean(edited),
          previous: {
            answers: existing.answers,
            authorizePublication: existing.authorizePublication,
            responseDate: existing.responseDate,
            status: existing.status,
            revision: existing.revision,
            importSource: existing.importSource,
            importHash: existing.importHash,
          },
        }),
      },
    });
    const revision = existing.revision + 1;
    // Fields the import changes get the new revision, so an edit begun before it conflicts.
    const fieldVersions = {
      ...asRecord(existing.fieldVersions),
      ...Object.fromEntries(changedFields(existing.answers, answers).map((key) => [key, revision])),
    };
    await tx.response.update({
      where: { id: existing.id },
      data: { ...imported, revision, fieldVersions: json(fieldVersions), acceptedAt: null },
    });
    const last = await tx.submission.aggregate({
      where: { responseId: existing.id },
      _max: { number: true },
    });
    await submission(existing.id, (last._max.number ?? 0) + 1);
    await importedEvent(existing.id);
    return { kind: "replaced", responseId: existing.id };
  });
}

/**
 * Why the response counts as people's work, or null: it was not created by an import, or
 * something other than the importer happened to it since its last import.
 */
async function peoplesWorkSinceImport(
  tx: Tx,
  response: { id: string; imported: boolean; importedAt: Date | null },
  which: { country: string; round: string },
): Promise<ImportProblem | null> {
  if (!response.imported || !response.importedAt) return problem("notCreatedByImport", which);
  const since = await tx.event.findFirst({
    where: {
      responseId: response.id,
      kind: { notIn: IMPORT_EVENT_KINDS },
      at: { gte: response.importedAt },
    },
    orderBy: { at: "desc" },
  });
  if (!since) return null;
  // When, as every language can read it: "2026-12-02 14:20 UTC".
  const at = `${since.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return problem("editedSinceImport", { ...which, kind: since.kind, at });
}

/** Whether the response already holds exactly these answers, this authorisation and this date. */
function holdsContent(
  response: ExistingResponse,
  parsed: ParsedMsq,
  answers: Record<string, unknown>,
): boolean {
  return (
    changedFields(response.answers, answers).length === 0 &&
    response.authorizePublication === parsed.authorizePublication &&
    response.responseDate === parsed.responseDate
  );
}

function asRecord(value: Prisma.JsonValue): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function changedFields(before: Prisma.JsonValue, after: Record<string, unknown>): string[] {
  const previous = asRecord(before);
  return Object.keys(after).filter(
    (key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(after[key]),
  );
}
