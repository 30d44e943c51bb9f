import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { saveSection } from "~/routes/countries.$code.sections.$section/save.server";
import { currentRound, isAnswerableNow } from "./round.server";

// The current round is cached per process for a few seconds; closing it clears only the cache
// of the process that closed it. Another process (a worker, a second instance on the same
// database) must still refuse answers at once: writes check the round as stored.

afterAll(async () => {
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
});

describe("a round closed by another process", () => {
  it("takes no more answers here, though this process still has it cached as open", async () => {
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
    const outcome = await saveSection({
      actorId: "nobody",
      countryCode: "RWA",
      sectionId: "I",
      formData: new FormData(),
      locale: "en",
    });
    expect(outcome).toEqual({ kind: "locked" });
  });
});
