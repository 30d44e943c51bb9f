import { randomBytes } from "node:crypto";
import { buffer, text } from "node:stream/consumers";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { ResponseStatus } from "~/generated/prisma/enums";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { allQuestions, completeAnswers, fieldKeys } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import type { AnswerValue, Answers } from "~/questionnaire/types";
import { loader as exportsLoader } from "~/routes/exports";
import { loadExportRows, streamExport } from "./export.server";
import type { ExportFilters, WideExportFormat } from "./filters";
import { parseJsonExport, type JsonExport } from "./json";
import { findPublishedResponse, listPublishedResponses } from "./published.server";
import { AWKWARD_ANSWERS } from "./rows.test-helper";
import { readWorkbook } from "./xlsx.test-helper";

// Exports and publication against the real database: responses with submissions created
// directly, files read back with real parsers (csv-parse, exceljs).

afterAll(() => prisma.$disconnect());

const ROUND = "2020";
type Fixture = {
  code: string;
  status: ResponseStatus;
  /** Each submission's answers and authorisation, oldest first. */
  submissions: { answers: Answers; authorise: boolean | null }[];
  /** The working copy, when it differs from the last submission (a later draft). */
  draft?: Answers;
};

const answers = (extra: Answers) => completeAnswers(msq2020, extra);
const FIXTURES: Fixture[] = [
  {
    code: "NOR",
    status: "SUBMITTED",
    submissions: [
      { answers: answers({ q1_national_portal: "https://old.norway.example" }), authorise: false },
      { answers: answers(AWKWARD_ANSWERS), authorise: true },
    ],
    draft: { ...AWKWARD_ANSWERS, q1_national_portal: "https://later-draft.example" },
  },
  {
    code: "SWE",
    status: "ACCEPTED",
    submissions: [
      { answers: answers({ q4_has_cio: "no", q14_social_media: "Sweden" }), authorise: true },
    ],
  },
  {
    // Authorised once, then submitted again without: the accepted snapshot decides.
    code: "FIN",
    status: "ACCEPTED",
    submissions: [
      { answers: answers({ q14_social_media: "Finland, first" }), authorise: true },
      { answers: answers({ q14_social_media: "Finland, second" }), authorise: false },
    ],
  },
  {
    code: "DNK",
    status: "RETURNED",
    submissions: [{ answers: answers({ q10_collects_usage_stats: "yes" }), authorise: true }],
  },
  {
    code: "NZL",
    status: "SUBMITTED",
    submissions: [{ answers: answers({ x2_heard_from: ["linkedin"] }), authorise: null }],
  },
  // Never submitted: never exported, whatever its status says.
  { code: "ISL", status: "DRAFT", submissions: [], draft: { q14_social_media: "Iceland draft" } },
];
const OURS = FIXTURES.map((f) => f.code);
const NAMES: Record<string, string> = {
  DNK: "Denmark",
  FIN: "Finland",
  ISL: "Iceland",
  NOR: "Norway",
  NZL: "New Zealand",
  SWE: "Sweden",
};

beforeAll(async () => {
  await prisma.response.deleteMany({ where: { roundId: ROUND, countryCode: { in: OURS } } });
  for (const fixture of FIXTURES) {
    const last = fixture.submissions.at(-1);
    await prisma.response.create({
      data: {
        roundId: ROUND,
        countryCode: fixture.code,
        status: fixture.status,
        questionnaireVersion: msq2020.version,
        answers: fixture.draft ?? last?.answers ?? {},
        fieldVersions: {},
        // The working copy says "authorised" everywhere: only snapshots may count.
        authorizePublication: true,
        responseDate: fixture.code === "SWE" ? "2019-03-30" : null,
        submittedAt: last ? new Date("2026-03-30T09:00:00Z") : null,
        acceptedAt: fixture.status === "ACCEPTED" ? new Date("2026-04-02T10:00:00Z") : null,
        submissions: {
          create: fixture.submissions.map((s, i) => ({
            number: i + 1,
            questionnaireVersion: msq2020.version,
            answers: s.answers,
            authorizePublication: s.authorise,
          })),
        },
      },
    });
  }
});

