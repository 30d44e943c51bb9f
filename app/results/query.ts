import {
  DEFAULT_EXPORT_STATUSES,
  parseAuthorisedOnly,
  parseRegion,
  parseStatuses,
  type ExportChoice,
} from "~/export/filters";
import { withRound } from "~/models/round-choice";
import { normaliseQuery } from "./text-search";

// What a Results address asks for, as a shareable URL read by a GET form (works without
// JavaScript): the export filters (app/export/filters.ts: `status`, `region`, `authorised`), read
// by the same functions as an export's, so a chart counts exactly the responses an export with
// the same filters holds; `by=region`, the breakdown; `key` and `q`, the text question shown
// whole and what is searched in its answers. Pure: the page's links are built here too.
//
//   /review/results?status=ACCEPTED&region=Africa&authorised=1&by=region&key=q7_egov_strategy&q=cloud

export const RESULTS_PATH = "/review/results";
/** The public results' downloads (the charts are on /published). */
export const PUBLIC_RESULTS_FILES = "/published/results";

export type ResultsQuery = {
  /** Accepted responses only; else submitted and accepted ones (the exports' default). */
  acceptedOnly: boolean;
  region: string | null;
  authorisedOnly: boolean;
  byRegion: boolean;
  /** The question whose answers are listed whole (a text question), searched for `query`. */
  focus: { key: string; query: string } | null;
};

export const DEFAULT_RESULTS_QUERY: ResultsQuery = {
  acceptedOnly: false,
  region: null,
  authorisedOnly: false,
  byRegion: false,
  focus: null,
};

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseResultsQuery(params: URLSearchParams): Parsed<ResultsQuery> {
  const statuses = parseStatuses(params.getAll("status"));
  if (!statuses.ok) return statuses;
  const named = statuses.value.join(",");
  const acceptedOnly = named === "ACCEPTED";
  if (!acceptedOnly && named !== DEFAULT_EXPORT_STATUSES.join(","))
    return {
      ok: false,
      error: `results count accepted responses (status=ACCEPTED) or submitted and accepted ones (the default), not ${named}.`,
    };
  const region = parseRegion(params.get("region"));
  if (!region.ok) return region;
  const key = (params.get("key") ?? "").trim();
  return {
    ok: true,
    value: {
      acceptedOnly,
      region: region.value,
      authorisedOnly: parseAuthorisedOnly(params.get("authorised")),
      byRegion: params.get("by") === "region",
      focus: key ? { key, query: normaliseQuery(params.get("q")) } : null,
    },
  };
}

/** The filters as an export reads them (loadExportRows). */
export function exportChoiceOf(query: ResultsQuery): ExportChoice {
  return {
    statuses: query.acceptedOnly ? ["ACCEPTED"] : [...DEFAULT_EXPORT_STATUSES],
    region: query.region,
    authorisedOnly: query.authorisedOnly,
  };
}

/** The query string of `query` (the inverse of parseResultsQuery); defaults are left out. */
export function resultsParams(query: ResultsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.acceptedOnly) params.set("status", "ACCEPTED");
  if (query.region) params.set("region", query.region);
  if (query.authorisedOnly) params.set("authorised", "1");
  if (query.byRegion) params.set("by", "region");
  if (query.focus) {
    params.set("key", query.focus.key);
    if (query.focus.query) params.set("q", query.focus.query);
  }
  return params;
}

/** `path` asking for `query` in `round`, optionally at an anchor of the page. */
export function resultsHref(
  path: string,
  query: ResultsQuery,
  round: { id: string; current: boolean },
  anchor?: string,
): string {
  const search = resultsParams(query).toString();
  return `${withRound(search ? `${path}?${search}` : path, round)}${anchor ? `#${anchor}` : ""}`;
}

/** A question's anchor on the page. */
export const resultAnchor = (key: string) => `result-${key}`;
