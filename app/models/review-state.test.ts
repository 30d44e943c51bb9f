import { describe, expect, it } from "vitest";
import { availableDecisions, checkTransition } from "./review-state";

describe("the response state machine", () => {
  it("allows the decisions of the review process", () => {
    expect(checkTransition("submit", "DRAFT", "FOCAL_POINT")).toEqual({
      ok: true,
      to: "SUBMITTED",
    });
    expect(checkTransition("submit", "RETURNED", "FOCAL_POINT")).toEqual({
      ok: true,
      to: "SUBMITTED",
    });
    expect(checkTransition("return", "SUBMITTED", "REVIEWER")).toEqual({
      ok: true,
      to: "RETURNED",
    });
    expect(checkTransition("accept", "SUBMITTED", "ADMIN")).toEqual({ ok: true, to: "ACCEPTED" });
    expect(checkTransition("reopen", "ACCEPTED", "ADMIN")).toEqual({ ok: true, to: "SUBMITTED" });
  });

  it("refuses transitions from the wrong status", () => {
    expect(checkTransition("accept", "DRAFT", "REVIEWER")).toEqual({ ok: false, reason: "status" });
    expect(checkTransition("accept", null, "REVIEWER")).toEqual({ ok: false, reason: "status" });
    expect(checkTransition("return", "ACCEPTED", "REVIEWER")).toEqual({
      ok: false,
      reason: "status",
    });
    expect(checkTransition("return", "RETURNED", "REVIEWER")).toEqual({
      ok: false,
      reason: "status",
    });
    expect(checkTransition("submit", "SUBMITTED", "FOCAL_POINT")).toEqual({
      ok: false,
      reason: "status",
    });
    expect(checkTransition("reopen", "SUBMITTED", "ADMIN")).toEqual({
      ok: false,
      reason: "status",
    });
  });

  it("refuses decisions the role may not take", () => {
    expect(checkTransition("accept", "SUBMITTED", "FOCAL_POINT")).toEqual({
      ok: false,
      reason: "role",
    });
    expect(checkTransition("reopen", "ACCEPTED", "REVIEWER")).toEqual({
      ok: false,
      reason: "role",
    });
    expect(checkTransition("submit", "DRAFT", "REVIEWER")).toEqual({ ok: false, reason: "role" });
  });

  it("lists the buttons to show", () => {
    expect(availableDecisions("SUBMITTED", "REVIEWER")).toEqual(["return", "accept"]);
    expect(availableDecisions("ACCEPTED", "REVIEWER")).toEqual([]);
    expect(availableDecisions("ACCEPTED", "ADMIN")).toEqual(["reopen"]);
    expect(availableDecisions("DRAFT", "ADMIN")).toEqual([]);
  });
});
