import { describe, expect, it } from "vitest";
import {
  afterFailedSend,
  backoffMs,
  MAX_ATTEMPTS,
  MAX_BACKOFF_MS,
  messageIdFor,
} from "./outbox-schedule";

describe("backoffMs", () => {
  it("doubles from 30 seconds", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
  it("is capped at an hour", () => {
    expect(backoffMs(20)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(10_000)).toBe(MAX_BACKOFF_MS);
  });
  it("starts from the configured first wait", () => {
    expect(backoffMs(1, 1000)).toBe(1000);
    expect(backoffMs(3, 1000)).toBe(4000);
  });
});

describe("afterFailedSend", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("tries again later, keeping the reason", () => {
    expect(afterFailedSend(1, "ECONNREFUSED", now)).toEqual({
      status: "PENDING",
      nextAttemptAt: new Date("2026-12-02T10:00:30Z"),
      lastError: "ECONNREFUSED",
    });
  });
  it("gives up after the last attempt, saying why", () => {
    const last = afterFailedSend(MAX_ATTEMPTS, "550 mailbox unavailable", now);
    expect(last.status).toBe("FAILED");
    expect(last.lastError).toContain("550 mailbox unavailable");
    expect(afterFailedSend(MAX_ATTEMPTS - 1, "x", now).status).toBe("PENDING");
  });
});

describe("messageIdFor", () => {
  it("is fixed by the row and the sender's domain", () => {
    expect(messageIdFor("abc", "MSQ Portal <no-reply@msq.example.org>")).toBe(
      "<outbox.abc@msq.example.org>",
    );
    expect(messageIdFor("abc", "no-reply@un.org")).toBe("<outbox.abc@un.org>");
  });
});
