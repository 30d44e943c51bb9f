import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { completeAnswers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";

// The seed as `npm run setup` and a production deploy run it, against the run's database: outside
// demo mode it creates no demo account, and run again it keeps what people entered in between.

afterAll(() => prisma.$disconnect());

// Explicit: a local .env written by `npm run setup` turns demo mode on.
const seed = () =>
  execFileSync("npx", ["tsx", "prisma/seed.ts"], {
    env: { ...process.env, DEMO_MODE: "false" },
    stdio: "pipe",
  }).toString();

const demoAccounts = () =>
  prisma.user.count({
    where: {
      email: { in: ["admin@example.org", "reviewer@example.org", "focal.rwa@example.org"] },
    },
  });

describe("prisma/seed.ts outside demo mode", () => {
  it("creates no demo account, and a second run keeps users and responses", async () => {
    await prisma.user.deleteMany({ where: { email: { endsWith: "@example.org" } } });
    seed();
    expect(await demoAccounts()).toBe(0);

    const email = `kept.${randomBytes(4).toString("hex")}@test.example.org`;
    const user = await prisma.user.create({
      data: { email, role: "REVIEWER" },
      select: { id: true },
    });
    const answers = completeAnswers(msq2020, { q14_social_media: "Entered between two seeds" });
    await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "BLZ" } });
    await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode: "BLZ",
        questionnaireVersion: msq2020.version,
        answers,
        fieldVersions: {},
      },
    });

    seed();
    expect(await demoAccounts()).toBe(0);
    expect(
      await prisma.user.findUnique({ where: { id: user.id }, select: { email: true } }),
    ).toEqual({
      email,
    });
    const kept = await prisma.response.findUniqueOrThrow({
      where: { roundId_countryCode: { roundId: "2020", countryCode: "BLZ" } },
      select: { answers: true },
    });
    expect((kept.answers as Record<string, string>).q14_social_media).toBe(
      "Entered between two seeds",
    );
  }, 120_000);
});
