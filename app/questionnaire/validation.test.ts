import { englishMessages } from "~/i18n/english.test-helper";
import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { answersAtCap } from "./pathological.test-helper";
import { expectLinear } from "./timing.test-helper";
import { answerIssues, draftAnswersSchema, submitAnswersSchema } from "./validation";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");
const draft = draftAnswersSchema(msq2020, englishMessages);
const submit = submitAnswersSchema(msq2020, englishMessages);

function errorFields(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => String(issue.path[0]));
}

describe("draft schema", () => {
  it("accepts an empty draft and any subset of fields", () => {
    expect(draft.safeParse({}).success).toBe(true);
    expect(draft.safeParse({ q1_national_portal: "https://irembo.gov.rw" }).success).toBe(true);
  });

  it("accepts text over the word limit (reported as a warning, not refused)", () => {
    const answers = { q6_development_strategy: words(300) };
    expect(draft.safeParse(answers).success).toBe(true);
    const issues = answerIssues(msq2020, answers, englishMessages);
    expect(issues.find((i) => i.field === "q6_development_strategy")).toMatchObject({
      code: "over_word_limit",
      blocksSubmit: true,
    });
  });

  it("checks types and option keys", () => {
    expect(errorFields(draft.safeParse({ q4_has_cio: "maybe" }))).toEqual(["q4_has_cio"]);
    expect(
      errorFields(draft.safeParse({ q9_legal_framework: ["data_protection", "bogus"] })),
    ).toEqual(["q9_legal_framework"]);
    expect(errorFields(draft.safeParse({ q1_national_portal: 42 }))).toEqual([
      "q1_national_portal",
    ]);
  });

  it("refuses keys that are not in the questionnaire", () => {
    expect(draft.safeParse({ not_a_question: "x" }).success).toBe(false);
  });

  it("keeps checkbox answers in the definition's order, without duplicates", () => {
    const parsed = draft.parse({ q15_new_tech_strategy: ["iot", "ai", "iot"] });
    expect(parsed.q15_new_tech_strategy).toEqual(["ai", "iot"]);
  });

  it("accepts null to clear an answer", () => {
    expect(
      draft.safeParse({ q4_has_cio: null, q8_strategy_features: null, q3_egov_agency: null })
        .success,
    ).toBe(true);
  });

  it("refuses absurdly long text", () => {
    expect(draft.safeParse({ q1_national_portal: "x".repeat(5_001) }).success).toBe(false);
  });
});

describe("submit schema", () => {
  it("accepts exactly 250 words and refuses 251, in English and Arabic", () => {
    expect(submit.safeParse({ q14_social_media: words(250) }).success).toBe(true);
    expect(errorFields(submit.safeParse({ q14_social_media: words(251) }))).toEqual([
      "q14_social_media",
    ]);
    expect(submit.safeParse({ q14_social_media: words(250, "كلمة") }).success).toBe(true);
    expect(errorFields(submit.safeParse({ q14_social_media: words(251, "كلمة") }))).toEqual([
      "q14_social_media",
    ]);
  });

  it("holds an answer to the limit of the script it is written in, when the definition has one", () => {
    const limited = {
      ...msq2020,
      sections: msq2020.sections.map((section) => ({
        ...section,
        questions: section.questions.map((q) =>
          q.key === "q14_social_media" && q.type === "longtext"
            ? { ...q, maxWords: { default: 250, zh: 500 } }
            : q,
        ),
      })),
    };
    const schema = submitAnswersSchema(limited, englishMessages);
    expect(schema.safeParse({ q14_social_media: "政".repeat(500) }).success).toBe(true);
    expect(errorFields(schema.safeParse({ q14_social_media: "政".repeat(501) }))).toEqual([
      "q14_social_media",
    ]);
    expect(errorFields(schema.safeParse({ q14_social_media: words(251) }))).toEqual([
      "q14_social_media",
    ]);
    const issues = answerIssues(limited, { q14_social_media: "政".repeat(501) }, englishMessages);
    expect(issues.find((i) => i.field === "q14_social_media")?.message).toMatch(
      /has 501 words; the limit is 500/,
    );
  });

  it("checks e-mail fields", () => {
    expect(submit.safeParse({ contact_email: "focal.point@gov.rw" }).success).toBe(true);
    expect(errorFields(submit.safeParse({ contact_email: "not an address" }))).toEqual([
      "contact_email",
    ]);
    expect(errorFields(submit.safeParse({ q4_has_cio: "yes", q4_cio_email: "cio@" }))).toEqual([
      "q4_cio_email",
    ]);
  });

  it("refuses a follow-up answered when its condition does not hold", () => {
    expect(submit.safeParse({ q4_has_cio: "yes", q4_cio_name: "A. Person" }).success).toBe(true);
    expect(errorFields(submit.safeParse({ q4_has_cio: "no", q4_cio_name: "A. Person" }))).toEqual([
      "q4_cio_name",
    ]);
    expect(
      errorFields(submit.safeParse({ q15_new_tech_strategy: ["ai"], q15_other: "Drones" })),
    ).toEqual(["q15_other"]);
    expect(
      submit.safeParse({ q15_new_tech_strategy: ["ai", "other"], q15_other: "Drones" }).success,
    ).toBe(true);
  });

  it("does not block on unanswered questions (they are warnings)", () => {
    expect(submit.safeParse({}).success).toBe(true);
    const unanswered = answerIssues(msq2020, {}, englishMessages).filter(
      (i) => i.code === "unanswered",
    );
    // Follow-ups whose condition does not hold are not asked, so not "unanswered".
    expect(unanswered.map((i) => i.field)).not.toContain("q4_cio_name");
    expect(unanswered.map((i) => i.field)).toContain("q4_has_cio");
    expect(unanswered.every((i) => !i.blocksSubmit)).toBe(true);
  });
});

describe("validation of a response with every answer at its cap", () => {
  // Linear: 3–60 ms for the address shape, 0.3–1.6 s for Chinese (19 long answers of 50,000
  // characters through the segmenter), idle to busy; quadratic, the first took 137 s.
  for (const shape of ["a@ + dots + @", "Chinese and Latin letters"]) {
    it(`refuses the submission with a message per problem, in linear time: ${shape}`, async () => {
      const result = submit.safeParse(answersAtCap(msq2020, shape));
      expect(result.success).toBe(false);
      expect(result.error!.issues.every((issue) => issue.message !== "")).toBe(true);
      expect(draft.safeParse(answersAtCap(msq2020, shape)).success).toBe(true);
      await expectLinear(
        (fraction) => {
          const answers = answersAtCap(msq2020, shape, fraction);
          return () => submit.safeParse(answers);
        },
        1,
        2000,
        2,
      );
    });
  }
});
