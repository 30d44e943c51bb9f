import { describe, expect, it } from "vitest";
import { isPossibleRoundId, roundIdsIn, withRound } from "./round-choice";

const ids = (search: string) => roundIdsIn(new URLSearchParams(search));

describe("round choice in a URL", () => {
  it("reads no round as none (the current round), and empty values as nothing", () => {
    expect(ids("")).toEqual([]);
    expect(ids("round=&round= ")).toEqual([]);
  });

  it("reads repeated and comma-separated rounds, each once, in order", () => {
    expect(ids("round=2020")).toEqual(["2020"]);
    expect(ids("round=2026,2020&round=2020&round=2026-pilot")).toEqual([
      "2026",
      "2020",
      "2026-pilot",
    ]);
  });

  it("keeps an id no round can have, so that it is refused, not ignored", () => {
    expect(ids(`round=${"9".repeat(30)}`)).toEqual(["9".repeat(30)]);
    expect(isPossibleRoundId("9".repeat(30))).toBe(false);
    expect(isPossibleRoundId("2020'; --")).toBe(false);
    expect(isPossibleRoundId("2026-pilot")).toBe(true);
  });

  it("links to a round: no parameter for the current one, replacing one already there", () => {
    expect(withRound("/review", { id: "2026", current: true })).toBe("/review");
    expect(withRound("/review", { id: "2020", current: false })).toBe("/review?round=2020");
    expect(
      withRound("/review/questions?key=q4_has_cio&round=2019", { id: "2020", current: false }),
    ).toBe("/review/questions?key=q4_has_cio&round=2020");
    expect(
      withRound("/review/questions?key=q4_has_cio&round=2019", { id: "2026", current: true }),
    ).toBe("/review/questions?key=q4_has_cio");
  });
});
