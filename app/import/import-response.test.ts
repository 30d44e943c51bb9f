import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { copyFor } from "~/i18n/catalogues.server";
import { loadReviewPage } from "~/routes/review.$code/page.server";
import { fieldKeys } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { FILES, parseFile } from "./documents.test-helper";
import { importMessage, storedWarningMessage } from "./import-messages";
import { inEnglish } from "./messages.test-helper";
import {
  importParsedResponse,
  previewParsedResponse,
  type ImportRequest,
} from "./import-response.server";

// Against the run's migrated and seeded database. Each test files its response under a country
// that has none yet for the round, with random hashes, so the tests do not depend on order or
// on other test files.

const ROUND = msq2020.round;
const hash = () => randomBytes(32).toString("hex");

// Countries no other test file uses, so tests never collide (the database is shared by the run).
const RESERVED = ["KIR", "NRU", "PLW", "MHL", "FSM", "SLB", "VUT", "WSM", "TON"];

async function freeCountry(): Promise<string> {
  const taken = await prisma.response.findMany({
    where: { roundId: ROUND, countryCode: { in: RESERVED } },
    select: { countryCode: true },
  });
  const free = RESERVED.find((code) => !taken.some((t) => t.countryCode === code));
  if (!free) throw new Error("no reserved country left for this test file");
  return free;
}

async function request(
  file: string,
  country: string,
  overrides: Partial<ImportRequest> = {},
): Promise<ImportRequest> {
  return {
    round: ROUND,
    file: file.split("/").pop()!,
    contentHash: hash(),
    parsed: { ...parseFile(file), country },
    force: false,
    ...overrides,
  };
}

