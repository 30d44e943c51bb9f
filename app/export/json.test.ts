import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/locale";
import { allQuestions, completeAnswers, fieldKeys } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import { inEnglish } from "~/import/messages.test-helper";
import { jsonChunks, JsonExportError, parseJsonExport, toJson, type JsonExport } from "./json";
import { AWKWARD_ANSWERS, exportRow } from "./rows.test-helper";

const meta = {
  exportedAt: new Date("2026-11-22T12:00:00.000Z"),
  locale: "en" as Locale,
  choice: {
    statuses: ["SUBMITTED" as const, "ACCEPTED" as const],
    region: null,
    authorisedOnly: false,
  },
};
const rows = [
  exportRow(),
  exportRow({
    countryCode: "SWE",
    countryName: "Sweden",
    status: "ACCEPTED",
    imported: true,
    acceptedAt: new Date("2026-04-01T08:00:00Z"),
    responseDate: "2019-03-30",
    authorizePublication: null,
    answers: { q1_national_portal: "https://sweden.example" },
  }),
];

async function exported(): Promise<JsonExport> {
  return JSON.parse(await toJson(msq2020, rows, meta)) as JsonExport;
}

/** The export in `locale`, as the server writes it: the questionnaire localized in it too. */
async function exportedIn(locale: Locale): Promise<string> {
  return toJson(localizeDefinition(msq2020Definition, locale), rows, { ...meta, locale });
}

describe("JSON export", () => {
  it("has the documented shape, every field key in every response", async () => {
    const document = await exported();
    expect(document).toMatchObject({
      format: "msq-export",
      version: 1,
      round: "2020",
      exported_at: "2026-11-22T12:00:00.000Z",
      filters: { status: ["SUBMITTED", "ACCEPTED"], region: null, authorised_only: false },
      language: "en",
    });
    expect(Object.keys(document)).toEqual([
      "format",
      "version",
      "round",
      "definition_version",
      "exported_at",
      "filters",
      "language",
      "texts",
      "responses",
    ]);
    expect(document.responses[1]).toEqual({
      country: "SWE",
      country_name: "Sweden",
      region: "Europe",
      status: "ACCEPTED",
      imported: true,
      submitted_at: "2026-03-30T09:15:00.000Z",
      accepted_at: "2026-04-01T08:00:00.000Z",
      response_date: "2019-03-30",
      authorize_publication: null,
      answers: completeAnswers(msq2020, { q1_national_portal: "https://sweden.example" }),
    });
    for (const response of document.responses)
      expect(Object.keys(response.answers)).toEqual(fieldKeys(msq2020));
    // Programs get the exact answer: no spreadsheet neutralisation here.
    expect(document.responses[0]!.answers.q4_cio_name).toBe(AWKWARD_ANSWERS.q4_cio_name);
  });

  it("streams exactly JSON.stringify(document, null, 2), one response per chunk", async () => {
    const chunks: string[] = [];
    for await (const chunk of jsonChunks(msq2020, rows, meta)) chunks.push(chunk);
    expect(chunks).toHaveLength(rows.length + 2);
    expect(chunks.join("")).toBe(`${JSON.stringify(await exported(), null, 2)}\n`);
    const empty = await toJson(msq2020, [], meta);
    expect(JSON.parse(empty)).toMatchObject({ responses: [] });
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
  });

  it("words every field of the questionnaire, in the export's language", async () => {
    const { texts } = await exported();
    expect(texts.title).toBe(msq2020.title);
    expect(texts.authorize_publication).toBe(msq2020.authorizationText);
    expect(Object.keys(texts.questions)).toEqual(fieldKeys(msq2020));
    expect(texts.questions.q4_has_cio).toEqual({
      section: "I. Institutional Framework",
      text: allQuestions(msq2020).find((q) => q.key === "q4_has_cio")!.text,
    });
    expect(texts.questions.x2_heard_from!.options).toMatchObject({
      linkedin: "LinkedIn",
      other: "Other",
    });
    expect(texts.questions.x2_other).toMatchObject({
      section: "X. Contact and Additional Information",
      text: "2. Other: / Please explain further.",
    });
  });

  it.each(["fr", "ar"] as const)(
    "in %s: the questions in that language, the keys and answers exactly the English export's",
    async (locale) => {
      const english = await exported();
      const text = await exportedIn(locale);
      const document = JSON.parse(text) as JsonExport;
      const local = localizeDefinition(msq2020Definition, locale);
      expect(document.language).toBe(locale);
      // Everything but the texts is the English export, keys and answers included.
      const { language: _l, texts: _t, ...rest } = document;
      const { language: _el, texts: _et, ...englishRest } = english;
      expect(rest).toEqual(englishRest);
      expect(Object.keys(document.texts.questions)).toEqual(Object.keys(english.texts.questions));
      for (const response of document.responses)
        expect(Object.keys(response.answers)).toEqual(fieldKeys(msq2020));
      // Every question, option and section as the questionnaire words them in the language.
      for (const section of local.sections)
        for (const question of section.questions) {
          const own = document.texts.questions[question.key]!;
          expect(own.section).toBe(`${section.id}. ${section.title}`);
          expect(own.text).toBe(question.text);
          if (question.type === "multi" || question.type === "single")
            expect(own.options).toEqual(
              Object.fromEntries(question.options.map((o) => [o.key, o.text])),
            );
        }
      expect(document.texts.title).toBe(local.title);
      expect(document.texts.questions.q8_strategy_features!.text).toBe(
        {
          fr: "8. Veuillez cocher toutes les cases applicables. La stratégie nationale d’administration électronique ou son équivalent\u00a0:",
          ar: "8. يرجى اختيار كل ما ينطبق. الاستراتيجية الوطنية للحكومة الإلكترونية أو ما يعادلها:",
        }[locale],
      );
      expect(document.texts.questions.q8_strategy_features!.text).not.toBe(
        english.texts.questions.q8_strategy_features!.text,
      );
      // Read back, the file is the English one: an import never depends on the language.
      expect(parseJsonExport(text, msq2020)).toEqual(
        parseJsonExport(await toJson(msq2020, rows, meta), msq2020),
      );
    },
  );

  it("reads back what it wrote: identical answers", async () => {
    const parsed = parseJsonExport(await toJson(msq2020, rows, meta), msq2020);
    expect(parsed.round).toBe("2020");
    expect(parsed.responses).toEqual([
      {
        country: "NOR",
        response_date: null,
        authorize_publication: true,
        answers: rows[0]!.answers,
        warnings: [],
      },
      {
        country: "SWE",
        response_date: "2019-03-30",
        authorize_publication: null,
        answers: completeAnswers(msq2020, rows[1]!.answers),
        warnings: [],
      },
    ]);
  });
});

