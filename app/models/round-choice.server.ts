import { isPossibleRoundId, roundIdsIn, type RoundLink } from "./round-choice";
import { currentRound, findRound, readableRounds, type Round } from "./round.server";

// The one answer to "which round does this request ask for": the dashboard, the question view,
// the exports and the print view read it here, so an unknown round is the same 404 everywhere
// and a page without `?round=` shows the current round as it always did.

export type ChosenRound = {
  round: Round;
  /** The round answered now: only it takes reminders, a deadline, answers. */
  isCurrent: boolean;
};

const notFound = () => new Response("Not found", { status: 404 });

/** A readable round by id (null: the current one); a draft or unknown round is a 404. */
export async function roundById(id: string | null): Promise<ChosenRound> {
  const current = await currentRound();
  const wanted = id ?? current.id;
  if (!isPossibleRoundId(wanted)) throw notFound();
  // Read afresh, not from this process's few-second cache of the current round: a deadline
  // just saved (perhaps by another server process) shows at once.
  const round = await findRound(wanted);
  if (!round || round.status === "DRAFT") throw notFound();
  return { round, isCurrent: round.id === current.id };
}

/** The round `?round=` names, else the current one. Naming two rounds is a 400. */
export async function chosenRound(request: Request): Promise<ChosenRound> {
  const ids = roundIdsIn(new URL(request.url).searchParams);
  if (ids.length > 1) throw new Response("Name one round", { status: 400 });
  return roundById(ids[0] ?? null);
}

/** The readable rounds named (newest first), or all of them when none is: the long export. */
export async function chosenRounds(ids: readonly string[]): Promise<Round[]> {
  const readable = await readableRounds();
  if (ids.length === 0) return readable;
  const chosen = readable.filter((round) => ids.includes(round.id));
  if (chosen.length !== ids.length) throw notFound();
  return chosen;
}

/** Every readable round, newest first, for a switcher on a page showing `chosen`. */
export async function roundLinks(chosen: ChosenRound): Promise<RoundLink[]> {
  const [current, rounds] = await Promise.all([currentRound(), readableRounds()]);
  return rounds.map((round) => ({
    id: round.id,
    name: round.name,
    status: round.status === "OPEN" ? "OPEN" : "CLOSED",
    current: round.id === current.id,
    chosen: round.id === chosen.round.id,
  }));
}
