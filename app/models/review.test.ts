import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { decide } from "./review.server";

afterAll(() => prisma.$disconnect());

async function responseIn(countryCode: string, status: "DRAFT" | "SUBMITTED" | "ACCEPTED") {
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode,
      status,
      questionnaireVersion: 1,
      answers: {},
      fieldVersions: {},
    },
  });
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
      await decide({ decision: "accept", roundId: "2020", countryCode: "BEN", actor }),
    ).toEqual({ ok: false, reason: "status" });
    expect(
      await decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BTN",
        actor,
        message: "x",
      }),
    ).toEqual({ ok: false, reason: "status" });
    expect(
      await decide({ decision: "reopen", roundId: "2020", countryCode: "BTN", actor }),
    ).toEqual({ ok: false, reason: "role" });
    expect(
      await decide({ decision: "accept", roundId: "2020", countryCode: "CUB", actor }),
    ).toEqual({ ok: false, reason: "status" });
  });

  it("require a message to return", async () => {
    await responseIn("BOL", "SUBMITTED");
    expect(
      await decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BOL",
        actor: await reviewer(),
        message: "  ",
      }),
    ).toEqual({ ok: false, reason: "message" });
  });

  it("let only one of two reviewers acting at once win", async () => {
    await responseIn("BIH", "SUBMITTED");
    const [a, b] = [await reviewer(), await reviewer()];
    const results = await Promise.all([
      decide({ decision: "accept", roundId: "2020", countryCode: "BIH", actor: a }),
      decide({
        decision: "return",
        roundId: "2020",
        countryCode: "BIH",
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
        actor: await reviewer("ADMIN"),
      }),
    ).toEqual({ ok: true });
    expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "BWA" } })).status).toBe(
      "SUBMITTED",
    );
  });
});
