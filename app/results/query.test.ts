import { describe, expect, it } from "vitest";
import {
  DEFAULT_RESULTS_QUERY,
  exportChoiceOf,
  parseResultsQuery,
  resultsHref,
  resultsParams,
} from "./query";

// A Results address: the export filters, read as an export reads them, and back.

const parse = (query: string) => parseResultsQuery(new URLSearchParams(query));

describe("a Results address", () => {
  it("counts submitted and accepted responses of every region by default", () => {
    expect(parse("")).toEqual({ ok: true, value: DEFAULT_RESULTS_QUERY });
    expect(exportChoiceOf(DEFAULT_RESULTS_QUERY)).toEqual({
      statuses: ["SUBMITTED", "ACCEPTED"],
      region: null,
      authorisedOnly: false,
    });
  });

  it("reads the filters as the exports do (region by name, case aside; authorised=1)", () => {
    const parsed = parse("status=ACCEPTED&region=africa&authorised=1&by=region");
    expect(parsed).toEqual({
      ok: true,
      value: {
        acceptedOnly: true,
        region: "Africa",
        authorisedOnly: true,
        byRegion: true,
        focus: null,
      },
    });
    expect(exportChoiceOf(parsed.ok ? parsed.value : DEFAULT_RESULTS_QUERY)).toEqual({
      statuses: ["ACCEPTED"],
      region: "Africa",
      authorisedOnly: true,
    });
    expect(parse("status=SUBMITTED,ACCEPTED").ok).toBe(true);
  });

  it("refuses a status the results do not count, and an unknown region", () => {
    expect(parse("status=DRAFT")).toMatchObject({ ok: false });
    expect(parse("status=RETURNED")).toMatchObject({ ok: false });
    expect(parse("status=SUBMITTED")).toMatchObject({ ok: false });
    expect(parse("region=Atlantis")).toMatchObject({ ok: false });
  });

  it("reads the question shown whole and its search, normalised", () => {
    expect(parse("key=q7&q=%20open%0A%20data%20")).toMatchObject({
      ok: true,
      value: { focus: { key: "q7", query: "open data" } },
    });
  });

  it("writes the address back, defaults left out, in the round shown", () => {
    const query = { ...DEFAULT_RESULTS_QUERY, region: "Asia", focus: { key: "q7", query: "a&b" } };
    expect(resultsParams(query).toString()).toBe("region=Asia&key=q7&q=a%26b");
    expect(parse(resultsParams(query).toString())).toEqual({ ok: true, value: query });
    expect(resultsHref("/review/results", query, { id: "2020", current: false }, "result-q7")).toBe(
      "/review/results?region=Asia&key=q7&q=a%26b&round=2020#result-q7",
    );
    expect(
      resultsHref("/review/results", DEFAULT_RESULTS_QUERY, { id: "2026", current: true }),
    ).toBe("/review/results");
  });
});
