import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { decide } from "./review.server";

afterAll(() => prisma.$disconnect());

async function responseIn(countryCode: string, status: "DRAFT" | "SUBMITTED" | "ACCEPTED") {
  const response = await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode,
      status,
      questionnaireVersion: 1,
      answers: {},
      fieldVersions: {},
      revision: status === "DRAFT" ? 0 : 1,
    },
    select: { id: true },
  });
  // What the reviewer's page shows as "Submission 1".
  if (status !== "DRAFT") await newSubmission(response.id, 1);
  return response.id;
}

async function newSubmission(responseId: string, number: number) {
  await prisma.submission.create({
    data: { responseId, number, questionnaireVersion: 1, answers: { n: number } },
  });
}

/** The country's focal point returns nothing: a reviewer returned it, they resubmitted. */
async function returnAndResubmit(responseId: string) {
  await prisma.response.update({
    where: { id: responseId },
    data: { status: "SUBMITTED", revision: { increment: 2 } },
  });
  await newSubmission(responseId, 2);
}
const reviewer = async (role: "REVIEWER" | "ADMIN" = "REVIEWER") => {
  const user = await prisma.user.create({
    data: { email: `r.${randomBytes(4).toString("hex")}@test.example.org`, role },
    select: { id: true },
  });
  return { id: user.id, role, name: "R" };
};

describe("decisions on the server", () => {
  it("refuse accepting a draft and returning an accepted response", async () => {
    await responseIn("BEN", "DRAFT");
    await responseIn("BTN", "ACCEPTED");
    const actor = await reviewer();
    expect(
      await decide({
        decision: "accept",
        roundId: "2020",
        countryCode: "BEN",
        submission: 1,
        actor,
      }),
    ).toEqual({ ok: false, reason: "status" });
    expect(
      await decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BTN",
        submission: 1,
        actor,
        message: "x",
      }),
    ).toEqual({ ok: false, reason: "status" });
    expect(
      await decide({
        decision: "reopen",
        roundId: "2020",
        countryCode: "BTN",
        submission: 1,
        actor,
      }),
    ).toEqual({ ok: false, reason: "role" });
    expect(
      await decide({
        decision: "accept",
        roundId: "2020",
        countryCode: "CUB",
        submission: 1,
        actor,
      }),
    ).toEqual({ ok: false, reason: "status" });
  });

  it("require a message to return", async () => {
    await responseIn("BOL", "SUBMITTED");
    expect(
      await decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BOL",
        submission: 1,
        actor: await reviewer(),
        message: "  ",
      }),
    ).toEqual({ ok: false, reason: "message" });
  });

  it("let only one of two reviewers acting at once win", async () => {
    await responseIn("BIH", "SUBMITTED");
    const [a, b] = [await reviewer(), await reviewer()];
    const results = await Promise.all([
      decide({ decision: "accept", roundId: "2020", countryCode: "BIH", submission: 1, actor: a }),
      decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BIH",
        submission: 1,
        actor: b,
        message: "Fix it",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const events = await prisma.event.count({
      where: { countryCode: "BIH", kind: { in: ["response.accepted", "response.returned"] } },
    });
    expect(events).toBe(1);
  });

  it("let an administrator reopen an accepted response", async () => {
    await responseIn("BWA", "ACCEPTED");
    expect(
      await decide({
        decision: "reopen",
        roundId: "2020",
        countryCode: "BWA",
        submission: 1,
        actor: await reviewer("ADMIN"),
      }),
    ).toEqual({ ok: true });
    expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "BWA" } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("refuse a decision taken on a submission that is no longer the latest", async () => {
    const responseId = await responseIn("TGO", "SUBMITTED");
    await returnAndResubmit(responseId);
    const actor = await reviewer();
    for (const decision of ["accept", "return"] as const) {
      const result = await decide({
        decision,
        roundId: "2020",
        countryCode: "TGO",
        submission: 1,
        actor,
        message: "Seen on submission 1",
      });
      expect(result).toMatchObject({ ok: false, reason: "stale", latest: { number: 2 } });
    }
    const after = await prisma.response.findUniqueOrThrow({
      where: { id: responseId },
      select: { status: true, acceptedAt: true },
    });
    expect(after).toEqual({ status: "SUBMITTED", acceptedAt: null });
    expect(
      await prisma.event.count({
        where: { responseId, kind: { in: ["response.accepted", "response.returned"] } },
      }),
    ).toBe(0);
    expect(await prisma.comment.count({ where: { responseId } })).toBe(0);
    // On the new submission the decision goes through.
    expect(
      await decide({
        decision: "accept",
        roundId: "2020",
        countryCode: "TGO",
        submission: 2,
        actor,
      }),
    ).toEqual({ ok: true });
  });

  it("refuse a decision when a submission lands between the check and the write", async () => {
    const responseId = await responseIn("TKM", "SUBMITTED");
    const actor = await reviewer();
    // The resubmission commits while the decision is being checked: the first statement of the
    // decision's transaction runs after it.
    const original = prisma.$transaction.bind(prisma);
    const spy = vi.spyOn(prisma, "$transaction").mockImplementationOnce((async (
      ...args: Parameters<typeof original>
    ) => {
      await returnAndResubmit(responseId);
      return original(...args);
    }) as typeof original);
    try {
      const result = await decide({
        decision: "accept",
        roundId: "2020",
        countryCode: "TKM",
        submission: 1,
        actor,
      });
      expect(result).toEqual({ ok: false, reason: "status" });
    } finally {
      spy.mockRestore();
    }
    expect(
      (await prisma.response.findUniqueOrThrow({ where: { id: responseId } })).acceptedAt,
    ).toBeNull();
  });
});
