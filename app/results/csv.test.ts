import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { findQuestion } from "~/questionnaire";
import { cellText, chartTable, tallyLabels } from "./chart-texts";
import { answersCsv, chartCsv } from "./csv";
import { fixtureQuestionnaire, fixtureRows } from "./fixture.test-helper";
import { DEFAULT_TALLY_OPTIONS, tallyQuestion, type GraphicChart } from "./tally";

// A chart's CSV holds its table's numbers, cell for cell, and is safe to open in a spreadsheet.

const en = copyFor("en");
const chart = (key: string, byRegion = false) =>
  tallyQuestion(findQuestion(fixtureQuestionnaire, key)!, fixtureRows, tallyLabels(en), {
    ...DEFAULT_TALLY_OPTIONS,
    byRegion,
  }) as GraphicChart;
const read = (csv: string): string[][] => {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return parse(csv.slice(1), { relax_column_count: true });
};

describe("a chart's CSV", () => {
  it.each([
    ["features", false],
    ["features", true],
    ["has_cio", true],
    ["online_share", false],
  ] as const)("of %s (by region: %s) equals its table, as the page shows it", (key, byRegion) => {
    const table = chartTable(chart(key, byRegion), en);
    const [header, ...rows] = read(chartCsv(table));
    expect(header).toEqual(table.columns);
    expect(rows).toHaveLength(table.rows.length);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const shown = cellText(table.rows[r]![c]!, en);
        // Numbers alike (the page writes "57%", the CSV 57); texts alike, as neutralised.
        if (/^\d+%?$/.test(shown)) expect(cell).toBe(shown.replace("%", ""));
        else expect(cell.replace(/^'/, "")).toBe(shown);
      }),
    );
  });

  it("holds the fixture's numbers: counts, shares in whole percent, the respondents", () => {
    expect(read(chartCsv(chartTable(chart("features"), en)))).toEqual([
      ["Answer", "Countries", "% of respondents"],
      ["has a plan", "4", "57"],
      ["is aligned with the SDGs", "3", "43"],
      ["'=applies the once-only principle", "3", "43"],
      ["No answer", "1", "14"],
      ["Respondents (asked this question)", "7", ""],
    ]);
  });

  it("gives each region its respondents when broken down", () => {
    const rows = read(chartCsv(chartTable(chart("has_cio", true), en)));
    expect(rows[0]).toEqual(["Answer", "Region", "Countries", "Respondents", "% of respondents"]);
    expect(rows.filter((r) => r[0] === "Yes")).toEqual([
      ["Yes", "All counted", "4", "7", "57"],
      ["Yes", "Africa", "2", "3", "67"],
      ["Yes", "Americas", "1", "1", "100"],
      ["Yes", "Asia", "1", "2", "50"],
      ["Yes", "Europe", "0", "1", "0"],
    ]);
  });

  it("is in the language asked for", () => {
    const fr = copyFor("fr");
    const table = chartTable(
      tallyQuestion(
        findQuestion(fixtureQuestionnaire, "has_cio")!,
        fixtureRows,
        tallyLabels(fr),
      ) as GraphicChart,
      fr,
    );
    expect(read(chartCsv(table))[0]).toEqual(["Réponse", "Pays", "% des répondants"]);
  });
});

describe("a text question's answers CSV", () => {
  const story = findQuestion(fixtureQuestionnaire, "story")!;

  it("lists every answer whole, or those matching the search with their number of matches", () => {
    expect(read(answersCsv(story, fixtureRows, "", en)).map((r) => r[0])).toEqual([
      "Country code",
      "FRA",
      "KEN",
      "QAT",
      "RWA",
    ]);
    expect(read(answersCsv(story, fixtureRows, "open data", en))).toEqual([
      ["Country code", "Country", "Region", "Matches", "Answer"],
      ["FRA", "France", "Europe", "2", "We share open DATA, and more open data every year."],
      ["KEN", "Kenya", "Africa", "1", "The Open Data portal lists every dataset."],
      ["RWA", "Rwanda", "Africa", "1", "We publish open data on the national portal."],
    ]);
  });

  it("neutralises an answer that a spreadsheet would run as a formula", () => {
    const rows = [{ ...fixtureRows[0]!, answers: { story: '=HYPERLINK("http://x")' } }];
    expect(read(answersCsv(story, rows, "", en))[1]![3]).toBe('\'=HYPERLINK("http://x")');
  });

  it("leaves out the responses that were not asked a follow-up", () => {
    const name = findQuestion(fixtureQuestionnaire, "cio_name")!;
    const rows = fixtureRows.map((r) =>
      r.code === "KEN" ? { ...r, answers: { ...r.answers, cio_name: "not asked" } } : r,
    );
    expect(read(answersCsv(name, rows, "", en)).map((r) => r[0])).toEqual([
      "Country code",
      "CHL",
      "RWA",
      "TJK",
    ]);
  });
});
