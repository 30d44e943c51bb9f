// Which round a page shows, as its URL says: `?round=2020`, or nothing for the current round (the
// open one, else the latest closed one), so every address from before rounds could be switched
// still means what it meant. Pure: the switcher links are built from it in the browser too.

export const ROUND_PARAM = "round";

/** What a round id can be (definition-schema.ts): anything else names no round. */
const ROUND_ID = /^[0-9A-Za-z-]{1,20}$/;
export const isPossibleRoundId = (id: string) => ROUND_ID.test(id);

/**
 * The round ids a query names, each once, in order: repeated (`round=2020&round=2026`) or
 * comma-separated. An id no round can have is kept, so that it is refused as unknown (a 404),
 * never quietly ignored.
 */
export function roundIdsIn(params: URLSearchParams): string[] {
  const ids = params
    .getAll(ROUND_PARAM)
    .flatMap((value) => value.split(","))
    .map((id) => id.trim())
    .filter((id) => id !== "");
  return [...new Set(ids)];
}

/** A round in a switcher: what its link says, and whether it is the one shown. */
export type RoundLink = {
  id: string;
  name: string;
  status: "OPEN" | "CLOSED";
  /** The round answered now: its link carries no `?round=`. */
  current: boolean;
  /** The round this page shows. */
  chosen: boolean;
};

/**
 * `path` showing `round`: with `?round=` unless it is the current round. `path` may carry a
 * query already; a `round` in it is replaced.
 */
export function withRound(path: string, round: { id: string; current: boolean }): string {
  const [base, query = ""] = path.split("?", 2);
  const search = new URLSearchParams(query);
  if (round.current) search.delete(ROUND_PARAM);
  else search.set(ROUND_PARAM, round.id);
  const text = search.toString();
  return text ? `${base}?${text}` : base!;
}
