import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { streamExport, streamLongExport } from "~/export/export.server";
import { earlierResponses } from "~/models/earlier-responses.server";
import { chosenRound, chosenRounds, roundLinks } from "~/models/round-choice.server";
import { forgetCurrentRound } from "~/models/round.server";
import { completeAnswers } from "~/questionnaire";
import type { QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { storeDefinition } from "~/rounds/rounds.server";

// Past rounds against the real database: which round a request asks for, a country's earlier
// responses, and exports of an earlier round and across rounds. An earlier round is created
// closed (never opened), so the seeded MSQ 2020 stays the current round for every other test
// file of the run; everything created here is deleted at the end.

const EARLIER = "2016-test";
const DRAFT = "2030-test";
const COUNTRY = "GNQ"; // used by no other test

/** A small questionnaire asking two of 2020's questions. */
const definition = (round: string, version: number, cioText: string): QuestionnaireDefinition => ({
  round,
  version,
  title: `MSQ ${round}`,
  authorizationText: "I/We hereby authorize UNDESA to publish my/our responses.",
  sections: [
    {
      id: "A",
      title: "Leadership and strategy",
      questions: [
        { key: "q4_has_cio", type: "yesno", text: cioText },
        {
          key: "q8_strategy_features",
          type: "multi",
          text: "8. National e-government strategy:",
          options: [
            { key: "implementation_plan", text: "has an implementation plan." },
            { key: "once_only", text: "applies the once-only principle." },
          ],
        },
        { key: "q14_social_media", type: "longtext", text: "14. Social media?", maxWords: 250 },
      ],
    },
  ],
});

const EARLIER_ANSWERS = {
  q4_has_cio: "yes",
  q8_strategy_features: ["once_only"],
  q14_social_media: "=cmd|' /C calc'!A0",
};
const CURRENT_ANSWERS = completeAnswers(msq2020, { q4_has_cio: "no", q14_social_media: "2020" });

async function submitted(roundId: string, version: number, answers: object) {
  await prisma.response.create({
    data: {
      roundId,
      countryCode: COUNTRY,
      status: "SUBMITTED",
      questionnaireVersion: version,
      answers,
      fieldVersions: {},
      submittedAt: new Date("2026-03-30T09:00:00Z"),
      submissions: { create: { number: 1, questionnaireVersion: version, answers } },
    },
  });
}

async function cleanUp() {
  const rounds = [EARLIER, DRAFT];
  await prisma.response.deleteMany({
    where: { OR: [{ roundId: { in: rounds } }, { roundId: "2020", countryCode: COUNTRY }] },
  });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: { in: rounds } } });
  await prisma.round.deleteMany({ where: { id: { in: rounds } } });
  forgetCurrentRound();
}

beforeAll(async () => {
  await cleanUp();
  // Version 1, then a wording fix (version 2): the response was submitted against version 1.
  await storeDefinition(definition(EARLIER, 1, "4. Is there a CIO?"), null);
  await storeDefinition(definition(EARLIER, 2, "4. Does your country have a CIO?"), null);
  await prisma.round.update({
    where: { id: EARLIER },
    data: {
      status: "CLOSED",
      openedAt: new Date("2016-01-01T00:00:00Z"),
      closedAt: new Date("2016-12-31T00:00:00Z"),
    },
  });
  await storeDefinition(definition(DRAFT, 1, "4. CIO?"), null);
  await submitted(EARLIER, 1, EARLIER_ANSWERS);
  await submitted("2020", msq2020.version, CURRENT_ANSWERS);
});

afterAll(async () => {
  await cleanUp();
  await prisma.$disconnect();
});

const request = (search: string) => new Request(`http://localhost/review${search}`);

