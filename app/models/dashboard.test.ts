import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/locale";
import {
  applyDashboardFilters,
  dashboardCounts,
  dashboardHref,
  pageOfRows,
  parseDashboardFilters,
  type DashboardRow,
} from "./dashboard";
import { changedFields } from "~/questionnaire/diff";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";

const row = (
  code: string,
  name: string,
  region: string,
  status: DashboardRow["status"],
  authorised: boolean | null = null,
  lastActivity: string | null = null,
): DashboardRow => ({
  code,
  name,
  region,
  status,
  imported: false,
  lastActivity,
  focalPoints: [],
  authorised,
});
const rows = [
  row("RWA", "Rwanda", "Africa", "SUBMITTED", true, "2026-11-02"),
  row("CIV", "Côte d’Ivoire", "Africa", "NOT_STARTED"),
  row("QAT", "Qatar", "Asia", "ACCEPTED", false, "2026-11-01"),
  row("IRN", "Iran (Islamic Republic of)", "Asia", "DRAFT", null, "2026-11-03"),
];

describe("dashboard filters", () => {
  it("filter by status, region, authorisation and name, ignoring accents", () => {
    const f = (query: string) =>
      applyDashboardFilters(rows, parseDashboardFilters(new URLSearchParams(query)), "en").map(
        (r) => r.code,
      );
    expect(f("")).toEqual(["CIV", "IRN", "QAT", "RWA"]);
    expect(f("status=NOT_STARTED")).toEqual(["CIV"]);
    expect(f("region=Asia")).toEqual(["IRN", "QAT"]);
    expect(f("authorised=yes")).toEqual(["RWA"]);
    expect(f("authorised=no")).toEqual(["QAT"]);
    expect(f("q=cote")).toEqual(["CIV"]);
    expect(f("q=rwa")).toEqual(["RWA"]);
    expect(f("sort=lastActivity&dir=desc")).toEqual(["IRN", "RWA", "QAT", "CIV"]);
    expect(f("sort=status")).toEqual(["CIV", "IRN", "RWA", "QAT"]);
    expect(f("status=bogus&sort=bogus")).toEqual(["CIV", "IRN", "QAT", "RWA"]);
  });

  it("sort names in the reader's language, and find a name in any of the six", () => {
    const f = (query: string, locale: Locale) =>
      applyDashboardFilters(rows, parseDashboardFilters(new URLSearchParams(query)), locale).map(
        (r) => r.code,
      );
    // إيران، رواندا، قطر، كوت ديفوار; 卢旺达 (Lú), 卡塔尔 (Kǎ), 科特迪瓦 (Kē), 伊朗 (Yī)
    expect(f("", "ar")).toEqual(["IRN", "RWA", "QAT", "CIV"]);
    expect(f("", "zh")).toEqual(["QAT", "CIV", "RWA", "IRN"]);
    expect(f("sort=name&dir=desc", "ar")).toEqual(["CIV", "QAT", "RWA", "IRN"]);
    for (const q of ["رواندا", "卢旺达", "Руанда", "ruanda"])
      expect(f(`q=${q}`, "en")).toEqual(["RWA"]);
    expect(f("q=Кот-д’Ивуар", "fr")).toEqual(["CIV"]);
    expect(f("q=iran", "ar")).toEqual(["IRN"]);
  });

  it("count statuses and the response rate per region", () => {
    const counts = dashboardCounts(rows);
    expect(counts.total).toBe(4);
    expect(counts.byStatus).toEqual({
      NOT_STARTED: 1,
      DRAFT: 1,
      SUBMITTED: 1,
      RETURNED: 0,
      ACCEPTED: 1,
    });
    expect(counts.byRegion).toEqual([
      { region: "Africa", total: 2, responded: 1 },
      { region: "Asia", total: 2, responded: 1 },
    ]);
  });

  it("make shareable links that keep the filters", () => {
    const f = parseDashboardFilters(new URLSearchParams("status=DRAFT&region=Asia"));
    expect(dashboardHref(f, { sort: "region", dir: "desc" })).toBe(
      "/review?status=DRAFT&region=Asia&sort=region&dir=desc",
    );
    const paged = parseDashboardFilters(new URLSearchParams("region=Asia&page=3"));
    expect(paged.page).toBe(3);
    expect(dashboardHref(paged, { sort: "status", page: 1 })).toBe(
      "/review?region=Asia&sort=status",
    );
    expect(dashboardHref(paged, { page: "all" })).toBe("/review?region=Asia&page=all");
  });

  it("keep the round shown in every link, and drop it for the current round", () => {
    const earlier = parseDashboardFilters(new URLSearchParams("round=2020&status=SUBMITTED"));
    expect(earlier.round).toBe("2020");
    expect(dashboardHref(earlier, { sort: "region", page: 1 })).toBe(
      "/review?round=2020&status=SUBMITTED&sort=region",
    );
    expect(dashboardHref(earlier, { round: null })).toBe("/review?status=SUBMITTED");
    expect(parseDashboardFilters(new URLSearchParams("")).round).toBeNull();
  });

  it.each(["0", "-1", "1.5", "x", "", "100000"])("read the page %j as the first", (page) => {
    expect(parseDashboardFilters(new URLSearchParams({ page })).page).toBe(1);
  });
});

describe("dashboard pages", () => {
  const many = Array.from({ length: 53 }, (_, i) =>
    row(`C${String(i).padStart(2, "0")}`, `Country ${i}`, "Africa", "NOT_STARTED"),
  );

  it("shows 25 rows a page, the last page holding the rest", () => {
    const first = pageOfRows(many, 1);
    expect(first).toMatchObject({ page: 1, pages: 3, from: 1, to: 25, total: 53 });
    expect(first.rows.map((r) => r.code)).toEqual(many.slice(0, 25).map((r) => r.code));
    const last = pageOfRows(many, 3);
    expect(last).toMatchObject({ page: 3, from: 51, to: 53 });
    expect(last.rows.map((r) => r.code)).toEqual(["C50", "C51", "C52"]);
  });

  it("shows the last page for a page past the end, and every row for all", () => {
    expect(pageOfRows(many, 9)).toMatchObject({ page: 3, from: 51, to: 53 });
    expect(pageOfRows(many, "all").rows).toHaveLength(53);
  });

  it("says nothing matches with an empty page", () => {
    expect(pageOfRows([], 1)).toMatchObject({ rows: [], page: 1, pages: 1, from: 0, to: 0 });
  });
});

describe("changedFields", () => {
  it("lists the answers that differ, in questionnaire order", () => {
    expect(
      changedFields(
        msq2020,
        { q14_social_media: "a", q1_national_portal: "x" },
        { q14_social_media: "b", q1_national_portal: "x", q3_egov_agency: "new" },
      ),
    ).toEqual([
      { field: "q3_egov_agency", before: null, after: "new" },
      { field: "q14_social_media", before: "a", after: "b" },
    ]);
  });
});
