import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fingerprint } from "~/questionnaire/form-data";
import { saveSection } from "~/routes/countries.$code.sections.$section/save.server";
import { currentRound, isAnswerableNow } from "./round.server";

// The current round is cached per process for a few seconds; closing it clears only the cache
// of the process that closed it. Another process (a worker, a second instance on the same
// database) must still refuse answers at once: writes check the round as stored.

const DRAFT_COUNTRY = "SYC";

afterAll(async () => {
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: DRAFT_COUNTRY } });
});

describe("a round closed by another process", () => {
  it("takes no more answers here, though this process still has it cached as open", async () => {
    // A draft begun while the round was open (its first save); Seychelles: no other database
    // test uses it, and this one removes it after.
    await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: DRAFT_COUNTRY } });
    const draft = await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode: DRAFT_COUNTRY,
        questionnaireVersion: 1,
        answers: {},
        fieldVersions: {},
      },
    });
    expect(draft.status).toBe("DRAFT");
    const cached = await currentRound();
    expect(cached).toMatchObject({ id: "2020", status: "OPEN" });
    expect(await isAnswerableNow("2020")).toBe(true);
    // As another process closes it: this process's cache is not told.
    await prisma.round.update({
      where: { id: "2020" },
      data: { status: "CLOSED", closedAt: new Date() },
    });
    expect((await currentRound()).status).toBe("OPEN");
    expect(await isAnswerableNow("2020")).toBe(false);
    // A well-formed save of a real answer, into a response that exists and into one that
    // does not yet: refused, and nothing written.
    const before = await prisma.response.findMany({ where: { roundId: "2020" } });
    for (const countryCode of ["RWA", draft.countryCode]) {
      const formData = new FormData();
      for (const [name, value] of Object.entries({
        intent: "autosave",
        base: "0",
        fields: "q1_national_portal",
        q1_national_portal: "https://closed.example.org",
        "orig.q1_national_portal": fingerprint(null),
      }))
        formData.set(name, value);
      const outcome = await saveSection({
        actorId: "nobody",
        countryCode,
        sectionId: "I",
        formData,
        locale: "en",
      });
      expect(outcome).toEqual({ kind: "locked" });
    }
    expect(await prisma.response.findMany({ where: { roundId: "2020" } })).toEqual(before);
  });
});