/** The status of the Response a loader helper throws. */
async function thrownStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("the round a request asks for", () => {
  it("is the current round without ?round=, and an earlier one with it", async () => {
    const current = await chosenRound(request(""));
    expect(current).toMatchObject({ round: { id: "2020", status: "OPEN" }, isCurrent: true });
    expect(await chosenRound(request("?round=2020"))).toMatchObject({ isCurrent: true });
    const earlier = await chosenRound(request(`?round=${EARLIER}`));
    expect(earlier).toMatchObject({
      round: { id: EARLIER, status: "CLOSED", questionnaireVersion: 2 },
      isCurrent: false,
    });
  });

  it("is a 404 for an unknown, impossible or draft round, and a 400 for two", async () => {
    expect(await thrownStatus(chosenRound(request("?round=1999")))).toBe(404);
    expect(await thrownStatus(chosenRound(request(`?round=${"9".repeat(40)}`)))).toBe(404);
    expect(await thrownStatus(chosenRound(request(`?round=${DRAFT}`)))).toBe(404);
    expect(await thrownStatus(chosenRound(request(`?round=2020,${EARLIER}`)))).toBe(400);
  });

  it("lists the readable rounds for the switcher, newest first, drafts left out", async () => {
    const links = await roundLinks(await chosenRound(request(`?round=${EARLIER}`)));
    const ours = links.filter((l) => ["2020", EARLIER, DRAFT].includes(l.id));
    expect(ours).toEqual([
      { id: "2020", name: "MSQ 2020", status: "OPEN", current: true, chosen: false },
      { id: EARLIER, name: `MSQ ${EARLIER}`, status: "CLOSED", current: false, chosen: true },
    ]);
  });

  it("names several rounds for the long export, or all readable ones", async () => {
    const all = (await chosenRounds([])).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining(["2020", EARLIER]));
    expect(all).not.toContain(DRAFT);
    expect(all.indexOf("2020")).toBeLessThan(all.indexOf(EARLIER));
    expect((await chosenRounds([EARLIER])).map((r) => r.id)).toEqual([EARLIER]);
    expect(await thrownStatus(chosenRounds([EARLIER, DRAFT]))).toBe(404);
  });
});

describe("a country's earlier responses", () => {
  it("lists the responses to rounds before the current one", async () => {
    expect(await earlierResponses(COUNTRY)).toEqual([
      { roundId: EARLIER, roundName: `MSQ ${EARLIER}`, status: "SUBMITTED" },
    ]);
    expect(await earlierResponses("ERI")).toEqual([]);
  });
});

describe("exports of past rounds", () => {
  const choice = { statuses: ["SUBMITTED", "ACCEPTED"] as const, authorisedOnly: false };

  it("exports an earlier round with its own questions as columns", async () => {
    const file = await streamExport("csv", { roundId: EARLIER, ...choice }, { locale: "en" });
    expect(file.filename).toMatch(new RegExp(`^msq-${EARLIER}-responses-\\d{8}\\.csv$`));
    const records = parse(await text(file.body), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => r.country_code)).toEqual([COUNTRY]);
    expect(records[0]).toMatchObject({
      q4_has_cio: "yes",
      "q8_strategy_features.once_only": "1",
      "q8_strategy_features.implementation_plan": "0",
    });
    expect(records[0]).not.toHaveProperty("q1_national_portal");
  });

  it("holds both rounds in the long CSV, each response at its own definition version", async () => {
    const file = await streamLongExport(["2020", EARLIER], choice);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(new RegExp(`^msq-2020-${EARLIER}-long-\\d{8}\\.csv$`));
    const records = parse(await text(file.body), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const ours = records.filter((r) => r.country_code === COUNTRY);
    expect(ours.filter((r) => r.round === EARLIER)).toEqual([
      row(EARLIER, "1", "q4_has_cio", "yes"),
      row(EARLIER, "1", "q8_strategy_features.once_only", "1"),
      // Formula-safe, as in the wide CSV.
      row(EARLIER, "1", "q14_social_media", "'=cmd|' /C calc'!A0"),
    ]);
    const current = ours.filter((r) => r.round === "2020");
    expect(current).toContainEqual(row("2020", "1", "q4_has_cio", "no"));
    expect(current).toContainEqual(row("2020", "1", "q14_social_media", "2020"));
    // Only answered fields: the 2020 response answered two.
    expect(current).toHaveLength(2);
    // The seeded 2020 responses are there too.
    expect(records.some((r) => r.country_code === "RWA" && r.round === "2020")).toBe(true);
  });
});

function row(round: string, version: string, key: string, value: string) {
  return {
    country_code: COUNTRY,
    country_name: "Equatorial Guinea",
    round,
    definition_version: version,
    key,
    value,
  };
}
