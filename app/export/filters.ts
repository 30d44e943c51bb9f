import { regions } from "~/countries/regions";
import { isLocale, type Locale } from "~/i18n/locale";

// What an export contains, as chosen in a URL (`/exports?format=…`) or on the command line.
// Pure: shared by the download route, the command line and the ExportLinks component.

/** One round a file: a row per response, a column per field (per option for multi). */
export const WIDE_EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type WideExportFormat = (typeof WIDE_EXPORT_FORMATS)[number];
/** Every round (or the rounds chosen) in one CSV: a row per answered field of a response. */
export const LONG_EXPORT_FORMAT = "long-csv";
export const EXPORT_FORMATS = [...WIDE_EXPORT_FORMATS, LONG_EXPORT_FORMAT] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Only responses with a submission are exported: drafts never are. */
export const EXPORT_STATUSES = ["SUBMITTED", "RETURNED", "ACCEPTED"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const DEFAULT_EXPORT_STATUSES: readonly ExportStatus[] = ["SUBMITTED", "ACCEPTED"];

export type ExportFilters = {
  /** The round, e.g. "2020": it names the questionnaire definition the columns come from. */
  roundId: string;
  statuses: readonly ExportStatus[];
  /** A UN region (`Country.region`), or every region. */
  region?: string | null;
  /** Only responses whose exported snapshot authorises publication. */
  authorisedOnly: boolean;
};

/** The filters as chosen by a person, before the round is known. */
export type ExportChoice = Omit<ExportFilters, "roundId">;

export const isExportFormat = (value: unknown): value is ExportFormat =>
  EXPORT_FORMATS.includes(value as ExportFormat);

export const isWideExportFormat = (format: ExportFormat): format is WideExportFormat =>
  format !== LONG_EXPORT_FORMAT;

export const isExportStatus = (value: unknown): value is ExportStatus =>
  EXPORT_STATUSES.includes(value as ExportStatus);

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Statuses given as repeated values and/or comma-separated lists; none given means the default. */
export function parseStatuses(values: readonly string[]): Parsed<ExportStatus[]> {
  const given = values.flatMap((value) => value.split(",")).map((s) => s.trim().toUpperCase());
  const named = given.filter((s) => s !== "");
  if (named.length === 0) return { ok: true, value: [...DEFAULT_EXPORT_STATUSES] };
  const unknown = named.filter((s) => !isExportStatus(s));
  if (unknown.length > 0)
    return {
      ok: false,
      error: `unknown status ${unknown.join(", ")} (choose from ${EXPORT_STATUSES.join(", ")}).`,
    };
  // In a fixed order, without repeats, so the same choice always reads the same.
  return { ok: true, value: EXPORT_STATUSES.filter((s) => named.includes(s)) };
}

/** A UN region by its exact name, case aside; empty means every region. */
export function parseRegion(value: string | null | undefined): Parsed<string | null> {
  const wanted = (value ?? "").trim();
  if (wanted === "") return { ok: true, value: null };
  const region = regions.find((r) => r.toLowerCase() === wanted.toLowerCase());
  if (!region)
    return { ok: false, error: `unknown region "${wanted}" (choose from ${regions.join(", ")}).` };
  return { ok: true, value: region };
}

const TRUE_VALUES = ["1", "true", "yes", "on"];

/** `authorised=1` (also true, yes, on): only responses whose snapshot authorises publication. */
export const parseAuthorisedOnly = (value: string | null | undefined): boolean =>
  TRUE_VALUES.includes((value ?? "").toLowerCase());

/** The language of an export's texts: `lang=fr` (the export form's choice). */
export const LANGUAGE_PARAM = "lang";

/**
 * `/exports?format=xlsx&status=SUBMITTED&status=ACCEPTED&region=Africa&authorised=1&lang=fr`.
 * `lang` is one of the six languages; without it (or with another value), `fallback`: the
 * language the requester reads the portal in. It changes texts only, never a key.
 */
export function parseExportQuery(
  params: URLSearchParams,
  fallback: Locale,
):
  | { ok: true; format: ExportFormat; choice: ExportChoice; locale: Locale }
  | { ok: false; error: string } {
  const format = (params.get("format") ?? "").toLowerCase();
  if (!isExportFormat(format))
    return { ok: false, error: `format must be one of ${EXPORT_FORMATS.join(", ")}.` };
  const statuses = parseStatuses(params.getAll("status"));
  if (!statuses.ok) return statuses;
  const region = parseRegion(params.get("region"));
  if (!region.ok) return region;
  const authorisedOnly = parseAuthorisedOnly(params.get("authorised"));
  const lang = params.get(LANGUAGE_PARAM);
  return {
    ok: true,
    format,
    choice: { statuses: statuses.value, region: region.value, authorisedOnly },
    locale: isLocale(lang) ? lang : fallback,
  };
}

/** Filters as a page may hold them: statuses other than the exported ones are left out. */
export type LooseExportChoice = {
  statuses?: readonly string[];
  region?: string | null;
  authorisedOnly?: boolean;
};

/** The query string that asks for these filters (the inverse of parseExportQuery, format aside). */
export function exportSearchParams(choice: LooseExportChoice): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of choice.statuses ?? [])
    if (isExportStatus(status)) params.append("status", status);
  if (choice.region) params.set("region", choice.region);
  if (choice.authorisedOnly) params.set("authorised", "1");
  return params;
}

/**
 * The rounds an export holds, as named (`round=2020`, repeated or comma-separated): at most one
 * for a wide format (none: the current round), any number for the long CSV (none: every round).
 */
export function exportRoundIds(format: ExportFormat, ids: readonly string[]): Parsed<string[]> {
  if (isWideExportFormat(format) && ids.length > 1)
    return {
      ok: false,
      error: `a ${format.toUpperCase()} export holds one round, not ${ids.join(", ")}: name one, or choose format=${LONG_EXPORT_FORMAT} for several.`,
    };
  return { ok: true, value: [...ids] };
}

const day = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, "");

/** `msq-2020-responses-20261122.csv`: the round and the day of the export (UTC). */
export function exportFilename(
  roundId: string,
  format: WideExportFormat,
  exportedAt: Date,
): string {
  return `msq-${roundId}-responses-${day(exportedAt)}.${format}`;
}

/** `msq-2026-2020-long-20261122.csv`: the rounds (newest first) and the day (UTC). */
export function longExportFilename(roundIds: readonly string[], exportedAt: Date): string {
  return `msq-${roundIds.join("-")}-long-${day(exportedAt)}.csv`;
}
