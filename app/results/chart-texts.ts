import { joinClauses, regionName, type Copy } from "~/i18n/copy";
import type { Locale } from "~/i18n/locale";
import { percentOf, type ChartGroup, type GraphicChart, type TallyLabels } from "./tally";

// The words of a chart in the page's language, for the page, the SVG and PNG downloads and the
// CSV alike: the categories' names, the numbers of its table, its description for screen
// readers. Pure (the copy is given).

export function tallyLabels(copy: Copy): TallyLabels {
  const r = copy.results;
  return {
    yes: copy.questionnaire.yes,
    no: copy.questionnaire.no,
    noAnswer: r.noAnswer,
    notANumber: r.notANumber,
    bin: (from, to, unit) => (unit ? r.binWithUnit({ from, to, unit }) : r.bin({ from, to })),
  };
}

/** What the filters count, as a clause list: "Submitted and accepted, Africa, authorised only". */
export type FiltersChoice = {
  acceptedOnly: boolean;
  region: string | null;
  authorisedOnly: boolean;
};

export function describeFilters(choice: FiltersChoice, copy: Copy, locale: Locale): string {
  const r = copy.results;
  return joinClauses(locale, [
    choice.acceptedOnly ? r.countedAccepted : r.countedSubmitted,
    choice.region ? regionName(copy, choice.region) : r.filtersAll,
    ...(choice.authorisedOnly ? [r.countedAuthorised] : []),
  ]);
}

/** A cell of a chart's table: text, a count, or a share in whole percent. */
export type TableCell = { text: string } | { count: number } | { percent: number };

export type ChartTable = { columns: string[]; rows: TableCell[][] };

const groupName = (group: ChartGroup, copy: Copy) =>
  group.region === null ? copy.results.allCounted : regionName(copy, group.region);

/**
 * The chart's numbers as a table, the same for the page and the CSV: a row per answer (count and
 * share of the respondents) and a last row with the respondents; broken down by region, a row
 * per answer and group (every response counted, then each region) with its respondents.
 */
export function chartTable(chart: GraphicChart, copy: Copy): ChartTable {
  const r = copy.results;
  if (!chart.regions) {
    const { counts, respondents } = chart.total;
    return {
      columns: [r.answer, r.countries, r.share],
      rows: [
        ...chart.categories.map((category, i): TableCell[] => [
          { text: category.text },
          { count: counts[i]! },
          { percent: percentOf(counts[i]!, respondents) },
        ]),
        [{ text: r.respondentsRow }, { count: respondents }, { text: "" }],
      ],
    };
  }
  const groups = [chart.total, ...chart.regions];
  return {
    columns: [r.answer, r.regionColumn, r.countries, r.respondents, r.share],
    rows: chart.categories.flatMap((category, i) =>
      groups.map((group): TableCell[] => [
        { text: category.text },
        { text: groupName(group, copy) },
        { count: group.counts[i]! },
        { count: group.respondents },
        { percent: percentOf(group.counts[i]!, group.respondents) },
      ]),
    ),
  };
}

/** A cell as the page shows it, in the page's language. */
export function cellText(cell: TableCell, copy: Copy): string {
  if ("text" in cell) return cell.text;
  if ("count" in cell) return copy.results.count({ n: cell.count });
  // The share given as the rounded percent, so the page, the chart and the CSV agree.
  return copy.results.percent({ rate: cell.percent / 100 });
}

/** Everything a chart's picture writes. */
export type ChartTexts = {
  title: string;
  desc: string;
  /** A bar's value: "3 (75 %)". */
  value: (count: number, percent: number) => string;
  groupName: (group: ChartGroup) => string;
  /** Under the title of a downloaded chart: the round, what was counted and how. */
  subtitle: string[];
  /** At the foot of a downloaded chart: how to read the shares. */
  notes: string[];
};

export function chartTexts(
  chart: GraphicChart,
  copy: Copy,
  context: { roundName: string; filters: string },
): ChartTexts {
  const r = copy.results;
  const { counted, respondents } = chart.total;
  return {
    title: chart.title,
    desc: chart.regions ? r.chartDescByRegion : r.chartDesc({ respondents }),
    value: (n, percent) => r.barValue({ n, rate: percent / 100 }),
    groupName: (group) => groupName(group, copy),
    subtitle: [
      `${context.roundName} · ${context.filters}`,
      r.chartCounted({ counted, respondents }),
    ],
    notes: [
      r.shareNote,
      ...(chart.multiple ? [r.multipleNote] : []),
      ...(chart.kind === "distribution" ? [r.binsNote] : []),
    ],
  };
}
