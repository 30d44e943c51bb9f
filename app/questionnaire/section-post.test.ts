import type { Answers } from "~/questionnaire/types";
import { answerIssues } from "~/questionnaire/validation";
import { englishMessages } from "~/i18n/english.test-helper";
import { describe, expect, it } from "vitest";
import { allQuestions, findSection } from "./index";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { fingerprint } from "./form-data";
import { parseSectionPost } from "./section-post";
import { formatAnswer } from "./format";
import { sectionProgress } from "./progress";
import { answersAtCap, sectionForm } from "./pathological.test-helper";
import { expectLinear, fastestMs } from "./timing.test-helper";

/** Progress as the pages compute it: from the answers and their issues, in English. */
const progressOf = (answers: Answers) =>
  sectionProgress(msq2020, answers, answerIssues(msq2020, answers, englishMessages));

const sectionI = findSection(msq2020, "I")!;
const sectionII = findSection(msq2020, "II")!;

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("parseSectionPost", () => {
  it("keeps only the fields whose value differs from what the page showed", () => {
    const post = parseSectionPost(
      msq2020,
      sectionI.questions,
      form([
        ["intent", "next"],
        ["base", "3"],
        ["q1_national_portal", "https://irembo.gov.rw"],
        ["orig.q1_national_portal", fingerprint("https://irembo.gov.rw")],
        ["q3_egov_agency", "Ministry of ICT\r\nRISA"],
        ["orig.q3_egov_agency", fingerprint(null)],
      ]),
      englishMessages,
    );
    expect(post).toEqual({
      intent: { kind: "next" },
      baseRevision: 3,
      changes: { q3_egov_agency: "Ministry of ICT\nRISA" },
      shown: { q3_egov_agency: fingerprint(null) },
      overwrite: [],
    });
  });

  it("reads cleared fields as null, checkboxes as arrays in option order", () => {
    const post = parseSectionPost(
      msq2020,
      sectionII.questions,
      form([
        ["base", "0"],
        ["fields", "q6_development_strategy,q8_strategy_features"],
        ["q6_development_strategy", "   "],
        ["orig.q6_development_strategy", fingerprint("old text")],
        ["q8_strategy_features", "aligned_sdgs"],
        ["q8_strategy_features", "implementation_plan"],
      ]),
      englishMessages,
    );
    expect(post).toMatchObject({
      intent: { kind: "save" },
      changes: {
        q6_development_strategy: null,
        q8_strategy_features: ["implementation_plan", "aligned_sdgs"],
      },
    });
  });

  it("refuses duplicated single-value fields, unknown options and bad intents", () => {
    const duplicated = form([
      ["base", "0"],
      ["q1_national_portal", "a"],
      ["q1_national_portal", "b"],
    ]);
    expect(parseSectionPost(msq2020, sectionI.questions, duplicated, englishMessages)).toEqual({
      error: "malformed",
      fields: ["q1_national_portal"],
    });
    const badOption = form([
      ["base", "0"],
      ["q8_strategy_features", "bogus"],
    ]);
    expect(
      parseSectionPost(msq2020, sectionII.questions, badOption, englishMessages),
    ).toMatchObject({
      error: "malformed",
    });
    const badIntent = form([
      ["base", "0"],
      ["intent", "drop-tables"],
    ]);
    expect(parseSectionPost(msq2020, sectionI.questions, badIntent, englishMessages)).toMatchObject(
      {
        error: "malformed",
      },
    );
    const badBase = form([["base", "-1"]]);
    expect(parseSectionPost(msq2020, sectionI.questions, badBase, englishMessages)).toMatchObject({
      error: "malformed",
    });
  });

  it("keep: overwrites after a conflict; theirs: drops the person's change", () => {
    const entries: [string, string][] = [
      ["base", "0"],
      ["q3_egov_agency", "mine"],
    ];
    const keep = parseSectionPost(
      msq2020,
      sectionI.questions,
      form([...entries, ["intent", "keep:q3_egov_agency"]]),
      englishMessages,
    );
    expect(keep).toMatchObject({
      overwrite: ["q3_egov_agency"],
      changes: { q3_egov_agency: "mine" },
    });
    const theirs = parseSectionPost(
      msq2020,
      sectionI.questions,
      form([...entries, ["intent", "theirs:q3_egov_agency"]]),
      englishMessages,
    );
    expect(theirs).toMatchObject({ overwrite: [] });
    expect("changes" in theirs && "q3_egov_agency" in theirs.changes).toBe(false);
  });
});

