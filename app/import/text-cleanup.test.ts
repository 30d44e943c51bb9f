import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { readOptionLine, readYesNo } from "./checkboxes";
import { parseDate } from "./header";
import { documentLines } from "./lines";
import { linkToText, stripMarkup } from "./markup";
import { inEnglish } from "./messages.test-helper";
import { normaliseCharacters } from "./normalise";
import { questionSpecs } from "./question-specs";

describe("markup to plain text", () => {
  it.each([
    ["**e-government²** portal", "e-government portal"],
    ["UNDESA<sup>1</sup> assesses", "UNDESA assesses"],
    ["[www.iran.gov.ir](http://www.iran.gov.ir)", "http://www.iran.gov.ir"],
    ["[Attachment 1](#) shows", "Attachment 1 shows"],
    ["see <https://data.gov.ir/>", "see https://data.gov.ir/"],
    ["[E-BOX](https://ebox.ir) platform", "E-BOX (https://ebox.ir) platform"],
    ['<a href="mailto:nazemi@ito.gov.ir">nazemi@ito.gov.ir</a>', "nazemi@ito.gov.ir"],
    ["<b>Name:</b>  Amir", "Name:  Amir"],
    ["[Sustainable Development Goals \\(SDGs\\)](#)?", "Sustainable Development Goals (SDGs)?"],
    ["[http://x.ir/training-\\(1\\)](http://x.ir/training-(1))", "http://x.ir/training-(1)"],
    [
      "[https://www.mofa.gov.qa/home - Contact-Us](https://www.mofa.gov.qa/home-Contact-Us)",
      "https://www.mofa.gov.qa/home-Contact-Us",
    ],
    ["@Eshaq\\_jahangiri", "@Eshaq_jahangiri"],
    ["### I. Institutional Framework", "I. Institutional Framework"],
    ["11. If yes … *(Max. 250 words)*", "11. If yes … (Max. 250 words)"],
    ["Up to basic education:**", "Up to basic education:"],
    ["AT&amp;T &lt;tag&gt;", "AT&T <tag>"],
  ])("%s → %s", (markup, plain) => {
    expect(stripMarkup(markup)).toBe(plain);
  });

  it("keeps a link's text only when it says more than its address", () => {
    expect(linkToText("www.x.gov", "http://www.x.gov/")).toBe("http://www.x.gov/");
    expect(linkToText("Road map", "https://iot.itrc.ac.ir/")).toBe(
      "Road map (https://iot.itrc.ac.ir/)",
    );
  });
});

describe("characters", () => {
  it("removes the byte-order mark and normalises line endings, spaces and boxes", () => {
    expect(normaliseCharacters("\uFEFFa\r\nb\rc\u00A0d [X] e [ ] f ☑ g")).toBe(
      "a\nb\nc d ☒ e ☐ f ☒ g",
    );
  });

  it("does not take a link for a box", () => {
    expect(normaliseCharacters("[X](https://x.org)")).toBe("[X](https://x.org)");
  });
});

describe("document lines", () => {
  const lines = (text: string) =>
    documentLines(text, msq2020, questionSpecs(msq2020)).map((l) => l.text);

  it("joins lines broken by the page, not list items or addresses", () => {
    expect(
      lines("a long sentence that goes on for\n7years and\nends here.\n1- item\nhttps://x.org"),
    ).toEqual([
      "a long sentence that goes on for 7years and ends here.",
      "1- item",
      "https://x.org",
    ]);
  });

  it("joins a word hyphenated across a blank line, and a list number split from its item", () => {
    expect(lines("to ensure e-\n\ngovernment is accessible\n\n1-\n\nPersonal data")).toEqual([
      "to ensure e-government is accessible",
      "",
      "1- Personal data",
    ]);
  });

  it("blanks footnotes, running titles, section headings and word-limit reminders", () => {
    const text = [
      "answer",
      "⁵ CIO or a similar senior official",
      "United Nations E-Government Survey 2020 - Member States Questionnaire (MSQ)",
      "VIII.",
      "Indicators",
      "Please keep your response with max 250 words.",
      "(Max. 250 words)",
      "next",
    ].join("\n");
    expect(lines(text)).toEqual(["answer", "", "next"]);
  });

  it("blanks a PDF footnote block up to the next page, keeping a question label inside it", () => {
    const text =
      "h.\n1\n\nFinance/Taxation\n\nCIO or a similar senior official\n Rwanda Revenue Authority";
    expect(lines(text)).toEqual(["Finance/Taxation", "", "Rwanda Revenue Authority"]);
  });
});

describe("dates", () => {
  it.each([
    ["30/03/2019", "2019-03-30"],
    ["31.07.2019", "2019-07-31"],
    ["05-04-19", "2019-04-05"],
    ["2019-03-27", "2019-03-27"],
    ["30 March 2019", "2019-03-30"],
    ["March 30, 2019", "2019-03-30"],
    ["Date: 1/2/2019", "2019-02-01"],
  ])("reads %s as %s (day before month)", (written, iso) => {
    expect(parseDate(written)).toBe(iso);
  });

  it("tells an impossible date (null) from a line that is not a date (undefined)", () => {
    expect(parseDate("31/02/2019")).toBeNull();
    expect(parseDate("Rwanda")).toBeUndefined();
  });
});

describe("tick boxes", () => {
  const options = [
    { key: "ai", text: "Artificial Intelligence (AI)" },
    { key: "blockchain", text: "Blockchain" },
    { key: "big_data", text: "Big data" },
    { key: "other", text: "Other" },
  ];

  it("reads several boxes on a line", () => {
    expect(readOptionLine("☐ Artificial Intelligence (AI) ☒ Blockchain", options)?.marks).toEqual([
      { key: "ai", state: "unticked", after: "" },
      { key: "blockchain", state: "ticked", after: "" },
    ]);
  });

  it("reads options in columns without boxes, and the text after Other", () => {
    const line = readOptionLine(
      "- Artificial Intelligence (AI)    Blockchain Big data Other: robots",
      options,
    );
    expect(line?.marks.map((m) => [m.key, m.state])).toEqual([
      ["ai", "unknown"],
      ["blockchain", "unknown"],
      ["big_data", "unknown"],
      ["other", "unknown"],
    ]);
    expect(line?.marks.at(-1)?.after).toBe("robots");
  });

  it("does not take a sentence for an option", () => {
    expect(readOptionLine("Blockchains are popular", options)).toBeNull();
  });

  it.each([
    [["☒Yes", "☐No"], "yes", null],
    [["[ ] Yes [X] No"].map(normaliseCharacters), "no", null],
    [["Yes."], "yes", null],
    [["No, not yet"], "no", null],
    [["- Yes No"], null, /lost in conversion/],
    [["No information"], null, /No Yes\/No answer/],
    [[], null, /No Yes\/No answer/],
  ])("reads %j as %s", (lines, value, problem) => {
    const reading = readYesNo(lines);
    expect(reading.value).toBe(value);
    if (problem) expect(reading.problem && inEnglish(reading.problem)).toMatch(problem);
    else expect(reading.problem).toBeNull();
  });
});
