import { LineChart } from "~/charts/line-chart-view";
import { KeptOrRendered } from "~/components/kept-markup";
import { useCopy, useLocale } from "~/i18n";
import { formatList, regionName } from "~/i18n/copy";
import { formatDay } from "~/i18n/dates";
import { formatTag, type Locale } from "~/i18n/locale";
import type { RoundOverview } from "~/models/round-overview.server";
import { ALL_KEY, dayFromNumber } from "~/models/response-timeline";

// The response rate over time: the chart (laid out by the server) and its figures as a table,
// folded under it (a <details>, so it opens without JavaScript).

const formatters = new Map<
  string,
  { percent: Intl.NumberFormat; day: Intl.DateTimeFormat; month: Intl.DateTimeFormat }
>();
function formattersFor(locale: Locale) {
  let found = formatters.get(locale);
  if (!found) {
    const tag = formatTag(locale);
    found = {
      percent: new Intl.NumberFormat(tag, { style: "percent" }),
      day: new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" }),
      month: new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: "UTC" }),
    };
    formatters.set(locale, found);
  }
  return found;
}

export function ResponseTimeline({ timeline }: { timeline: RoundOverview["timeline"] }) {
  const copy = useCopy();
  const locale = useLocale();
  const t = copy.roundOverview.timeline;
  const { percent, ...dates } = formattersFor(locale);
  const tickFormat = dates[timeline.tickUnit];
  const nameOf = (region: string | null) => (region ? regionName(copy, region) : t.all);
  const regions = timeline.totals.filter((s) => s.region !== null);
  const all = timeline.totals.find((s) => s.region === null)!;
  return (
    <figure className="response-timeline">
      <figcaption id="timeline-title" className="response-timeline__title">
        {t.title}
      </figcaption>
      {timeline.chart ? (
        <>
          {/* Scrolls sideways on a phone: focusable, so it scrolls from the keyboard too. */}
          <div
            className="response-timeline__chart"
            role="region"
            aria-labelledby="timeline-title"
            tabIndex={0}
          >
            <LineChart
              id="timeline-chart"
              layout={timeline.chart}
              title={t.title}
              description={t.description({
                start: formatDay(timeline.start, locale),
                through: formatDay(timeline.through, locale),
                summary: formatList(
                  locale,
                  timeline.totals.map((s) =>
                    t.regionRate({
                      region: nameOf(s.region),
                      rate: s.total ? s.count / s.total : 0,
                    }),
                  ),
                ),
              })}
              xLabel={(n) => tickFormat.format(new Date(`${dayFromNumber(n)}T00:00:00Z`))}
              yLabel={(v) => percent.format(v)}
              lineLabel={(key) => (key === ALL_KEY ? t.all : regionName(copy, key))}
              ruleLabel={() => t.deadline}
            />
          </div>
          <details className="response-timeline__data">
            <summary>{t.table}</summary>
            <div className="table-scroll">
              <table>
                <caption>{t.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.day}</th>
                    {regions.map((r) => (
                      <th scope="col" key={r.region}>
                        {nameOf(r.region)}
                      </th>
                    ))}
                    <th scope="col">{t.all}</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.days.map((d) => (
                    <tr key={d.day}>
                      <th scope="row" className="nowrap">
                        {formatDay(d.day, locale)}
                      </th>
                      {regions.map((r) => (
                        <td key={r.region} className="nowrap">
                          {t.cell({
                            count: d.byRegion[r.region!] ?? 0,
                            total: r.total,
                            rate: r.total ? (d.byRegion[r.region!] ?? 0) / r.total : 0,
                          })}
                        </td>
                      ))}
                      <td className="nowrap">
                        {t.cell({
                          count: d.all,
                          total: all.total,
                          rate: all.total ? d.all / all.total : 0,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p>{t.none}</p>
      )}
    </figure>
  );
}

/** The timeline's slot on the dashboard, when the server rendered it apart for a document. */
export const RESPONSE_TIMELINE_ID = "response-timeline";

/** The timeline, or (null: a document) the markup the server rendered apart (kept-markup.tsx). */
export function DashboardTimeline({ timeline }: { timeline: RoundOverview["timeline"] | null }) {
  return (
    <KeptOrRendered as="div" id={RESPONSE_TIMELINE_ID} className="response-timeline-slot">
      {timeline ? <ResponseTimeline timeline={timeline} /> : null}
    </KeptOrRendered>
  );
}
