import { describe, expect, it } from "vitest";
import { issuesInEnglish } from "~/questionnaire/definition-messages.test-helper";
import { parseDefinition } from "~/questionnaire/definition-schema";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { AnswerValue } from "~/questionnaire/types";
import { readFileSync } from "node:fs";
import {
  carriedState,
  carryForward,
  reviewMark,
  unconfirmedCarried,
  type CarriedAnswers,
} from "./carry-forward";

const parsed = parseDefinition(readFileSync("tests/fixtures/msq-next-round.json", "utf8"));
if (!parsed.ok) throw new Error(issuesInEnglish(parsed).join("\n"));
const next = localizeDefinition(parsed.definition);

const answers2020 = {
  q1_national_portal: "https://www.gov.example",
  q2a_eservices_portal: "https://services.gov.example",
  q2e_other_portals: "https://other.gov.example",
  q4_has_cio: "yes",
  q4_cio_name: "A. Person",
  q15_new_tech_strategy: ["ai", "quantum_computing"],
  q8_strategy_features: ["implementation_plan", "eparticipation"],
  q6_development_strategy: null,
};

describe("carrying answers into the next round", () => {
  const carried = carryForward(msq2020, answers2020, next);

  it("carries every answered question whose key and type are unchanged", () => {
    expect(Object.keys(carried).sort()).toEqual(
      [
        "q1_national_portal",
        "q2a_eservices_portal",
        "q4_cio_name",
        "q4_has_cio",
        "q8_strategy_features",
      ].sort(),
    );
    expect(carried.q2a_eservices_portal).toEqual({
      value: "https://services.gov.example",
      questionChanged: false,
    });
  });

  it("flags a reworded question, drops a removed one and one whose picked option is gone", () => {
    expect(carried.q1_national_portal!.questionChanged).toBe(true);
    expect(carried.q2e_other_portals).toBeUndefined();
    // quantum_computing is no longer an option: the answer would change meaning.
    expect(carried.q15_new_tech_strategy).toBeUndefined();
    expect(carried.q16_dpi_budget_share).toBeUndefined();
  });

  it("carries a choice when every picked option still exists", () => {
    const kept = carryForward(msq2020, { q15_new_tech_strategy: ["ai", "iot"] }, next);
    expect(kept.q15_new_tech_strategy).toEqual({
      value: ["ai", "iot"],
      // Its options changed (generative AI added, quantum computing removed).
      questionChanged: true,
    });
  });

  it("asks for confirmation until the answer is confirmed or changed", () => {
    const c: CarriedAnswers = { a: { value: "x", questionChanged: false } };
    expect(carriedState(c.a!, "x", false)).toBe("to_confirm");
    expect(carriedState(c.a!, "x", true)).toBe("confirmed");
    expect(carriedState(c.a!, "y", false)).toBe("updated");
    expect(carriedState(c.a!, null, true)).toBe("updated");
    expect(unconfirmedCarried(c, [], { a: "x" })).toEqual(["a"]);
    expect(unconfirmedCarried(c, ["a"], { a: "x" })).toEqual([]);
    expect(unconfirmedCarried(c, [], { a: "changed" })).toEqual([]);
  });

  it("marks each question for the reviewer: unchanged, updated, new, changed question", () => {
    const previous = new Set(Object.keys(answers2020).concat(["q2b_eparticipation_portal"]));
    const now: Record<string, AnswerValue> = {
      ...Object.fromEntries(Object.entries(carried).map(([k, c]) => [k, c.value])),
      q2a_eservices_portal: "https://new.gov.example",
    };
    expect(reviewMark("q4_cio_name", carried, previous, now.q4_cio_name)).toBe("unchanged");
    expect(reviewMark("q2a_eservices_portal", carried, previous, now.q2a_eservices_portal)).toBe(
      "updated",
    );
    expect(reviewMark("q1_national_portal", carried, previous, now.q1_national_portal)).toBe(
      "changed_question",
    );
    expect(reviewMark("q16_dpi_budget_share", carried, previous, "12")).toBe("new");
    expect(reviewMark("q2b_eparticipation_portal", carried, previous, null)).toBe(null);
    expect(reviewMark("q4_cio_name", null, null, "x")).toBe(null);
  });
});
