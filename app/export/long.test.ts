import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { Questionnaire } from "~/questionnaire/types";
import { LONG_HEADER, longRows, toLongCsv, type LongExportRound } from "./long";
import { exportRow } from "./rows.test-helper";

// The long export's rows, one per answered field, from the same column rules as the wide one.

/** A later round asking two of 2020's questions, at its second definition version. */
const LATER: Questionnaire = {
  round: "2026",
  version: 2,
  title: "MSQ 2026",
  authorizationText: "Publish?",
  sections: [
    {
      id: "A",
      title: "Leadership",
      questions: [msq2020.sections[0]!.questions.find((q) => q.key === "q4_has_cio")!],
    },
    {
      id: "B",
      title: "Strategy",
      questions: [
        {
          key: "q8_strategy_features",
          type: "multi",
          text: "8. National e-government strategy:",
          options: [
            { key: "implementation_plan", text: "has an implementation plan." },
            { key: "once_only", text: "applies the once-only principle." },
          ],
        },
      ],
    },
  ],
};

const later = (answers: Record<string, string | string[] | null>) =>
  exportRow({ countryCode: "SWE", countryName: "Sweden", definitionVersion: 2, answers });

describe("long rows", () => {
  it("holds one row per answered field, keys and values as the wide export's", () => {
    const rows = longRows(LATER, "2026", later({ q4_has_cio: "yes", q8_strategy_features: null }));
    expect(rows).toEqual([["SWE", "Sweden", "2026", 2, "q4_has_cio", "yes"]]);
  });

  it("holds a multiple choice as one row per ticked option, with 1", () => {
    const rows = longRows(
      LATER,
      "2026",
      later({ q4_has_cio: null, q8_strategy_features: ["once_only", "implementation_plan"] }),
    );
    expect(rows.map((r) => [r[4], r[5]])).toEqual([
      ["q8_strategy_features.implementation_plan", 1],
      ["q8_strategy_features.once_only", 1],
    ]);
  });

  it("has no row for a field not answered, an option not ticked, or a key not asked", () => {
    const rows = longRows(
      LATER,
      "2026",
      later({ q4_has_cio: null, q8_strategy_features: [], q14_social_media: "not asked in 2026" }),
    );
    expect(rows).toEqual([]);
  });

  it("writes every answer of a 2020 response at its definition version", () => {
    const row = exportRow();
    const rows = longRows(msq2020, "2020", row);
    expect(rows.every((r) => r[2] === "2020" && r[3] === msq2020.version)).toBe(true);
    const values = Object.fromEntries(rows.map((r) => [r[4], r[5]]));
    expect(values).toMatchObject({
      q4_has_cio: "yes",
      "q8_strategy_features.implementation_plan": 1,
      "q8_strategy_features.aligned_sdgs": 1,
      x2_other: "@someone on social media",
    });
    expect(values).not.toHaveProperty("q9_legal_framework");
    expect(values).not.toHaveProperty("q8_strategy_features.once_only");
  });
});

describe("long CSV", () => {
  const rounds: LongExportRound[] = [
    { roundId: "2026", versions: new Map([[2, LATER]]), rows: [later({ q4_has_cio: "no" })] },
    { roundId: "2020", versions: new Map([[msq2020.version, msq2020]]), rows: [exportRow()] },
  ];

  it("writes the header, then the rows of every round, formula-safe as the wide CSV", async () => {
    const csv = await toLongCsv(rounds);
    expect(
      csv.startsWith("\uFEFFcountry_code,country_name,round,definition_version,key,value\r\n"),
    ).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...LONG_HEADER]);
    expect(records[0]).toEqual({
      country_code: "SWE",
      country_name: "Sweden",
      round: "2026",
      definition_version: "2",
      key: "q4_has_cio",
      value: "no",
    });
    const norway = records.filter((r) => r.round === "2020");
    expect(norway.every((r) => r.country_code === "NOR" && r.definition_version === "1")).toBe(
      true,
    );
    const value = (key: string) => norway.find((r) => r.key === key)?.value;
    expect(value("q4_cio_name")).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(value("x2_other")).toBe("'@someone on social media");
    expect(value("q6_development_strategy")).toContain("\r\nand CRLF line breaks.");
  });

  it("refuses a response whose definition version it was not given", async () => {
    const missing = [{ ...rounds[0]!, versions: new Map([[1, LATER]]) }];
    await expect(toLongCsv(missing)).rejects.toThrow(/round 2026 version 2 \(SWE\)/);
  });
});
