import {
  parseAuthorisedOnly,
  parseRegion,
  parseStatuses,
  type ExportChoice,
} from "~/export/filters";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, listQuerySchema, roundQuerySchema } from "./schemas";

// The read API's query strings, parsed by the schemas the OpenAPI document describes them with,
// then read as the exports read theirs (filters.ts): the same statuses, regions and defaults.
// An unknown parameter is an error, not ignored. Pure.

export type ListRequest = {
  /** The round named; null: the current one. */
  roundId: string | null;
  choice: ExportChoice;
  cursor: string | null;
  limit: number;
};

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** One value per parameter, except `status`, which may repeat (joined by commas). */
function single(params: URLSearchParams, known: readonly string[]): Parsed<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    if (!known.includes(name)) return { ok: false, error: `unknown parameter "${name}".` };
    const all = params.getAll(name);
    if (name === "status") values[name] = all.join(",").toUpperCase();
    else if (all.length > 1) return { ok: false, error: `give "${name}" once.` };
    else values[name] = all[0]!;
  }
  return { ok: true, value: values };
}

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ");

export function parseListQuery(params: URLSearchParams): Parsed<ListRequest> {
  const raw = single(params, Object.keys(listQuerySchema.shape));
  if (!raw.ok) return raw;
  const parsed = listQuerySchema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  const query = parsed.data;
  const statuses = parseStatuses(query.status ? [query.status] : []);
  if (!statuses.ok) return statuses;
  const region = parseRegion(query.region);
  if (!region.ok) return region;
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (limit < 1 || limit > MAX_PAGE_SIZE)
    return { ok: false, error: `limit: from 1 to ${MAX_PAGE_SIZE}.` };
  return {
    ok: true,
    value: {
      roundId: query.round ?? null,
      choice: {
        statuses: statuses.value,
        region: region.value,
        authorisedOnly: parseAuthorisedOnly(query.authorised),
      },
      cursor: query.cursor ?? null,
      limit,
    },
  };
}

/** `?round=` alone (one country's response): the round named, or null for the current one. */
export function parseRoundQuery(params: URLSearchParams): Parsed<string | null> {
  const raw = single(params, Object.keys(roundQuerySchema.shape));
  if (!raw.ok) return raw;
  const parsed = roundQuerySchema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  return { ok: true, value: parsed.data.round ?? null };
}

/** Nothing is asked of a request that takes no parameters: any parameter is an error. */
export function parseNoQuery(params: URLSearchParams): Parsed<null> {
  const raw = single(params, []);
  return raw.ok ? { ok: true, value: null } : raw;
}
