import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { findQuestion } from "~/questionnaire";
import { chartParts } from "~/questionnaire/chart-types";
import { questionKinds } from "~/questionnaire/question-types";
import { tallyLabels } from "./chart-texts";
import { fixtureQuestionnaire, fixtureRows } from "./fixture.test-helper";
import {
  binEdges,
  binOf,
  DEFAULT_TALLY_OPTIONS,
  percentOf,
  tallyQuestion,
  tallyQuestionnaire,
  type GraphicChart,
  type TallyOptions,
  type TextChart,
} from "./tally";

// The counts and shares of the Results page against seven countries whose answers are known
// (fixture.test-helper.ts works every expected number out by hand).

const labels = tallyLabels(copyFor("en"));
const question = (key: string) => findQuestion(fixtureQuestionnaire, key)!;
const graphic = (key: string, options: Partial<TallyOptions> = {}, rows = fixtureRows) =>
  tallyQuestion(question(key), rows, labels, {
    ...DEFAULT_TALLY_OPTIONS,
    ...options,
  }) as GraphicChart;
const text = (key: string, options: Partial<TallyOptions> = {}) =>
  tallyQuestion(question(key), fixtureRows, labels, {
    ...DEFAULT_TALLY_OPTIONS,
    ...options,
  }) as TextChart;
/** "Yes 4 57": each category with its count and share of the respondents. */
const readout = (chart: GraphicChart, group = chart.total) =>
  chart.categories.map(
    (c, i) => `${c.text} ${group.counts[i]} ${percentOf(group.counts[i]!, group.respondents)}`,
  );

describe("the chart of each question type", () => {
  it("has an entry for every question type", () => {
    expect(Object.keys(chartParts).sort()).toEqual(Object.keys(questionKinds).sort());
  });

  it("counts a yes/no question over every response, unanswered ones as No answer", () => {
    const chart = graphic("has_cio");
    expect(chart.kind).toBe("bars");
    expect(chart.total).toMatchObject({ counted: 7, respondents: 7 });
    expect(readout(chart)).toEqual(["Yes 4 57", "No 2 29", "No answer 1 14"]);
  });

  it("counts a multiple choice per option: a country in several, shares over 100 % in all", () => {
    const chart = graphic("features");
    expect(chart.multiple).toBe(true);
    expect(readout(chart)).toEqual([
      "has a plan 4 57",
      "is aligned with the SDGs 3 43",
      "=applies the once-only principle 3 43",
      "No answer 1 14",
    ]);
  });

  it("counts a single choice, its shares rounded each (43 + 29 + 29)", () => {
    expect(readout(graphic("level"))).toEqual(["Low 3 43", "High 2 29", "No answer 2 29"]);
  });

  it("bins a percentage in tens, a bin including its lower bound, the last both", () => {
    const chart = graphic("online_share");
    expect(chart.kind).toBe("distribution");
    const shown = readout(chart).filter((line) => !line.endsWith(" 0 0"));
    expect(shown).toEqual([
      "0–10 % 2 29",
      "10–20 % 1 14",
      "40–50 % 1 14",
      "90–100 % 2 29",
      "No answer 1 14",
    ]);
    expect(chart.categories).toHaveLength(11);
  });

  it("bins a number without bounds over a nice range around its answers", () => {
    const chart = graphic("agencies");
    const counts = chart.total.counts;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(counts.at(-1)).toBe(4); // no answer: FRA, GHA, QAT, TJK
    // 3, 12 and 250: d3's nice range, 0–300 in steps of 50 (250 starts the last bin).
    expect(chart.categories.map((c) => c.text)).toEqual([
      "0–50",
      "50–100",
      "100–150",
      "150–200",
      "200–250",
      "250–300",
      "No answer",
    ]);
    expect(counts).toEqual([2, 0, 0, 0, 0, 1, 4]);
  });

  it("lists a short text's answers by country, among those asked", () => {
    const chart = text("cio_name");
    expect(chart).toMatchObject({
      kind: "list",
      counted: 7,
      respondents: 4,
      answered: 3,
      listed: 3,
    });
    expect(chart.items.map((i) => i.code)).toEqual(["CHL", "RWA", "TJK"]);
    expect(chart.items[0]!.excerpts).toEqual([[{ text: "Ana", mark: false }]]);
  });

  it("lists no long answer until searched, then the countries whose answer matches", () => {
    expect(text("story")).toMatchObject({ kind: "search", answered: 4, listed: 4, items: [] });
    const found = text("story", { focus: { key: "story", query: "open data" } });
    expect(found).toMatchObject({ query: "open data", matching: 3, listed: 3 });
    expect(found.items.map((i) => [i.code, i.matches])).toEqual([
      ["FRA", 2],
      ["KEN", 1],
      ["RWA", 1],
    ]);
    expect(found.items[1]!.excerpts[0]).toEqual([
      { text: "The ", mark: false },
      { text: "Open Data", mark: true },
      { text: " portal lists every dataset.", mark: false },
    ]);
  });

  it("lists a preview of a short text, and every answer when it is the focus", () => {
    expect(text("cio_name", { preview: 2 }).items).toHaveLength(2);
    expect(
      text("cio_name", { preview: 2, focus: { key: "cio_name", query: "" } }).items,
    ).toHaveLength(3);
    const searched = text("cio_name", { focus: { key: "cio_name", query: "Z" } });
    expect(searched.items.map((i) => [i.code, i.matches])).toEqual([["TJK", 2]]);
    expect(searched.items[0]!.excerpts).toEqual([
      [
        { text: "A", mark: false },
        { text: "z", mark: true },
        { text: "i", mark: false },
        { text: "z", mark: true },
      ],
    ]);
  });
});

