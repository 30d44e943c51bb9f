import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { streamExport } from "~/export/export.server";
import { AWKWARD_ANSWERS } from "~/export/rows.test-helper";
import type { JsonExport } from "~/export/json";
import { completeAnswers, type Answers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { FILES, parseFile } from "./documents.test-helper";
import {
  importMsqFile,
  importMsqFileItems,
  importReadings,
  previewReadings,
  readMsqBytes,
  readMsqFileItems,
  type FileReading,
} from "./import-file.server";
import { inEnglish, refusalInEnglish } from "./messages.test-helper";

// The portal's JSON export goes back in through the importer with the same answers: submitted
// responses are exported, deleted, and imported from the export file. Against the run's seeded
// database, with countries no other test uses.

const ROUND = msq2020.round;
const COUNTRIES = ["ISL", "IRL", "LUX"] as const;
const ORIGINAL: Record<(typeof COUNTRIES)[number], Original> = {
  ISL: { answers: AWKWARD_ANSWERS, authorise: true, date: "2019-05-02", status: "SUBMITTED" },
  IRL: {
    answers: parseFile(FILES.rwanda).answers,
    authorise: false,
    date: null,
    status: "ACCEPTED",
  },
  LUX: {
    answers: parseFile(FILES.qatar).answers,
    authorise: null,
    date: "2019-04-30",
    status: "SUBMITTED",
  },
};
type Original = {
  answers: Answers;
  authorise: boolean | null;
  date: string | null;
  status: "SUBMITTED" | "ACCEPTED";
};

/** Every object's keys in code-unit order, nested objects included, arrays kept in order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) out[key] = sortedKeys(record[key]);
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), "msq-json-import-"));
const ours = { roundId: ROUND, countryCode: { in: [...COUNTRIES] } };

async function submitOriginals() {
  await prisma.response.deleteMany({ where: ours });
  for (const code of COUNTRIES) {
    const { answers, authorise, date, status } = ORIGINAL[code];
    const complete = completeAnswers(msq2020, answers);
    await prisma.response.create({
      data: {
        roundId: ROUND,
        countryCode: code,
        status,
        questionnaireVersion: msq2020.version,
        answers: complete,
        fieldVersions: {},
        revision: 2,
        authorizePublication: authorise,
        responseDate: date,
        submittedAt: new Date(),
        submissions: {
          create: {
            number: 1,
            questionnaireVersion: msq2020.version,
            answers: complete,
            authorizePublication: authorise,
          },
        },
      },
    });
  }
}

/** The export file of our three responses, as export:msq --format json writes it. */
async function exportFile(): Promise<string> {
  const stream = await streamExport(
    "json",
    {
      roundId: ROUND,
      statuses: ["SUBMITTED", "ACCEPTED"],
      region: "Europe",
      authorisedOnly: false,
    },
    { locale: "en" },
  );
  const document = JSON.parse(await text(stream.body)) as JsonExport;
  // Other test files leave responses in the shared database: keep only ours, in the same format.
  document.responses = document.responses.filter((r) =>
    (COUNTRIES as readonly string[]).includes(r.country),
  );
  const file = path.join(dir, "msq-2020-export.json");
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

afterAll(() => prisma.$disconnect());

describe("re-importing the JSON export", () => {
  it("gives back identical answers, authorisation and dates, then recognises the same file", async () => {
    await submitOriginals();
    const file = await exportFile();
    await prisma.response.deleteMany({ where: ours });

    const results = await importMsqFileItems(file, {
      questionnaire: msq2020,
      dryRun: false,
      force: false,
    });
    // The export lists countries by name: Iceland, Ireland, Luxembourg.
    expect(results.map((r) => r.ok && [r.parsed.country, r.source, r.import?.kind])).toEqual([
      ["ISL", "msq-2020-export.json#ISL", "created"],
      ["IRL", "msq-2020-export.json#IRL", "created"],
      ["LUX", "msq-2020-export.json#LUX", "created"],
    ]);

    for (const code of COUNTRIES) {
      const { answers, authorise, date } = ORIGINAL[code];
      const response = await prisma.response.findUniqueOrThrow({
        where: { roundId_countryCode: { roundId: ROUND, countryCode: code } },
        include: { submissions: true },
      });
      const expected = completeAnswers(msq2020, answers);
      expect(response).toMatchObject({
        status: "SUBMITTED",
        imported: true,
        importSource: `msq-2020-export.json#${code}`,
        authorizePublication: authorise,
        responseDate: date,
        importWarnings: [],
      });
      expect(response.answers).toEqual(expected);
      expect(response.submissions).toHaveLength(1);
      expect(response.submissions[0]!.answers).toEqual(expected);
      expect(response.submissions[0]!.authorizePublication).toBe(authorise);
      // The hash of the content, its keys sorted by the test's own means, not the importer's.
      const canonical = JSON.stringify(
        sortedKeys({
          country: code,
          response_date: date,
          authorize_publication: authorise,
          answers: expected,
        }),
      );
      expect(response.importHash).toBe(createHash("sha256").update(canonical).digest("hex"));
    }

    // Exported again (at another time, with other statuses), the same content changes nothing.
    const again = await importMsqFileItems(await exportFile(), {
      questionnaire: msq2020,
      dryRun: false,
      force: false,
    });
    expect(again.map((r) => r.import?.kind)).toEqual(["unchanged", "unchanged", "unchanged"]);
  });

  it("finds nothing to do when the export of unchanged responses comes back, imported or not", async () => {
    // Responses people submitted in the portal (no import hash), exported and imported back.
    await submitOriginals();
    const counts = async () => ({
      submissions: await prisma.submission.count({ where: { response: ours } }),
      events: await prisma.event.count({ where: { countryCode: { in: [...COUNTRIES] } } }),
    });
    const before = await counts();
    const responsesBefore = await prisma.response.findMany({ where: ours, orderBy: { id: "asc" } });
    const file = await exportFile();
    const readings = await readMsqFileItems(file, msq2020);
    const options = { questionnaire: msq2020, force: false };
    // The upload page's preview, then its confirm.
    for (const decide of [previewReadings, importReadings]) {
      const results = await decide(readings, options);
      expect(results.map((r) => r.import?.kind)).toEqual(["unchanged", "unchanged", "unchanged"]);
    }
    expect(await counts()).toEqual(before);
    expect(await prisma.response.findMany({ where: ours, orderBy: { id: "asc" } })).toEqual(
      responsesBefore,
    );
    // One answer differs: that response is no longer identical (and, not imported, is refused).
    const document = JSON.parse(readFileSync(file, "utf8")) as JsonExport;
    document.responses[0]!.answers.q1_national_portal = "https://changed.example";
    writeFileSync(file, JSON.stringify(document));
    const changed = await importReadings(await readMsqFileItems(file, msq2020), options);
    expect(changed.map((r) => r.import?.kind)).toEqual(["refused", "unchanged", "unchanged"]);
  });

  it("refuses, in the one-response API, an export of several responses", async () => {
    const file = path.join(dir, "several.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "msq-export",
        version: 1,
        round: ROUND,
        responses: [
          { country: "ISL", answers: {} },
          { country: "IRL", answers: {} },
        ],
      }),
    );
    const result = await importMsqFile(file, {
      questionnaire: msq2020,
      dryRun: true,
      force: false,
    });
    expect(result).toMatchObject({ ok: false, file });
    expect(errorOf(result)).toBe(
      "several.json holds 2 responses, not one: import it with npm run import:msq.",
    );
  });
});