const filters = (extra: Partial<ExportFilters> = {}): ExportFilters => ({
  roundId: ROUND,
  statuses: ["SUBMITTED", "ACCEPTED"],
  authorisedOnly: false,
  ...extra,
});
const ours = <T extends { country?: string; country_code?: string; countryCode?: string }>(
  rows: T[],
) => rows.filter((r) => OURS.includes(r.country ?? r.country_code ?? r.countryCode ?? ""));
const lastSubmission = (code: string) => FIXTURES.find((f) => f.code === code)!.submissions.at(-1)!;

async function download(format: WideExportFormat, chosen = filters(), locale: Locale = "en") {
  const file = await streamExport(format, chosen, {
    locale,
    exportedAt: new Date("2026-11-22T12:00:00Z"),
  });
  return { file, bytes: await buffer(file.body) };
}

/** What a spreadsheet cell must hold for an answer, by the column rules. */
/** The cells a file should hold: CSV text neutralised as a spreadsheet needs, XLSX exact. */
function expectedCells(stored: Answers, format: "csv" | "xlsx"): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const q of allQuestions(msq2020)) {
    const value: AnswerValue = stored[q.key] ?? null;
    if (q.type === "multi") {
      for (const option of q.options)
        cells[`${q.key}.${option.key}`] = Array.isArray(value)
          ? value.includes(option.key)
            ? "1"
            : "0"
          : "";
    } else if (typeof value !== "string") cells[q.key] = "";
    else if (format === "xlsx" || /^[+-]?\d+(\.\d+)?$/.test(value)) cells[q.key] = value;
    else cells[q.key] = value.replace(/^([=+\-@\t\r])/, "'$1");
  }
  return cells;
}

describe("loadExportRows", () => {
  it("exports the latest submission of submitted and accepted responses, by country name", async () => {
    const rows = ours(await loadExportRows(filters()));
    expect(rows.map((r) => r.countryCode)).toEqual(["FIN", "NZL", "NOR", "SWE"]);
    const norway = rows.find((r) => r.countryCode === "NOR")!;
    expect(norway.answers).toEqual(answers(AWKWARD_ANSWERS));
    expect(norway.authorizePublication).toBe(true);
    const finland = rows.find((r) => r.countryCode === "FIN")!;
    expect(finland.answers.q14_social_media).toBe("Finland, second");
    expect(finland.authorizePublication).toBe(false);
  });

  it("filters by status, region and authorisation of the exported snapshot", async () => {
    const codes = async (chosen: ExportFilters) =>
      ours(await loadExportRows(chosen)).map((r) => r.countryCode);
    expect(await codes(filters({ statuses: ["RETURNED"] }))).toEqual(["DNK"]);
    expect(await codes(filters({ statuses: ["SUBMITTED", "RETURNED", "ACCEPTED"] }))).toEqual([
      "DNK",
      "FIN",
      "NZL",
      "NOR",
      "SWE",
    ]);
    expect(await codes(filters({ region: "Oceania" }))).toEqual(["NZL"]);
    expect(await codes(filters({ authorisedOnly: true }))).toEqual(["NOR", "SWE"]);
    const all = await loadExportRows(filters({ region: "Europe", statuses: ["ACCEPTED"] }));
    expect(all.every((r) => r.region === "Europe" && r.status === "ACCEPTED")).toBe(true);
  });
});

