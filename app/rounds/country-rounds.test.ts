import { describe, expect, it } from "vitest";
import type { Questionnaire } from "~/questionnaire/types";
import { countryRoundRows, type RoundColumn } from "./country-rounds";

const techOptions = [
  { key: "ai", text: "AI" },
  { key: "iot", text: "IoT" },
];
const q2020: Questionnaire = {
  round: "2020",
  version: 1,
  title: "MSQ 2020",
  authorizationText: "",
  sections: [
    {
      id: "I",
      title: "I",
      questions: [
        { key: "q1_portal", type: "url", text: "1. Portal" },
        { key: "q4_has_cio", type: "yesno", text: "4. CIO?" },
        { key: "q2e_other", type: "lines", text: "2e. Other portals" },
        { key: "q15_tech", type: "multi", text: "15. Technologies", options: techOptions },
      ],
    },
  ],
};
const q2026: Questionnaire = {
  ...q2020,
  round: "2026",
  sections: [
    {
      id: "A",
      title: "A",
      questions: [
        { key: "q4_has_cio", type: "yesno", text: "4. Does your country have a CIO?" },
        { key: "q1_portal", type: "url", text: "1. National portal" },
        { key: "q15_tech", type: "multi", text: "15. New technologies", options: techOptions },
        { key: "q16_budget", type: "percentage", text: "16. Budget share" },
      ],
    },
  ],
};

describe("a country's answers across rounds", () => {
  const columns: RoundColumn[] = [
    {
      id: "2020",
      name: "MSQ 2020",
      questionnaire: q2020,
      answers: {
        q1_portal: "https://gov.rw",
        q4_has_cio: "no",
        q2e_other: "a",
        q15_tech: ["ai", "iot"],
      },
    },
    {
      id: "2026",
      name: "MSQ 2026",
      questionnaire: q2026,
      answers: {
        q1_portal: "https://gov.rw ",
        q4_has_cio: "yes",
        q15_tech: ["iot", "ai"],
        q16_budget: "",
      },
    },
  ];
  const rows = countryRoundRows(columns, { yes: "Yes", no: "No" });

  it("has a row per key, the newest round's order first, with the newest wording", () => {
    expect(rows.map((r) => r.key)).toEqual([
      "q4_has_cio",
      "q1_portal",
      "q15_tech",
      "q16_budget",
      "q2e_other",
    ]);
    expect(rows[0]!.text).toBe("4. Does your country have a CIO?");
    expect(rows[4]!.text).toBe("2e. Other portals");
  });

  it("formats each round's answer, and marks what changed since the round before", () => {
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.q4_has_cio!.cells).toEqual([
      { kind: "answer", text: "No", changed: false },
      { kind: "answer", text: "Yes", changed: true },
    ]);
    expect(by.q4_has_cio!.changed).toBe(true);
    // The same set in another order, the same address with a trailing space: unchanged.
    expect(by.q15_tech!.changed).toBe(false);
    expect(by.q1_portal!.changed).toBe(false);
    expect(by.q16_budget!.cells).toEqual([{ kind: "not_asked" }, { kind: "unanswered" }]);
    expect(by.q2e_other!.cells).toEqual([
      { kind: "answer", text: "a", changed: false },
      { kind: "not_asked" },
    ]);
  });

  it("shows a round without a response as unanswered", () => {
    const none = countryRoundRows([{ ...columns[0]!, answers: null }, columns[1]!], {
      yes: "Yes",
      no: "No",
    });
    expect(none[0]!.cells[0]).toEqual({ kind: "unanswered" });
    expect(none[0]!.changed).toBe(false);
  });
});