/** A refusal in English; "" for a reading. */
const errorOf = (reading: FileReading | undefined) =>
  reading && !reading.ok ? refusalInEnglish(reading.error) : "";

describe("reading a JSON file", () => {
  const read = (json: string, name = "file.json") =>
    readMsqBytes(new TextEncoder().encode(json), `some/dir/${name}`, msq2020);

  it("refuses JSON that is not a portal export, and says why", () => {
    const [wrong] = read('{"country": "ISL"}');
    expect(wrong).toEqual({
      ok: false,
      file: "some/dir/file.json",
      error: {
        problem: {
          code: "inFile",
          values: { name: "file.json", problem: { code: "invalidJsonExport", values: {} } },
        },
        details: [{ code: "wrongFormat", values: { format: "msq-export" } }],
      },
    });
    expect(errorOf(wrong)).toBe(
      'file.json: This is not a valid MSQ JSON export:\n- "format" must be "msq-export".',
    );
    expect(errorOf(read("[1, 2", "broken.json")[0])).toMatch(
      /^broken\.json: This is not a valid MSQ JSON export:\n- it is not JSON/,
    );
  });

  it("refuses an export of another round, an empty export, and unknown fields", () => {
    const exported = (round: string, responses: unknown[]) =>
      JSON.stringify({ format: "msq-export", version: 1, round, responses });
    expect(errorOf(read(exported("1999", []))[0])).toMatch(
      /holds responses to the MSQ 1999, not to the MSQ 2020: import it into round 1999/,
    );
    expect(errorOf(read(exported(ROUND, []))[0])).toBe(
      "file.json is an MSQ JSON export that holds no responses.",
    );
    const unknown = read(exported(ROUND, [{ country: "ISL", answers: { q99: "x" } }]));
    expect(errorOf(unknown[0])).toMatch(/answers\.q99 is not a field of the MSQ 2020/);
  });

  it("reads an export whatever the file is called, and warns of fields left out", () => {
    const json = JSON.stringify({
      format: "msq-export",
      version: 1,
      round: ROUND,
      responses: [{ country: "ISL", answers: { q1_national_portal: "https://island.is" } }],
    });
    const [reading] = read(json, "export.txt");
    expect(reading).toMatchObject({
      ok: true,
      source: "export.txt#ISL",
      parsed: {
        country: "ISL",
        responseDate: null,
        authorizePublication: null,
        answers: expect.objectContaining({ q1_national_portal: "https://island.is" }),
        warnings: [{ field: null, code: "fieldsNotInFile" }],
      },
    });
    expect(reading!.ok && inEnglish(reading!.parsed.warnings[0]!)).toMatch(/not in the file/);
  });
});