describe("parseJsonExport", () => {
  const valid = async () =>
    (await exported()) as unknown as Record<string, unknown> & {
      responses: Record<string, unknown>[];
    };
  const problemsOf = (document: unknown) => {
    try {
      parseJsonExport(typeof document === "string" ? document : JSON.stringify(document), msq2020);
    } catch (error) {
      expect(error).toBeInstanceOf(JsonExportError);
      return (error as JsonExportError).problems.map(inEnglish);
    }
    throw new Error("expected the document to be refused");
  };

  it("refuses what is not an MSQ export of the round and a known version", async () => {
    expect(problemsOf("not json")[0]).toMatch(/^it is not JSON/);
    expect(problemsOf({ ...(await valid()), format: "other" })).toEqual([
      '"format" must be "msq-export".',
    ]);
    expect(problemsOf({ ...(await valid()), version: 2 })[0]).toMatch(/version 2 is not supported/);
    expect(problemsOf({ ...(await valid()), round: "2026" })).toEqual([
      "it holds responses to the MSQ 2026, not to the MSQ 2020: import it into round 2026, where its questions are.",
    ]);
    expect(problemsOf({ ...(await valid()), responses: {} })).toEqual([
      '"responses" must be a list.',
    ]);
  });

  it("names every unknown key and wrong type, with where it is", async () => {
    const document = await valid();
    const answers = document.responses[0]!.answers as Record<string, unknown>;
    Object.assign(answers, {
      q99_unknown: "x",
      q4_has_cio: true,
      q8_strategy_features: ["implementation_plan", "teleportation"],
      q9_legal_framework: "data_protection",
      q14_social_media: 42,
    });
    document.responses[1]!.response_date = "30/03/2019";
    document.responses[1]!.authorize_publication = "yes";
    const problems = problemsOf(document);
    expect(problems).toEqual([
      "responses[0] (NOR): answers.q99_unknown is not a field of the MSQ 2020.",
      'responses[0] (NOR): answers.q4_has_cio must be "yes", "no" or null, not true.',
      expect.stringMatching(
        /^responses\[0\] \(NOR\): answers.q8_strategy_features has unknown option "teleportation" \(options: implementation_plan, /,
      ),
      'responses[0] (NOR): answers.q9_legal_framework must be a list of option keys or null, not "data_protection".',
      "responses[0] (NOR): answers.q14_social_media must be text or null, not 42.",
      'responses[1] (SWE): response_date must be a date YYYY-MM-DD or null, not "30/03/2019".',
      'responses[1] (SWE): authorize_publication must be true, false or null, not "yes".',
    ]);
  });

  it("refuses text holding NUL, which PostgreSQL cannot store", async () => {
    const document = await valid();
    (document.responses[0]!.answers as Record<string, unknown>).q14_social_media = "a\u0000b";
    expect(problemsOf(document)).toEqual([
      "responses[0] (NOR): answers.q14_social_media contains the character U+0000 (NUL), which cannot be stored.",
    ]);
  });

  it("refuses unknown countries and a country twice", async () => {
    const document = await valid();
    document.responses[1]!.country = "NOR";
    expect(problemsOf(document)).toEqual(["responses[1]: NOR appears more than once."]);
    document.responses[1]!.country = "XKX";
    expect(problemsOf(document)[0]).toMatch(
      /^responses\[1\].country must be the ISO 3166-1 alpha-3 code/,
    );
  });

  it("takes missing keys as not answered, with a warning, and orders options", async () => {
    const document = await valid();
    document.responses[0]!.answers = {
      q8_strategy_features: ["aligned_sdgs", "implementation_plan"],
    };
    delete document.responses[0]!.response_date;
    const [response] = parseJsonExport(JSON.stringify(document), msq2020).responses;
    expect(response!.answers).toEqual(
      completeAnswers(msq2020, { q8_strategy_features: ["implementation_plan", "aligned_sdgs"] }),
    );
    expect(response!.response_date).toBeNull();
    expect(response!.warnings).toHaveLength(1);
    expect(inEnglish(response!.warnings[0]!)).toMatch(/taken as not answered: q1_national_portal,/);
  });

  it("accepts a file saved with a byte-order mark", async () => {
    const text = `\uFEFF${await toJson(msq2020, rows, meta)}`;
    expect(parseJsonExport(text, msq2020).responses).toHaveLength(2);
  });
});
