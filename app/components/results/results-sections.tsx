import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { UntranslatedMark } from "~/components/questionnaire/question-text";
import { useCopy, useLocale } from "~/i18n";
import { regionName } from "~/i18n/copy";
import { directionOf } from "~/i18n/locale";
import type { Question, Section } from "~/questionnaire/types";
import { ChartSvg } from "~/results/chart-svg";
import { cellText, chartTable, chartTexts } from "~/results/chart-texts";
import { resultAnchor, resultsHref, type ResultsQuery } from "~/results/query";
import {
  DEFAULT_TALLY_OPTIONS,
  isGraphic,
  percentOf,
  type Chart,
  type GraphicChart,
  type TextChart,
} from "~/results/tally";
import type { Segment } from "~/results/text-search";
import { HiddenQuery } from "./results-filters";

// The Results page's body, shared by the reviewers' page and the public one: a contents list,
// a heading per section and, per question, its chart: bars (or a distribution) drawn in SVG with
// the same numbers in a table and downloads, or a text question's answers by country with a
// search through them.

export type ResultsSection = {
  id: string;
  title: string;
  untranslated?: Section["untranslated"];
  questions: { key: string; untranslated?: Question["untranslated"] }[];
};

export type ResultsContext = {
  query: ResultsQuery;
  round: { id: string; name: string; current: boolean };
  /** What the filters count, in words (drawn into downloaded charts). */
  filters: string;
  /** The page, for its forms and links. */
  basePath: string;
  /** Where the downloads are: `${filesPath}/chart.svg` etc. */
  filesPath: string;
  /** Where a country's whole answer is read; null: nowhere (the public page). */
  answerHref: ((code: string, key: string) => string) | null;
};

/** The one description of every search box, said once at the top of the page. */
export const SEARCH_HINT_ID = "results-search-hint";

/** How many answers a short text lists before "Show all". */
const PREVIEW = DEFAULT_TALLY_OPTIONS.preview;

/** A parent question named in a sentence: its first words when it is long. */
const shortened = (text: string) => (text.length > 120 ? `${text.slice(0, 117).trimEnd()}…` : text);

const sectionAnchor = (id: string) => `results-section-${id}`;

function SectionHeading({ section }: { section: ResultsSection }) {
  return (
    <>
      {section.id}.{" "}
      {section.untranslated ? (
        <>
          <span lang="en">{section.title}</span> <UntranslatedMark />
        </>
      ) : (
        section.title
      )}
    </>
  );
}

function ResultTitle({
  chart,
  untranslated,
}: {
  chart: Chart;
  untranslated?: Question["untranslated"];
}) {
  return (
    <>
      {untranslated?.text ? <span lang="en">{chart.title}</span> : chart.title}
      {untranslated ? (
        <>
          {" "}
          <UntranslatedMark />
        </>
      ) : null}
    </>
  );
}

/** The sections that have a chart, each listing its questions that do. */
function withCharts(sections: readonly ResultsSection[], charts: readonly Chart[]) {
  const byKey = new Map(charts.map((chart) => [chart.key, chart]));
  return sections.flatMap((section) => {
    const items = section.questions.flatMap((q) => {
      const chart = byKey.get(q.key);
      return chart ? [{ chart, untranslated: q.untranslated }] : [];
    });
    return items.length > 0 ? [{ section, items }] : [];
  });
}

