import { describe, expect, it } from "vitest";
import type { Questionnaire } from "~/questionnaire/types";
import { checkComparable, compareAnswers, comparableQuestions, type RoundAnswer } from "./compare";

// Comparing a question between two rounds, on a small fixture whose groups are known.

const round2020: Questionnaire = {
  round: "2020",
  version: 1,
  title: "MSQ 2020",
  authorizationText: "",
  sections: [
    {
      id: "I",
      title: "I",
      questions: [
        { key: "q4_has_cio", type: "yesno", text: "4. CIO?" },
        { key: "q6_strategy", type: "longtext", text: "6. Strategy", maxWords: 100 },
        {
          key: "q15_tech",
          type: "multi",
          text: "15. Technologies",
          options: [
            { key: "ai", text: "AI" },
            { key: "blockchain", text: "Blockchain" },
            { key: "quantum", text: "Quantum computing" },
          ],
        },
        { key: "q20_old", type: "yesno", text: "20. Dropped" },
        { key: "q21_kind", type: "single", text: "21. Kind", options: [{ key: "a", text: "A" }] },
      ],
    },
  ],
};
const round2026: Questionnaire = {
  ...round2020,
  round: "2026",
  title: "MSQ 2026",
  sections: [
    {
      id: "A",
      title: "A",
      questions: [
        { key: "q4_has_cio", type: "yesno", text: "4. Does your country have a CIO?" },
        { key: "q6_strategy", type: "longtext", text: "6. Strategy", maxWords: 100 },
        {
          key: "q15_tech",
          type: "multi",
          text: "15. New technologies",
          options: [
            { key: "ai", text: "Artificial intelligence" },
            { key: "blockchain", text: "Blockchain" },
            { key: "iot", text: "Internet of things" },
          ],
        },
        { key: "q21_kind", type: "multi", text: "21. Kinds", options: [{ key: "a", text: "A" }] },
        { key: "q30_new", type: "yesno", text: "30. New" },
      ],
    },
  ],
};

const answers = (pairs: [string, string, RoundAnswer["value"]][]): RoundAnswer[] =>
  pairs.map(([code, name, value]) => ({ code, name, value }));

const yesNo = { yes: "Yes", no: "No" };

describe("which questions compare", () => {
  it("keeps the yes/no and choice questions both rounds ask with the same type", () => {
    expect(comparableQuestions(round2020, round2026).map((q) => q.key)).toEqual([
      "q4_has_cio",
      "q15_tech",
    ]);
  });

  it("says why a question does not compare", () => {
    expect(checkComparable(round2020, round2026, "q20_old")).toEqual({
      ok: false,
      reason: "only_from",
    });
    expect(checkComparable(round2020, round2026, "q30_new")).toEqual({
      ok: false,
      reason: "only_to",
    });
    expect(checkComparable(round2020, round2026, "nope")).toEqual({ ok: false, reason: "neither" });
    expect(checkComparable(round2020, round2026, "q21_kind")).toEqual({
      ok: false,
      reason: "type_changed",
    });
    expect(checkComparable(round2020, round2026, "q6_strategy")).toEqual({
      ok: false,
      reason: "not_choice",
    });
  });
});