describe("formatAnswer", () => {
  it("shows yes/no and option texts as a person reads them", () => {
    const yesno = findSection(msq2020, "I")!.questions.find((q) => q.key === "q4_has_cio")!;
    expect(formatAnswer(yesno, "yes")).toBe("Yes");
    const multi = sectionII.questions.find((q) => q.key === "q8_strategy_features")!;
    expect(formatAnswer(multi, ["aligned_sdgs", "implementation_plan"])).toBe(
      "has an implementation plan.\nis aligned with the Sustainable Development Goals (SDGs).",
    );
    expect(formatAnswer(multi, [])).toBeNull();
    expect(formatAnswer(multi, null)).toBeNull();
  });
});

describe("sectionProgress", () => {
  it("counts asked questions only, and the problems that would block submission", () => {
    const progress = progressOf({
      q4_has_cio: "yes",
      q4_cio_name: "A",
      q6_development_strategy: "w ".repeat(251),
    });
    const one = progress.find((s) => s.id === "I")!;
    expect(one.total).toBe(22);
    expect(one.answered).toBe(2);
    expect(progress.find((s) => s.id === "II")!.errors.map((e) => e.code)).toEqual([
      "over_word_limit",
    ]);
    expect(progressOf({}).find((s) => s.id === "I")!.total).toBe(17);
  });
});

describe("parseSectionPost, awkward characters", () => {
  it("drops NUL from text (PostgreSQL cannot store it), as it turns CR LF into LF", () => {
    const post = parseSectionPost(
      msq2020,
      sectionI.questions,
      form([
        ["base", "0"],
        ["q3_egov_agency", "Min\u0000istry\r\nof ICT\u0000"],
        ["orig.q3_egov_agency", fingerprint(null)],
      ]),
      englishMessages,
    );
    expect(post).toMatchObject({ changes: { q3_egov_agency: "Ministry\nof ICT" } });
  });
});

describe("parseSectionPost on the largest posts the portal accepts", () => {
  const questions = allQuestions(msq2020);

  it("reads a post with every answer at its cap, in time linear in its length", async () => {
    const answers = answersAtCap(msq2020);
    const post = parseSectionPost(
      msq2020,
      questions,
      sectionForm(questions, answers),
      englishMessages,
    );
    expect("changes" in post && post.changes).toEqual(answers);
    // Linear: 5–20 ms (1 MB of answers).
    await expectLinear(
      (fraction) => {
        const form = sectionForm(questions, answersAtCap(msq2020, "a@ + dots + @", fraction));
        return () => parseSectionPost(msq2020, questions, form, englishMessages);
      },
      1,
      200,
    );
  });

  it("reads a 3 MB post padded with a million unknown fields quickly", async () => {
    const padded = sectionForm(questions, { q3_egov_agency: "Agency" });
    for (let i = 0; i < 1_000_000; i++) padded.append("x", "");
    // One pass over the fields: 100–300 ms; look-ups per question over every field took 2–5 s.
    expect(
      await fastestMs(() => parseSectionPost(msq2020, questions, padded, englishMessages), 1),
    ).toBeLessThan(1000);
    expect(parseSectionPost(msq2020, questions, padded, englishMessages)).toMatchObject({
      changes: { q3_egov_agency: "Agency" },
    });
  });
});
