import { describe, expect, it } from "vitest";
import {
  answerProblems,
  FILES,
  parsed,
  parseFile,
  readDocument,
  warningsFor,
} from "./documents.test-helper";
import type { ParsedMsq } from "./parse-msq";

// Other exports of the same form, made from the real files: each must read exactly the same.

const reading = (r: ParsedMsq) => ({
  country: r.country,
  responseDate: r.responseDate,
  authorizePublication: r.authorizePublication,
  answers: r.answers,
  warnings: r.warnings,
});

/** Every third space that precedes a word becomes a no-break space, as Word exports do. */
const withNoBreakSpaces = (text: string) => {
  let n = 0;
  return text.replace(/ (?=\S)/g, () => (++n % 3 === 0 ? "\u00A0" : " "));
};

describe.each(Object.entries(FILES))("%s", (_, file) => {
  const original = reading(parseFile(file));

  it("reads the same with Windows line endings, a byte-order mark and no-break spaces", () => {
    const variant = `\uFEFF${withNoBreakSpaces(readDocument(file)).replace(/\n/g, "\r\n")}`;
    expect(reading(parsed(variant))).toEqual(original);
  });

  it("reads the same with old Mac line endings and zero-width spaces", () => {
    const variant = readDocument(file)
      .replace(/\n/g, "\r")
      .replace(/(Yes|portal)/g, "\u200B$1");
    expect(reading(parsed(variant))).toEqual(original);
  });

  it("reads the same with a page number and a running title between two answers", () => {
    const variant = readDocument(file).replace(
      /(What is the official[^\n]*\n)/,
      "$1\nUnited Nations E-Government Survey 2020 - Member States Questionnaire (MSQ)\n17\n\nPage 3 of 12\n",
    );
    expect(reading(parsed(variant))).toEqual(original);
  });
});

describe("tick boxes as other tools write them", () => {
  const rwanda = readDocument(FILES.rwanda);
  const original = reading(parseFile(FILES.rwanda));

  it.each([
    ["[X] and [ ]", "[X]", "[ ]"],
    ["[x] and [ ]", "[x]", "[ ]"],
    ["☑ and ☐", "☑", "☐"],
    ["✔ and □", "✔", "□"],
  ])("reads %s like ☒ and ☐", (_, ticked, unticked) => {
    const variant = rwanda.replaceAll("☒", ticked).replaceAll("☐", unticked);
    expect(reading(parsed(variant))).toEqual(original);
  });

  it("reads boxes put back into a Markdown export whose ticks were lost", () => {
    const tajikistan = readDocument(FILES.tajikistan)
      .replace("- Yes No", "- [X] Yes [ ] No")
      .replace("- has an implementation plan.", "- [X] has an implementation plan.")
      .replace(/- (is aligned|has an emphasis|makes specific)/g, "- [ ] $1")
      .replace("I/We hereby authorize", "[X] I/We hereby authorize");
    const r = parsed(tajikistan);
    expect(r.authorizePublication).toBe(true);
    expect(r.answers.q10_collects_usage_stats).toBe("yes");
    expect(r.answers.q12_measures_satisfaction).toBeNull();
    expect(r.answers.q8_strategy_features).toEqual(["implementation_plan"]);
    expect(warningsFor(r, "q8_strategy_features")).toEqual([]);
  });

  it("reads an unticked authorisation as false", () => {
    expect(parsed(rwanda.replace("☒ I/We hereby", "☐ I/We hereby")).authorizePublication).toBe(
      false,
    );
  });

  it("makes both Yes and No ticked unknown, with a warning", () => {
    const r = parsed(rwanda.replace("☐No", "☒No"));
    expect(r.answers.q10_collects_usage_stats).toBeNull();
    expect(warningsFor(r, "q10_collects_usage_stats")).toEqual(["Both Yes and No are ticked."]);
  });
});

describe("what the document does not say", () => {
  const rwanda = readDocument(FILES.rwanda);

  it("leaves a missing question null with a warning, and finds the others", () => {
    const r = parsed(
      rwanda.replace(
        /14\. How does your government use social media[^\n]*\ne-government activities\?[^\n]*\nuse of social media\.\n/,
        "",
      ),
    );
    expect(r.answers.q14_social_media).toBeNull();
    expect(warningsFor(r, "q14_social_media")).toEqual([
      "This question was not found in the document.",
    ]);
    expect(r.answers.q15_new_tech_strategy).toEqual([]);
    expect(r.answers.q16_new_tech_body).toMatch(/^Under Rwanda Information Society Authority/);
  });

  it("warns about an unrecognised country and an impossible date", () => {
    const r = parsed(
      rwanda.replace("RWANDA", "Republic of Narnia").replace("30/03/2019", "31/02/2019"),
    );
    expect(r.country).toBeNull();
    expect(warningsFor(r, "country")[0]).toContain(
      '"Republic of Narnia" is not the name of a UN Member State',
    );
    expect(r.responseDate).toBeNull();
    expect(warningsFor(r, "response_date")[0]).toContain("31/02/2019");
  });

  it("keeps the text after a ticked Other as the Other answer", () => {
    const r = parsed(
      rwanda.replace("☐ Other:\n\n☐ Smart cities", "☒ Other: Cognitive science\n\n☐ Smart cities"),
    );
    expect(r.answers.q15_new_tech_strategy).toEqual(["other"]);
    expect(r.answers.q15_other).toBe("Cognitive science");
  });

  it("flags an Other text without the Other box ticked", () => {
    const r = parsed(
      rwanda.replace("☐ Other:\n\n☐ Smart cities", "☐ Other: Cognitive science\n\n☐ Smart cities"),
    );
    expect(r.answers.q15_other).toBe("Cognitive science");
    expect(warningsFor(r, "q15_other")[0]).toMatch(
      /"Other" is not ticked in q15_new_tech_strategy/,
    );
  });
});

describe("answers on the question's own line", () => {
  it("reads boxes and text written after the question", () => {
    const rwanda = readDocument(FILES.rwanda).replace(
      "e-government services?\n☒Yes\n\n☐No",
      "e-government services? ☒Yes ☐No",
    );
    expect(parsed(rwanda).answers.q10_collects_usage_stats).toBe("yes");
    const tajikistan = readDocument(FILES.tajikistan).replace(
      "please list all.\n\nHukumat.tj",
      "please list all. Hukumat.tj",
    );
    expect(parsed(tajikistan).answers.q1_national_portal).toBe("Hukumat.tj");
  });
});

describe("the furniture check used on every answer", () => {
  it("catches markup, footnotes and question text", () => {
    const answers = parseFile(FILES.rwanda).answers;
    expect(answerProblems({ ...answers, q6_development_strategy: "See **this**¹" })).toHaveLength(
      2,
    );
    expect(
      answerProblems({ ...answers, q7_egov_strategy: "CIO or a similar senior official" }),
    ).toHaveLength(1);
    expect(answerProblems({ ...answers, q19_staff_using_ict: "100%\n12" })).toHaveLength(1);
    expect(
      answerProblems({
        ...answers,
        q22_international_cooperation:
          "23. Is your government offering (or planning to offer) support",
      }),
    ).toHaveLength(1);
  });
});