describe("comparing a yes/no question", () => {
  const check = checkComparable(round2020, round2026, "q4_has_cio");
  if (!check.ok) throw new Error("comparable");
  const result = compareAnswers({
    check,
    yesNo,
    from: answers([
      ["RWA", "Rwanda", "yes"], // kept yes
      ["GHA", "Ghana", "no"], // gained
      ["KEN", "Kenya", "yes"], // lost
      ["BTN", "Bhutan", "no"], // kept no
      ["MLI", "Mali", "yes"], // only 2020
      ["NER", "Niger", null], // blank in 2020
      ["TGO", "Togo", "no"], // blank in 2026
    ]),
    to: answers([
      ["GHA", "Ghana", "yes"],
      ["RWA", "Rwanda", "yes"],
      ["KEN", "Kenya", "no"],
      ["BTN", "Bhutan", "no"],
      ["NER", "Niger", "yes"],
      ["TGO", "Togo", null],
      ["SEN", "Senegal", "yes"], // only 2026
    ]),
  });

  it("counts each answer among those that answered in each round", () => {
    expect(result.fromAnswered).toBe(6);
    expect(result.toAnswered).toBe(6);
    expect(result.options.map((o) => [o.key, o.text, o.fromCount, o.toCount])).toEqual([
      ["yes", "Yes", 3, 4],
      ["no", "No", 3, 2],
    ]);
  });

  it("names who gained, lost and kept each answer among those that answered both times", () => {
    expect(result.inBoth).toBe(4);
    const yes = result.options[0]!;
    expect(yes.gained).toEqual([{ code: "GHA", name: "Ghana" }]);
    expect(yes.lost).toEqual([{ code: "KEN", name: "Kenya" }]);
    expect(yes.kept).toEqual([{ code: "RWA", name: "Rwanda" }]);
    const no = result.options[1]!;
    expect(no.gained.map((c) => c.code)).toEqual(["KEN"]);
    expect(no.lost.map((c) => c.code)).toEqual(["GHA"]);
    expect(no.kept.map((c) => c.code)).toEqual(["BTN"]);
    expect(result.changed.map((c) => c.code)).toEqual(["GHA", "KEN"]);
    expect(result.unchanged.map((c) => c.code)).toEqual(["BTN", "RWA"]);
  });

  it("sets aside those not in both rounds, or blank in one", () => {
    expect(result.onlyFrom.map((c) => c.code)).toEqual(["MLI"]);
    expect(result.onlyTo.map((c) => c.code)).toEqual(["SEN"]);
    expect(result.unansweredInOne.map((c) => c.code)).toEqual(["NER", "TGO"]);
  });
});

describe("comparing a question of several choices", () => {
  const check = checkComparable(round2020, round2026, "q15_tech");
  if (!check.ok) throw new Error("comparable");
  const result = compareAnswers({
    check,
    yesNo,
    from: answers([
      ["RWA", "Rwanda", ["ai", "quantum"]],
      ["GHA", "Ghana", ["blockchain"]],
      ["KEN", "Kenya", ["ai"]],
    ]),
    to: answers([
      ["RWA", "Rwanda", ["ai", "iot"]],
      ["GHA", "Ghana", ["blockchain", "ai"]],
      ["KEN", "Kenya", ["ai"]],
    ]),
  });

  it("lists the later round's options, then those it dropped, each marked where offered", () => {
    expect(result.options.map((o) => [o.key, o.text, o.offered])).toEqual([
      ["ai", "Artificial intelligence", { from: true, to: true }],
      ["blockchain", "Blockchain", { from: true, to: true }],
      ["iot", "Internet of things", { from: false, to: true }],
      ["quantum", "Quantum computing", { from: true, to: false }],
    ]);
  });

  it("counts per option, and compares the sets", () => {
    const by = Object.fromEntries(result.options.map((o) => [o.key, o]));
    expect([by.ai!.fromCount, by.ai!.toCount]).toEqual([2, 3]);
    expect(by.ai!.gained.map((c) => c.code)).toEqual(["GHA"]);
    expect(by.ai!.kept.map((c) => c.code)).toEqual(["KEN", "RWA"]);
    expect(by.quantum!.lost.map((c) => c.code)).toEqual(["RWA"]);
    expect(by.iot!.gained.map((c) => c.code)).toEqual(["RWA"]);
    expect(by.blockchain!.kept.map((c) => c.code)).toEqual(["GHA"]);
    expect(result.unchanged.map((c) => c.code)).toEqual(["KEN"]);
    expect(result.changed.map((c) => c.code)).toEqual(["GHA", "RWA"]);
  });
});