const eventsOf = (responseId: string) =>
  prisma.event.findMany({ where: { responseId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

afterAll(() => prisma.$disconnect());

describe("importing a parsed questionnaire", () => {
  it("creates, keeps, refuses over people's edits, and replaces with force keeping the old answers", async () => {
    const country = await freeCountry();
    const first = await request(FILES.rwanda, country);

    const created = await importParsedResponse(first);
    expect(created).toMatchObject({ kind: "created", responseId: expect.any(String) });
    const responseId = created.responseId!;
    const response = await prisma.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(response).toMatchObject({
      roundId: ROUND,
      countryCode: country,
      status: "SUBMITTED",
      questionnaireVersion: msq2020.version,
      authorizePublication: true,
      responseDate: "2019-03-30",
      imported: true,
      importSource: "000_f67a2f1eeb1a7d5d.txt",
      importHash: first.contentHash,
      revision: 1,
      fieldVersions: {},
    });
    expect(response.importedAt).toBeInstanceOf(Date);
    expect(response.submittedAt).toBeInstanceOf(Date);
    expect(Object.keys(response.answers as object).sort()).toEqual(fieldKeys(msq2020).sort());
    expect(response.answers).toEqual(first.parsed.answers);
    expect(response.importWarnings).toEqual(first.parsed.warnings);
    // Stored as codes and values, in no language: pages put them into their reader's. (In any
    // order: PostgreSQL's jsonb keeps an object's keys in its own order.)
    for (const warning of response.importWarnings as Record<string, unknown>[]) {
      expect(Object.keys(warning).sort()).toEqual(["code", "field", "values"]);
    }

    const submissions = await prisma.submission.findMany({ where: { responseId } });
    expect(submissions).toEqual([
      expect.objectContaining({
        number: 1,
        imported: true,
        authorizePublication: true,
        answers: first.parsed.answers,
      }),
    ]);
    const [imported] = await eventsOf(responseId);
    const filled = fieldKeys(msq2020).filter((key) => first.parsed.answers[key] !== null);
    expect(imported).toMatchObject({
      kind: "response.imported",
      countryCode: country,
      actorId: null,
      fields: filled,
      data: { file: first.file, hash: first.contentHash, warnings: first.parsed.warnings.length },
    });

    // The same file again: nothing changes.
    expect(await importParsedResponse(first)).toEqual({ kind: "unchanged", responseId });
    expect(await prisma.submission.count({ where: { responseId } })).toBe(1);
    expect(await eventsOf(responseId)).toHaveLength(1);

    // Someone edits the response; a different file must not overwrite that work…
    await prisma.event.create({
      data: {
        kind: "response.saved",
        countryCode: country,
        responseId,
        fields: ["q1_national_portal"],
      },
    });
    const second = await request(FILES.qatar, country);
    const refused = await importParsedResponse(second);
    expect(refused).toMatchObject({
      kind: "refused",
      responseId,
      reason: {
        code: "editedSinceImport",
        values: { country, round: ROUND, kind: "response.saved" },
      },
    });
    expect(inEnglish(refused.reason!)).toMatch(/--force/);
    expect(await prisma.response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({
      importHash: first.contentHash,
      revision: 1,
    });

    // … unless forced, and then what it replaces stays in the event log.
    const forced = await importParsedResponse({ ...second, force: true });
    expect(forced).toEqual({ kind: "replaced", responseId });
    const replacedResponse = await prisma.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(replacedResponse).toMatchObject({
      importHash: second.contentHash,
      importSource: "002_a69647225b3eefc9.txt",
      revision: 2,
      authorizePublication: null,
      responseDate: "2019-04-30",
      status: "SUBMITTED",
    });
    expect(replacedResponse.answers).toEqual(second.parsed.answers);
    const events = await eventsOf(responseId);
    expect(events.map((e) => e.kind)).toEqual([
      "response.imported",
      "response.saved",
      "response.import_replaced",
      "response.imported",
    ]);
    expect(events[2]!.data).toMatchObject({
      forced: true,
      previous: {
        answers: first.parsed.answers,
        authorizePublication: true,
        revision: 1,
        importHash: first.contentHash,
      },
    });
    const numbers = await prisma.submission.findMany({
      where: { responseId },
      orderBy: { number: "asc" },
    });
    expect(numbers.map((s) => [s.number, s.imported])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it("replaces a response that was only ever imported, without force", async () => {
    const country = await freeCountry();
    const first = await importParsedResponse(await request(FILES.tajikistan, country));
    const second = await importParsedResponse(await request(FILES.iran, country));
    expect(second).toEqual({ kind: "replaced", responseId: first.responseId });
    const events = await eventsOf(first.responseId!);
    expect(events.map((e) => e.kind)).toEqual([
      "response.imported",
      "response.import_replaced",
      "response.imported",
    ]);
    expect(events[1]!.data).toMatchObject({
      forced: false,
      previous: { answers: expect.objectContaining({ q1_national_portal: "Hukumat.tj" }) },
    });
  });

  it("refuses a response that people created, unless forced", async () => {
    const country = await freeCountry();
    await prisma.response.create({
      data: {
        roundId: ROUND,
        countryCode: country,
        questionnaireVersion: msq2020.version,
        answers: {},
        fieldVersions: {},
        revision: 3,
      },
    });
    const attempt = await request(FILES.rwanda, country);
    const notImported = await importParsedResponse(attempt);
    expect(notImported).toMatchObject({
      kind: "refused",
      reason: { code: "notCreatedByImport", values: { country, round: ROUND } },
    });
    expect(inEnglish(notImported.reason!)).toMatch(/not created by an import/);
    expect(await importParsedResponse({ ...attempt, force: true })).toMatchObject({
      kind: "replaced",
    });
    const response = await prisma.response.findFirstOrThrow({
      where: { roundId: ROUND, countryCode: country },
    });
    expect(response.revision).toBe(4);
    expect(await prisma.submission.findFirst({ where: { responseId: response.id } })).toMatchObject(
      { number: 1 },
    );
  });

  it("previews what importing would do, writing nothing", async () => {
    const country = await freeCountry();
    const first = await request(FILES.rwanda, country);
    const written = () => prisma.response.count({ where: { countryCode: country } });
    expect(await previewParsedResponse(first)).toEqual({ kind: "created" });
    expect(await written()).toBe(0);

    const { responseId } = await importParsedResponse(first);
    expect(await previewParsedResponse(first)).toEqual({ kind: "unchanged", responseId });
    const second = await request(FILES.qatar, country);
    expect(await previewParsedResponse(second)).toEqual({ kind: "replaced", responseId });
    await prisma.event.create({
      data: { kind: "response.saved", countryCode: country, responseId, fields: [] },
    });
    const preview = await previewParsedResponse(second);
    expect(preview).toMatchObject({ kind: "refused", responseId });
    expect(inEnglish(preview.reason!)).toMatch(
      /worked on since its import \("response\.saved" on \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    expect(await previewParsedResponse({ ...second, force: true })).toEqual({
      kind: "replaced",
      responseId,
    });
    expect(await eventsOf(responseId!)).toHaveLength(2);
    expect(await prisma.response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({
      importHash: first.contentHash,
      revision: 1,
    });
  });

  it("refuses an unknown round or country without writing anything", async () => {
    const parsed = parseFile(FILES.rwanda);
    expect(
      await importParsedResponse({
        round: "1999",
        file: "x.txt",
        contentHash: hash(),
        parsed,
        force: false,
      }),
    ).toMatchObject({ kind: "refused" });
    const nowhere = { ...parsed, country: "XXX" };
    expect(
      await importParsedResponse({
        round: ROUND,
        file: "x.txt",
        contentHash: hash(),
        parsed: nowhere,
        force: false,
      }),
    ).toMatchObject({
      kind: "refused",
      reason: { code: "countryNotInDatabase", values: { country: "XXX" } },
    });
  });
});

describe("the import warnings on the reviewer's page", () => {
  it("shows them in the reviewer's language, and those stored as sentences before as they are", async () => {
    const country = await freeCountry();
    const imported = await request(FILES.rwanda, country);
    const { responseId } = await importParsedResponse(imported);
    const fr = copyFor("fr");
    const page = await loadReviewPage(country, "REVIEWER", "fr");
    expect(page.importWarnings.map((w) => storedWarningMessage(fr, w))).toEqual(
      imported.parsed.warnings.map((w) => importMessage(fr, w)),
    );

    // A response imported before warnings were codes (a production database's older rows).
    const old = [
      {
        field: "q4_has_cio",
        message: 'No explicit Yes/No; read as "yes" because q4_cio_name is filled in.',
      },
      { field: null, message: "The date was not found after the introduction." },
    ];
    await prisma.response.update({ where: { id: responseId }, data: { importWarnings: old } });
    const before = await loadReviewPage(country, "REVIEWER", "fr");
    expect(before.importWarnings).toEqual(old);
    expect(before.importWarnings.map((w) => storedWarningMessage(fr, w))).toEqual(
      old.map((w) => w.message),
    );
  });
});

describe("the file a response is read from", () => {
  it("is kept with the submission it produced, once, and served to reviewers from the page", async () => {
    const country = await freeCountry();
    const bytes = new TextEncoder().encode("the file's bytes");
    const document = {
      name: "rwanda.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      sha256: hash(),
      bytes,
    };
    const first = await request(FILES.rwanda, country, { document, contentHash: document.sha256 });
    const { responseId } = await importParsedResponse(first);
    const stored = await prisma.sourceDocument.findMany({
      where: { responseId: responseId! },
      include: { submission: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      filename: "rwanda.docx",
      contentType: document.contentType,
      sha256: document.sha256,
      size: bytes.length,
      submission: { number: 1, imported: true },
    });
    expect(new Uint8Array(stored[0]!.bytes)).toEqual(bytes);

    // The same file again changes nothing: no second submission, no second copy.
    expect(await importParsedResponse(first)).toMatchObject({ kind: "unchanged" });
    expect(await prisma.sourceDocument.count({ where: { responseId: responseId! } })).toBe(1);

    const page = await loadReviewPage(country, "REVIEWER", "en");
    expect(page.sourceDocument).toEqual({
      id: stored[0]!.id,
      filename: "rwanda.docx",
      size: bytes.length,
    });
  });
});