describe("follow-ups", () => {
  it("counts as respondents only the responses that were asked the question", () => {
    // Asked only after "yes": GHA asked and unanswered, KEN/FRA/QAT not asked at all.
    expect(text("cio_name")).toMatchObject({ respondents: 4, answered: 3 });
    const rows = fixtureRows.map((r) =>
      r.code === "KEN" ? { ...r, answers: { ...r.answers, cio_name: "left from a yes" } } : r,
    );
    const chart = tallyQuestion(question("cio_name"), rows, labels) as TextChart;
    expect(chart.respondents).toBe(4);
    expect(chart.items.map((i) => i.code)).not.toContain("KEN");
  });
});

describe("the region breakdown", () => {
  it("gives every region with responses its own respondents and counts", () => {
    const chart = graphic("features", { byRegion: true });
    expect(chart.regions!.map((g) => [g.region, g.counted, g.respondents])).toEqual([
      ["Africa", 3, 3],
      ["Americas", 1, 1],
      ["Asia", 2, 2],
      ["Europe", 1, 1],
    ]);
    const [africa, americas, asia, europe] = chart.regions!;
    expect(readout(chart, africa)).toEqual([
      "has a plan 2 67",
      "is aligned with the SDGs 1 33",
      "=applies the once-only principle 0 0",
      "No answer 1 33",
    ]);
    expect(americas!.counts).toEqual([1, 0, 0, 0]);
    expect(asia!.counts).toEqual([1, 2, 2, 0]);
    expect(europe!.counts).toEqual([0, 0, 1, 0]);
    // The total is the sum of the regions.
    chart.total.counts.forEach((count, i) =>
      expect(chart.regions!.reduce((sum, g) => sum + g.counts[i]!, 0)).toBe(count),
    );
  });

  it("counts a follow-up's respondents per region", () => {
    const chart = tallyQuestion(question("has_cio"), fixtureRows, labels, {
      ...DEFAULT_TALLY_OPTIONS,
      byRegion: true,
    }) as GraphicChart;
    expect(chart.regions!.find((g) => g.region === "Africa")!.counts).toEqual([2, 1, 0]);
  });

  it("is absent unless asked for", () => {
    expect(graphic("features").regions).toBeNull();
  });
});

describe("the filters' rows", () => {
  it("counts what is given: the rows a filter lets through (Africa only)", () => {
    const africa = fixtureRows.filter((r) => r.region === "Africa");
    const chart = graphic("has_cio", {}, africa);
    expect(chart.total).toMatchObject({ counted: 3, respondents: 3 });
    expect(readout(chart)).toEqual(["Yes 2 67", "No 1 33", "No answer 0 0"]);
  });

  it("counts nothing over no rows, without dividing by zero", () => {
    expect(readout(graphic("has_cio", {}, []))).toEqual(["Yes 0 0", "No 0 0", "No answer 0 0"]);
  });
});

describe("the whole questionnaire", () => {
  it("names a follow-up's parent question", () => {
    const all = tallyQuestionnaire(fixtureQuestionnaire, fixtureRows, labels);
    expect(all.map((c) => c.followUpOf)).toEqual([
      null,
      "1. Is there a CIO?",
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("charts every question in order, or only the kinds asked for", () => {
    const all = tallyQuestionnaire(fixtureQuestionnaire, fixtureRows, labels);
    expect(all.map((c) => c.key)).toEqual([
      "has_cio",
      "cio_name",
      "features",
      "level",
      "online_share",
      "agencies",
      "story",
    ]);
    const choices = tallyQuestionnaire(fixtureQuestionnaire, fixtureRows, labels, undefined, [
      "bars",
    ]);
    expect(choices.map((c) => c.key)).toEqual(["has_cio", "features", "level"]);
  });
});

describe("bins", () => {
  it("steps over the definition's range, the last bin closed", () => {
    const edges = binEdges({ min: 0, max: 100 }, 10, []);
    expect(edges).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect([0, 9.99, 10, 99.5, 100].map((n) => binOf(edges, n))).toEqual([0, 0, 1, 9, 9]);
  });

  it("has one bin when every answer is the same, none without a range or an answer", () => {
    expect(binEdges({}, null, [5, 5])).toEqual([5, 5]);
    expect(binOf([5, 5], 5)).toBe(0);
    expect(binEdges({}, null, [])).toEqual([]);
  });

  it("rounds shares to whole percents", () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(1, 8), percentOf(0, 0)]).toEqual([
      33, 67, 13, 0,
    ]);
  });
});
