import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { migrate } from "../../scripts/migrate";

// Runs against the run's real database: SQLite by default, PostgreSQL in the CI's second pass.
afterAll(() => prisma.$disconnect());

describe("the database", () => {
  it("is migrated, and migrating again changes nothing", async () => {
    expect(await migrate(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("holds the 193 Member States and the MSQ 2020 round after seeding", async () => {
    expect(await prisma.country.count()).toBe(193);
    const rwanda = await prisma.country.findUnique({
      where: { code: "RWA" },
      select: { name: true, region: true },
    });
    expect(rwanda).toEqual({ name: "Rwanda", region: "Africa" });
    const round = await prisma.round.findUnique({
      where: { id: "2020" },
      select: { questionnaireVersion: true },
    });
    expect(round?.questionnaireVersion).toBe(1);
  });

  it("keeps one response per country and round, with answers as a JSON map", async () => {
    const answers = {
      q1_national_portal: "https://example.gov\nhttps://other.gov",
      q8_strategy_features: ["aligned_sdgs"],
      q4_has_cio: null,
      q14_social_media: "نعم",
    };
    const created = await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode: "ZMB",
        questionnaireVersion: 1,
        answers,
        fieldVersions: {},
      },
      select: { id: true, answers: true, status: true },
    });
    expect(created.answers).toEqual(answers);
    expect(created.status).toBe("DRAFT");
    await expect(
      prisma.response.create({
        data: {
          roundId: "2020",
          countryCode: "ZMB",
          questionnaireVersion: 1,
          answers: {},
          fieldVersions: {},
        },
      }),
    ).rejects.toThrow(/Unique constraint failed/);
    await prisma.response.delete({ where: { id: created.id } });
  });
});
