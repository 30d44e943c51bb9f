import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { allQuestions, fieldKeys } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import type { Questionnaire } from "~/questionnaire/types";
import { columnDescriptions, exportColumns, rowCells } from "./columns";
import { exportRow } from "./rows.test-helper";

const METADATA = [
  "country_code",
  "country_name",
  "region",
  "status",
  "imported",
  "submitted_at",
  "accepted_at",
  "authorize_publication",
];

const names = (questionnaire: Questionnaire) => exportColumns(questionnaire).map((c) => c.name);
const cellsByName = (row = exportRow()) => {
  const columns = exportColumns(msq2020);
  const cells = rowCells(columns, row);
  return Object.fromEntries(columns.map((column, i) => [column.name, cells[i]]));
};

describe("export columns", () => {
  it("puts the metadata first, then every field key in questionnaire order", () => {
    const columns = names(msq2020);
    expect(columns.slice(0, METADATA.length)).toEqual(METADATA);
    const answerColumns = columns.slice(METADATA.length);
    // A multi question's options replace its key, in place.
    expect(answerColumns.map((name) => name.split(".")[0])).toEqual(
      allQuestions(msq2020).flatMap((q) =>
        q.type === "multi" ? q.options.map(() => q.key) : [q.key],
      ),
    );
    expect(new Set(answerColumns.map((name) => name.split(".")[0]))).toEqual(
      new Set(fieldKeys(msq2020)),
    );
    expect(columns).toContain("q8_strategy_features.implementation_plan");
    expect(columns).toContain("x2_heard_from.other");
    expect(new Set(columns).size).toBe(columns.length);
  });

  it("follows the definition: a new question or option is a new column", () => {
    const changed: Questionnaire = {
      ...msq2020,
      sections: [
        ...msq2020.sections,
        {
          id: "XI",
          title: "New",
          questions: [
            { key: "q99_new", type: "yesno", text: "99. New?" },
            {
              key: "q100_pick",
              type: "multi",
              text: "100. Pick",
              options: [
                { key: "a", text: "A" },
                { key: "b", text: "B" },
              ],
            },
          ],
        },
      ],
    };
    expect(names(changed).slice(-3)).toEqual(["q99_new", "q100_pick.a", "q100_pick.b"]);
  });

  it("writes metadata as codes, 0/1 flags and ISO dates", () => {
    const cells = cellsByName(
      exportRow({ imported: true, acceptedAt: new Date("2026-04-02T10:00:00Z") }),
    );
    expect(cells).toMatchObject({
      country_code: "NOR",
      country_name: "Norway",
      region: "Europe",
      status: "SUBMITTED",
      imported: 1,
      submitted_at: "2026-03-30T09:15:00.000Z",
      accepted_at: "2026-04-02T10:00:00.000Z",
      authorize_publication: 1,
    });
    expect(cellsByName(exportRow({ authorizePublication: false })).authorize_publication).toBe(0);
    expect(cellsByName(exportRow({ authorizePublication: null })).authorize_publication).toBeNull();
    expect(cellsByName().accepted_at).toBeNull();
    expect(cellsByName().imported).toBe(0);
  });

  it("writes yes/no, text as it is, and one 0/1 cell per option", () => {
    const cells = cellsByName();
    expect(cells.q4_has_cio).toBe("yes");
    expect(cells.q10_collects_usage_stats).toBe("no");
    expect(cells.q12_measures_satisfaction).toBeNull();
    expect(cells.q7_egov_strategy).toBe("الاستراتيجية الوطنية للحكومة الإلكترونية 2025");
    expect(cells.q1_national_portal).toBe(
      "https://portal.gov.example\nhttps://services.gov.example",
    );
    expect(cells.q14_social_media).toBeNull();
    expect(cells["q8_strategy_features.implementation_plan"]).toBe(1);
    expect(cells["q8_strategy_features.aligned_sdgs"]).toBe(1);
    expect(cells["q8_strategy_features.digital_first"]).toBe(0);
    // Answered with nothing ticked: zeros. Unknown (null): empty, never a guessed 0.
    expect(cells["q15_new_tech_strategy.ai"]).toBe(0);
    expect(cells["q9_legal_framework.data_protection"]).toBeNull();
  });

  it("describes every column, with the question and option texts", () => {
    const descriptions = columnDescriptions(msq2020, copyFor("en").exports);
    expect(descriptions.map((d) => d.column)).toEqual(names(msq2020));
    const byColumn = Object.fromEntries(descriptions.map((d) => [d.column, d]));
    expect(byColumn["q8_strategy_features.aligned_sdgs"]).toMatchObject({
      section: "II. Strategy and Implementation",
      question: "8. Please check whichever applies. National e-government strategy or equivalent:",
      option: "is aligned with the Sustainable Development Goals (SDGs).",
    });
    expect(byColumn.q4_has_cio!.values).toMatch(/yes, no/);
    expect(byColumn.authorize_publication!.question).toContain("authorize UNDESA to publish");
    for (const d of descriptions) expect(d.question, d.column).not.toBe("");
  });

  it("describes the same columns in another language, in its words", () => {
    const french = localizeDefinition(msq2020Definition, "fr");
    // The headers are keys: the same in every language, in the same order.
    expect(names(french)).toEqual(names(msq2020));
    const descriptions = columnDescriptions(french, copyFor("fr").exports);
    expect(descriptions.map((d) => d.column)).toEqual(names(msq2020));
    const byColumn = Object.fromEntries(descriptions.map((d) => [d.column, d]));
    expect(byColumn["q8_strategy_features.aligned_sdgs"]).toEqual({
      column: "q8_strategy_features.aligned_sdgs",
      section: "II. Stratégie et mise en œuvre",
      question:
        "8. Veuillez cocher toutes les cases applicables. La stratégie nationale d’administration électronique ou son équivalent\u00a0:",
      option: "est alignée sur les objectifs de développement durable (ODD).",
      values: copyFor("fr").exports.values.option,
    });
    expect(byColumn.country_code!.section).toBe(copyFor("fr").exports.columnsSheet.header);
    expect(byColumn.country_code!.question).toBe(
      copyFor("fr").exports.metadataColumns.country_code,
    );
    // Every text of the French questionnaire, none left in English where French exists.
    const english = columnDescriptions(msq2020, copyFor("en").exports);
    const changed = descriptions.filter((d, i) => d.question !== english[i]!.question);
    expect(changed.length).toBeGreaterThan(descriptions.length * 0.9);
  });
});
