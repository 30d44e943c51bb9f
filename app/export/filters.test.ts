import { describe, expect, it } from "vitest";
import {
  exportFilename,
  exportRoundIds,
  exportSearchParams,
  longExportFilename,
  parseExportQuery,
} from "./filters";

/** As the route reads it for someone who reads the portal in Spanish. */
const query = (search: string) => parseExportQuery(new URLSearchParams(search), "es");

describe("export filters", () => {
  it("defaults to submitted and accepted responses, every region, authorised or not", () => {
    expect(query("format=csv")).toEqual({
      ok: true,
      format: "csv",
      choice: { statuses: ["SUBMITTED", "ACCEPTED"], region: null, authorisedOnly: false },
      locale: "es",
    });
  });

  it("reads repeated or comma-separated statuses, a region and the authorised flag", () => {
    expect(
      query("format=XLSX&status=accepted&status=RETURNED,SUBMITTED&region=africa&authorised=1"),
    ).toEqual({
      ok: true,
      format: "xlsx",
      choice: {
        statuses: ["SUBMITTED", "RETURNED", "ACCEPTED"],
        region: "Africa",
        authorisedOnly: true,
      },
      locale: "es",
    });
  });

  it("takes the language of the texts from lang, else the requester's", () => {
    for (const lang of ["ar", "zh", "en", "fr", "ru"])
      expect(query(`format=xlsx&lang=${lang}`)).toMatchObject({ ok: true, locale: lang });
    // Not one of the six, or not given: the language the requester reads the portal in.
    for (const search of ["format=json", "format=json&lang=", "format=json&lang=de"])
      expect(query(search), search).toMatchObject({ ok: true, locale: "es" });
    // The language changes texts, never what is exported.
    const { locale: _fr, ...french } = query("format=xlsx&status=RETURNED&lang=fr") as {
      locale: string;
    };
    const { locale: _es, ...spanish } = query("format=xlsx&status=RETURNED") as {
      locale: string;
    };
    expect(french).toEqual(spanish);
  });

  it("refuses an unknown format, status or region with a reason", () => {
    expect(query("format=pdf")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/csv, xlsx, json/),
    });
    expect(query("format=csv&status=DRAFT")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown status DRAFT/),
    });
    expect(query("format=csv&region=Atlantis")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown region "Atlantis"/),
    });
  });

  it("writes the query string it reads", () => {
    const choice = { statuses: ["RETURNED" as const], region: "Asia", authorisedOnly: true };
    const params = exportSearchParams(choice);
    expect(params.toString()).toBe("status=RETURNED&region=Asia&authorised=1");
    params.set("format", "json");
    expect(parseExportQuery(params, "en")).toEqual({
      ok: true,
      format: "json",
      choice,
      locale: "en",
    });
  });

  it("names the file after the round and the day", () => {
    expect(exportFilename("2020", "csv", new Date("2026-11-02T23:59:00Z"))).toBe(
      "msq-2020-responses-20261102.csv",
    );
  });

  it("takes the long CSV as a format, over any number of rounds", () => {
    expect(query("format=long-csv")).toMatchObject({ ok: true, format: "long-csv" });
    expect(exportRoundIds("long-csv", [])).toEqual({ ok: true, value: [] });
    expect(exportRoundIds("long-csv", ["2026", "2020"])).toEqual({
      ok: true,
      value: ["2026", "2020"],
    });
    expect(longExportFilename(["2026", "2020"], new Date("2026-11-02T23:59:00Z"))).toBe(
      "msq-2026-2020-long-20261102.csv",
    );
  });

  it("holds one round in a CSV, XLSX or JSON file, and says so when asked for two", () => {
    expect(exportRoundIds("csv", [])).toEqual({ ok: true, value: [] });
    expect(exportRoundIds("json", ["2020"])).toEqual({ ok: true, value: ["2020"] });
    expect(exportRoundIds("xlsx", ["2026", "2020"])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/one round, not 2026, 2020.*format=long-csv/),
    });
  });
});