describe("streamExport", () => {
  it("CSV read back with csv-parse holds the submitted answers exactly", async () => {
    const { file, bytes } = await download("csv", filters({ region: "Europe" }));
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe("msq-2020-responses-20261122.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = ours(parse(bytes, { bom: true, columns: true }) as Record<string, string>[]);
    expect(records.map((r) => r.country_code)).toEqual(["FIN", "NOR", "SWE"]);
    for (const record of records) {
      const code = record.country_code!;
      expect(record).toMatchObject(expectedCells(lastSubmission(code).answers, "csv"));
      expect(record.country_name).toBe(NAMES[code]);
    }
    const norway = records.find((r) => r.country_code === "NOR")!;
    expect(norway).toMatchObject({
      status: "SUBMITTED",
      region: "Europe",
      imported: "0",
      submitted_at: "2026-03-30T09:00:00.000Z",
      accepted_at: "",
      authorize_publication: "1",
      q4_cio_name: `'${AWKWARD_ANSWERS.q4_cio_name as string}`,
      q7_egov_strategy: "الاستراتيجية الوطنية للحكومة الإلكترونية 2025",
      q6_development_strategy: AWKWARD_ANSWERS.q6_development_strategy,
      q1_national_portal: "https://portal.gov.example\nhttps://services.gov.example",
    });
  });

  it("XLSX read back with exceljs holds the same answers", async () => {
    const { file, bytes } = await download(
      "xlsx",
      filters({ statuses: ["SUBMITTED", "RETURNED", "ACCEPTED"] }),
    );
    expect(file.filename).toBe("msq-2020-responses-20261122.xlsx");
    const workbook = await readWorkbook(bytes);
    const sheet = workbook.getWorksheet("Answers")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const records = ours(
      sheet.getRows(2, sheet.rowCount - 1)!.map((row) =>
        Object.fromEntries(
          header.map((name, i) => {
            const value = row.getCell(i + 1).value;
            return [name, value === null || value === undefined ? "" : String(value)];
          }),
        ),
      ),
    );
    expect(records.map((r) => r.country_code)).toEqual(["DNK", "FIN", "NZL", "NOR", "SWE"]);
    for (const record of records) {
      const expected = expectedCells(lastSubmission(record.country_code!).answers, "xlsx");
      // XLSX keeps line breaks as Excel's own, LF.
      for (const key of Object.keys(expected))
        expected[key] = expected[key]!.replace(/\r\n/g, "\n");
      expect(record).toMatchObject(expected);
    }
    const norway = records.find((r) => r.country_code === "NOR")!;
    expect(norway.q4_cio_name).toBe(AWKWARD_ANSWERS.q4_cio_name);
    expect(norway.q7_egov_strategy).toBe(AWKWARD_ANSWERS.q7_egov_strategy);
    expect(norway.q1_national_portal).toBe(AWKWARD_ANSWERS.q1_national_portal);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Answers", "Columns", "Export"]);
    expect(file.language).toBe("en");
  });

  it("JSON read back with parseJsonExport gives identical answers", async () => {
    const { file, bytes } = await download("json", filters({ authorisedOnly: true }));
    expect(file.contentType).toBe("application/json; charset=utf-8");
    const document = JSON.parse(bytes.toString("utf8"));
    expect(document.filters).toEqual({
      status: ["SUBMITTED", "ACCEPTED"],
      region: null,
      authorised_only: true,
    });
    // Read first with plain JSON.parse, not only with the portal's own reader, so a writer and
    // reader wrong in the same way cannot agree.
    const raw = (document.responses as { country: string; [key: string]: unknown }[]).filter((r) =>
      ["NOR", "SWE"].includes(r.country),
    );
    expect(raw.map((r) => r.country)).toEqual(["NOR", "SWE"]);
    expect(raw[0]).toMatchObject({
      country_name: "Norway",
      answers: {
        q4_cio_name: AWKWARD_ANSWERS.q4_cio_name,
        q7_egov_strategy: "الاستراتيجية الوطنية للحكومة الإلكترونية 2025",
        q1_national_portal: "https://portal.gov.example\nhttps://services.gov.example",
      },
    });
    expect(raw[1]).toMatchObject({ response_date: "2019-03-30" });
    const parsed = ours(parseJsonExport(bytes.toString("utf8"), msq2020).responses);
    expect(parsed.map((r) => r.country)).toEqual(["NOR", "SWE"]);
    for (const response of parsed) {
      expect(response.answers).toEqual(lastSubmission(response.country).answers);
      expect(response.warnings).toEqual([]);
    }
    expect(parsed.find((r) => r.country === "SWE")!.response_date).toBe("2019-03-30");
  });

  it("streams the body: the CSV comes in several chunks", async () => {
    const file = await streamExport("csv", filters(), { locale: "en" });
    let chunks = 0;
    for await (const _chunk of file.body) chunks++;
    expect(chunks).toBeGreaterThan(1);
    expect(file.responses).toBeGreaterThanOrEqual(4);
    expect(await text((await streamExport("csv", filters(), { locale: "en" })).body)).toContain(
      "Norway",
    );
  });
});

/** The Answers sheet (the first, whatever its name in the language) and the Columns sheet. */
async function sheets(bytes: Buffer) {
  const workbook = await readWorkbook(bytes);
  const rows = (index: number) => {
    const sheet = workbook.worksheets[index]!;
    return sheet
      .getRows(1, sheet.rowCount)!
      .map((row) => Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
  };
  return { names: workbook.worksheets.map((s) => s.name), answers: rows(0), columns: rows(1) };
}

describe("streamExport in a language", () => {
  const all = filters({ statuses: ["SUBMITTED", "RETURNED", "ACCEPTED"] });

  it.each(["fr", "ar"] as const)(
    "XLSX in %s: the round's questions in it from the stored definition, the English keys and cells",
    async (locale) => {
      const english = await sheets((await download("xlsx", all)).bytes);
      const { file, bytes } = await download("xlsx", all, locale);
      expect(file.language).toBe(locale);
      const local = await sheets(bytes);
      const copy = copyFor(locale).exports;
      expect(local.names).toEqual([
        copy.answersSheet.name,
        copy.columnsSheet.name,
        copy.exportSheet.name,
      ]);
      // Header row and every cell exactly as in English: the keys are the contract.
      expect(local.answers).toEqual(english.answers);
      expect(local.columns.map((row) => row[0])).toEqual(
        english.columns.map((row, i) => (i === 0 ? copy.columnsSheet.column : row[0])),
      );
      // The questions as the stored definition words them in the language.
      const worded = localizeDefinition(msq2020Definition, locale);
      const question = (key: string) => allQuestions(worded).find((q) => q.key === key)!.text;
      const row = (column: string) => local.columns.find((r) => r[0] === column)!;
      expect(row("q4_has_cio")[2]).toBe(question("q4_has_cio"));
      expect(row("q8_strategy_features.aligned_sdgs")[2]).toBe(question("q8_strategy_features"));
      expect(row("q4_has_cio")[2]).not.toBe(english.columns.find((r) => r[0] === "q4_has_cio")![2]);
    },
  );

  it.each(["fr", "ar"] as const)(
    "JSON in %s: the questions in it, the same keys and answers as in English",
    async (locale) => {
      const english = JSON.parse((await download("json")).bytes.toString("utf8")) as JsonExport;
      const { file, bytes } = await download("json", filters(), locale);
      expect(file.language).toBe(locale);
      const document = JSON.parse(bytes.toString("utf8")) as JsonExport;
      expect(document.language).toBe(locale);
      expect(document.responses).toEqual(english.responses);
      expect(Object.keys(document.texts.questions)).toEqual(fieldKeys(msq2020));
      const worded = localizeDefinition(msq2020Definition, locale);
      for (const q of allQuestions(worded))
        expect(document.texts.questions[q.key]!.text, q.key).toBe(q.text);
      expect(document.texts.questions.q4_has_cio!.text).not.toBe(
        english.texts.questions.q4_has_cio!.text,
      );
    },
  );

  it("CSV: keys and answers only, the same bytes in every language", async () => {
    const english = await download("csv", filters(), "en");
    const arabic = await download("csv", filters(), "ar");
    expect(arabic.bytes.equals(english.bytes)).toBe(true);
    expect(arabic.file.language).toBeNull();
  });
});

describe("GET /exports", () => {
  /** A reviewer who reads the portal in `locale`, signed in: the Cookie header of a session. */
  async function reviewer(locale: Locale | null) {
    const user = await prisma.user.create({
      data: {
        email: `export.reviewer.${randomBytes(4).toString("hex")}@test.example.org`,
        role: "REVIEWER",
        locale,
      },
    });
    return (await startSession(user.id)).split(";")[0]!;
  }
  const get = async (search: string, cookie: string, headers: Record<string, string> = {}) =>
    (await exportsLoader({
      request: new Request(`http://localhost/exports?${search}`, {
        headers: { Cookie: cookie, ...headers },
      }),
      params: {},
      context: {},
    } as unknown as LoaderFunctionArgs)) as Response;
  const json = async (response: Response) => (await response.json()) as JsonExport;

  it("exports in the language the form chose (lang), whatever the reviewer reads", async () => {
    const cookie = await reviewer("ar");
    const response = await get("format=xlsx&round=2020&status=ACCEPTED&lang=fr", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Language")).toBe("fr");
    const french = await sheets(Buffer.from(await response.arrayBuffer()));
    expect(french.names[0]).toBe(copyFor("fr").exports.answersSheet.name);
    expect(french.answers[0]).toEqual(
      (await sheets((await download("xlsx")).bytes)).answers[0], // the English header: the keys
    );
    const worded = localizeDefinition(msq2020Definition, "fr");
    expect(french.columns.find((r) => r[0] === "q4_has_cio")![2]).toBe(
      allQuestions(worded).find((q) => q.key === "q4_has_cio")!.text,
    );

    const chinese = await json(await get("format=json&lang=zh", cookie));
    expect(chinese.language).toBe("zh");
    expect(chinese.texts.title).toBe(localizeDefinition(msq2020Definition, "zh").title);
  });

  it("without a language, or with an unknown one, exports in the reviewer's", async () => {
    const arabic = await reviewer("ar");
    for (const search of ["format=json", "format=json&lang=de", "format=json&lang="]) {
      const response = await get(search, arabic);
      expect(response.headers.get("Content-Language"), search).toBe("ar");
      expect((await json(response)).language, search).toBe("ar");
    }
    // No saved choice: the browser's language, as for the pages.
    const browser = await reviewer(null);
    const response = await get("format=json", browser, { "Accept-Language": "ru-RU, ru;q=0.9" });
    expect((await json(response)).language).toBe("ru");
    const csv = await get("format=csv&lang=fr", browser);
    expect(csv.headers.get("Content-Language")).toBeNull();
  });
});

describe("publication", () => {
  it("lists exactly the accepted responses whose accepted snapshot authorises it", async () => {
    const listed = (await listPublishedResponses(ROUND, "en")).filter((r) => OURS.includes(r.code));
    expect(listed).toEqual([
      { code: "SWE", name: "Sweden", region: "Europe", acceptedAt: "2026-04-02T10:00:00.000Z" },
    ]);
  });

  it("names and orders the published countries in the page's language", async () => {
    const arabic = (await listPublishedResponses(ROUND, "ar")).filter((r) => OURS.includes(r.code));
    expect(arabic.map((r) => r.name)).toEqual(["السويد"]);
    const russian = await listPublishedResponses(ROUND, "ru");
    const names = russian.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("ru").compare));
  });

  it("shows the accepted snapshot, and nothing for any other response", async () => {
    const round = { id: ROUND, name: "MSQ 2020" };
    const sweden = await findPublishedResponse(round, "swe", "en");
    expect(sweden).toMatchObject({
      country: { code: "SWE", name: "Sweden" },
      status: "ACCEPTED",
      version: { kind: "submission", number: 1 },
      authorizePublication: true,
      responseDate: "2019-03-30",
      answers: lastSubmission("SWE").answers,
    });
    for (const code of ["FIN", "NOR", "DNK", "NZL", "ISL", "XXX", "../"])
      expect(await findPublishedResponse(round, code, "en"), code).toBeNull();
    expect((await findPublishedResponse(round, "SWE", "zh"))?.country.name).toBe("瑞典");
  });
});