export function ResultsContents({
  sections,
  charts,
}: {
  sections: readonly ResultsSection[];
  charts: readonly Chart[];
}) {
  const copy = useCopy();
  return (
    <nav className="results-contents" aria-labelledby="results-contents-title">
      <h2 id="results-contents-title">{copy.results.contents}</h2>
      <ol>
        {withCharts(sections, charts).map(({ section }) => (
          <li key={section.id}>
            <a href={`#${sectionAnchor(section.id)}`}>
              <SectionHeading section={section} />
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ResultsSections({
  sections,
  charts,
  context,
  level = 2,
}: {
  sections: readonly ResultsSection[];
  charts: readonly Chart[];
  context: ResultsContext;
  /** The level of the sections' headings; each question's is one below. */
  level?: 2 | 3;
}) {
  const SectionTag = level === 2 ? "h2" : "h3";
  return (
    <>
      {withCharts(sections, charts).map(({ section, items }) => (
        <section
          key={section.id}
          className="results-section"
          aria-labelledby={sectionAnchor(section.id)}
        >
          <SectionTag id={sectionAnchor(section.id)}>
            <SectionHeading section={section} />
          </SectionTag>
          {items.map(({ chart, untranslated }) => (
            <Result
              key={chart.key}
              heading={<ResultTitle chart={chart} untranslated={untranslated} />}
              chart={chart}
              context={context}
              level={level === 2 ? "h3" : "h4"}
            />
          ))}
        </section>
      ))}
    </>
  );
}

function Result({
  chart,
  heading,
  context,
  level,
}: {
  chart: Chart;
  heading: ReactNode;
  context: ResultsContext;
  level: "h3" | "h4";
}) {
  const copy = useCopy();
  const anchor = resultAnchor(chart.key);
  const Heading = level;
  return (
    <article className="result" id={anchor} aria-labelledby={`${anchor}-title`}>
      <Heading id={`${anchor}-title`} className="result__title">
        {heading}
      </Heading>
      {chart.followUpOf ? (
        <p className="result__asked">
          {copy.results.followUpOf({ question: shortened(chart.followUpOf) })}
        </p>
      ) : null}
      {isGraphic(chart) ? (
        <GraphicResult chart={chart} anchor={anchor} context={context} />
      ) : (
        <TextResult chart={chart} anchor={anchor} context={context} />
      )}
    </article>
  );
}

/** `path/file` for this chart with the page's filters. */
function fileHref(context: ResultsContext, file: string, key: string, query = "") {
  return resultsHref(
    `${context.filesPath}/${file}`,
    { ...context.query, focus: { key, query } },
    context.round,
  );
}

function GraphicResult({
  chart,
  anchor,
  context,
}: {
  chart: GraphicChart;
  anchor: string;
  context: ResultsContext;
}) {
  const copy = useCopy();
  const locale = useLocale();
  const r = copy.results;
  const texts = chartTexts(chart, copy, {
    roundName: context.round.name,
    filters: context.filters,
  });
  const table = chartTable(chart, copy);
  const groups = chart.regions ? chart.regions.length + 1 : 1;
  const counted = (
    <p className="result__counted">
      {r.chartCounted({ counted: chart.total.counted, respondents: chart.total.respondents })}
    </p>
  );
  // Bars of nobody say nothing: a follow-up none of the responses counted was asked.
  if (chart.total.respondents === 0)
    return (
      <>
        {counted}
        <p>{r.notAsked}</p>
      </>
    );
  return (
    <>
      {counted}
      <div className="chart">
        <div className="chart__picture">
          <ChartSvg chart={chart} texts={texts} rtl={directionOf(locale) === "rtl"} id={anchor} />
        </div>
        <div className="table-scroll chart__table">
          <table>
            <caption>{r.tableCaption}</caption>
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <th key={i} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            {chart.regions ? (
              // A group of rows per answer: the answer once, then every response counted and each region.
              chart.categories.map((category, c) => (
                <tbody key={category.key}>
                  {table.rows.slice(c * groups, (c + 1) * groups).map((row, g) => (
                    <tr key={g}>
                      {g === 0 ? (
                        <th scope="rowgroup" rowSpan={groups}>
                          {category.text}
                        </th>
                      ) : null}
                      {row.slice(1).map((cell, i) =>
                        i === 0 ? (
                          <th key={i} scope="row" className="chart__group">
                            {cellText(cell, copy)}
                          </th>
                        ) : (
                          <td key={i} className="number">
                            {cellText(cell, copy)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              ))
            ) : (
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i} className={i === table.rows.length - 1 ? "chart__total" : undefined}>
                    <th scope="row">{cellText(row[0]!, copy)}</th>
                    {row.slice(1).map((cell, j) => (
                      <td key={j} className="number">
                        {cellText(cell, copy)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            )}
          </table>
        </div>
      </div>
      {texts.notes.slice(1).map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <p className="chart-downloads">
        <span>{r.download}</span>{" "}
        {(["svg", "png", "csv"] as const).map((format, i) => (
          <Fragment key={format}>
            {i > 0 ? " · " : null}
            <a
              href={fileHref(context, `chart.${format}`, chart.key)}
              download
              aria-label={r.downloadAs({ format: r[format] })}
              aria-describedby={`${anchor}-title`}
            >
              {r[format]}
            </a>
          </Fragment>
        ))}
      </p>
    </>
  );
}

function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i}>{segment.text}</mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

function TextResult({
  chart,
  anchor,
  context,
}: {
  chart: TextChart;
  anchor: string;
  context: ResultsContext;
}) {
  const copy = useCopy();
  const r = copy.results;
  const { query, round } = context;
  const focused = query.focus?.key === chart.key;
  const searching = chart.query !== "";
  const hrefWith = (focus: ResultsQuery["focus"]) =>
    resultsHref(context.basePath, { ...query, focus }, round, anchor);
  const searchId = `${anchor}-q`;
  return (
    <>
      <p className="result__counted">
        {r.chartCounted({ counted: chart.counted, respondents: chart.respondents })}
        {chart.answered > 0 ? (
          <>
            {" "}
            {r.answered({
              answered: chart.answered,
              rate: percentOf(chart.answered, chart.respondents) / 100,
            })}
          </>
        ) : null}
      </p>
      {chart.answered > 0 ? (
        <form method="get" action={`${context.basePath}#${anchor}`} className="text-search">
          <HiddenQuery query={{ ...query, focus: null }} round={round} />
          <input type="hidden" name="key" value={chart.key} />
          <label htmlFor={searchId}>{r.search}</label>
          <input
            id={searchId}
            type="search"
            name="q"
            defaultValue={chart.query}
            maxLength={200}
            aria-describedby={SEARCH_HINT_ID}
          />
          <button type="submit" className="secondary">
            {r.searchButton}
          </button>
          {searching ? <Link to={hrefWith(null)}>{r.clearSearch}</Link> : null}
        </form>
      ) : (
        <p>{chart.respondents === 0 ? r.notAsked : r.noAnswers}</p>
      )}
      {chart.matching !== null ? (
        <p className="text-search__found">
          <strong>{r.matching({ n: chart.matching, query: chart.query })}</strong>
        </p>
      ) : null}
      {chart.items.length > 0 ? (
        <div className="table-scroll">
          <table className="answers">
            <caption>{r.answersCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.country}</th>
                <th scope="col">{r.regionColumn}</th>
                {searching ? <th scope="col">{r.matches}</th> : null}
                <th scope="col">{r.answerColumn}</th>
              </tr>
            </thead>
            <tbody>
              {chart.items.map((item) => (
                <tr key={item.code}>
                  <th scope="row">
                    {context.answerHref ? (
                      <Link to={context.answerHref(item.code, chart.key)}>{item.name}</Link>
                    ) : (
                      item.name
                    )}
                  </th>
                  <td>{regionName(copy, item.region)}</td>
                  {searching ? (
                    <td className="number">{r.count({ n: item.matches ?? 0 })}</td>
                  ) : null}
                  <td
                    className={`answers__text${chart.kind === "search" ? " answers__text--excerpts" : ""}`}
                    dir="auto"
                  >
                    {item.excerpts.map((excerpt, i) => (
                      <p key={i}>
                        <Segments segments={excerpt} />
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {chart.listed > chart.items.length ? (
        <p className="results__more">
          {chart.items.length > 0 ? (
            <>{r.preview({ shown: chart.items.length, n: chart.listed })} </>
          ) : null}
          <Link to={hrefWith({ key: chart.key, query: "" })}>{r.showAll({ n: chart.listed })}</Link>
        </p>
      ) : focused && !searching && chart.listed > (chart.kind === "list" ? PREVIEW : 0) ? (
        <p className="results__more">
          <Link to={hrefWith(null)}>{r.showFewer}</Link>
        </p>
      ) : null}
      {chart.answered > 0 && (!searching || (chart.matching ?? 0) > 0) ? (
        <p className="chart-downloads">
          <a href={fileHref(context, "answers.csv", chart.key, chart.query)} download>
            {r.answersCsv}
          </a>
        </p>
      ) : null}
    </>
  );
}
