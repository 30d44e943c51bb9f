import type { Answers } from "~/questionnaire/types";
import { answerIssues } from "~/questionnaire/validation";
import { englishMessages } from "~/i18n/english.test-helper";
import { describe, expect, it } from "vitest";
import { findSection } from "./index";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { sectionProgress } from "./progress";
import { progressAfterSaves } from "./progress-after-saves";

/** Progress as the pages compute it: from the answers and their issues, in English. */
const progressOf = (answers: Answers) =>
  sectionProgress(msq2020, answers, answerIssues(msq2020, answers, englishMessages));

describe("progress after autosaves", () => {
  const section = findSection(msq2020, "I")!;
  const loaded = { q1_national_portal: "https://gov.example" };
  const base = progressOf(loaded).find((s) => s.id === "I")!;

  it("counts what was saved since the page loaded, follow-ups included", () => {
    const after = progressAfterSaves(base, section, loaded, {
      q3_egov_agency: "Ministry of ICT",
      q4_has_cio: "yes",
      q4_cio_name: "A. Person",
    });
    // Saying yes to the CIO question asks its six follow-ups; two new answers plus the yes.
    const expected = progressOf({
      ...loaded,
      q3_egov_agency: "Ministry of ICT",
      q4_has_cio: "yes",
      q4_cio_name: "A. Person",
    }).find((s) => s.id === "I")!;
    expect(after).toMatchObject({ total: expected.total, answered: expected.answered });
    expect(after.answered).toBe(base.answered + 3);
  });

  it("goes down when an answer is cleared, and keeps the other sections' word", () => {
    const after = progressAfterSaves(base, section, loaded, { q1_national_portal: null });
    expect(after.answered).toBe(base.answered - 1);
    const shifted = { ...base, answered: base.answered + 5, total: base.total + 5 };
    expect(progressAfterSaves(shifted, section, loaded, {}).answered).toBe(base.answered + 5);
  });
});
