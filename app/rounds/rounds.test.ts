import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { requireQuestionnaire, UnknownQuestionnaireError } from "~/models/questionnaire.server";
import {
  currentRound,
  currentRoundNow,
  forgetCurrentRound,
  isAnswerable,
} from "~/models/round.server";
import { submitResponse } from "~/models/submission.server";
import { saveAnswers } from "~/models/response.server";
import { inEnglish, issuesInEnglish } from "~/questionnaire/definition-messages.test-helper";
import { definitionProblem } from "~/questionnaire/definition-problems";
import { parseDefinition, type QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { confirmCarried } from "./confirm-carried.server";
import { openRound, RoundError, storeDefinition } from "./rounds.server";

// The next round on the real database: created from a definition file, opened, each country's
// response carried forward, confirmed, submitted. The seed's four 2020 responses are its input.

const read = (file: string): QuestionnaireDefinition => {
  const parsed = parseDefinition(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(issuesInEnglish(parsed).join("\n"));
  return parsed.definition;
};
const next = read("tests/fixtures/msq-next-round.json");
const ROUND = next.round;

// Other test files share this database and expect the 2020 round to be the open one.
afterAll(async () => {
  await prisma.event.deleteMany({ where: { response: { roundId: ROUND } } });
  await prisma.response.deleteMany({ where: { roundId: ROUND } });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: ROUND } });
  await prisma.round.deleteMany({ where: { id: ROUND } });
  await prisma.round.update({ where: { id: "2020" }, data: { status: "OPEN", closedAt: null } });
  forgetCurrentRound();
  await prisma.$disconnect();
});

describe("a new round from a definition file", () => {
  it("is created as a draft, and the same file again changes nothing", async () => {
    expect(await storeDefinition(next, null)).toEqual({
      roundId: ROUND,
      version: 1,
      outcome: "created_round",
    });
    expect(await storeDefinition(next, null)).toMatchObject({ outcome: "unchanged" });
    const round = await prisma.round.findUniqueOrThrow({ where: { id: ROUND } });
    expect(round.status).toBe("DRAFT");
    // A draft is not what focal points answer.
    expect((await currentRound()).id).toBe("2020");
    expect((await requireQuestionnaire(ROUND)).title).toBe(next.title);
  });

  it("takes new translations of a stored version from the seed only, and never new English", async () => {
    const translated: QuestionnaireDefinition = {
      ...next,
      translations: { fr: "unofficial" },
      title: { en: next.title as string, fr: "Questionnaire suivant" },
    };
    const refused = await storeDefinition(translated, null).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RoundError);
    expect((refused as RoundError).problem).toEqual(
      definitionProblem("versionStored", { round: ROUND, version: 1 }),
    );
    expect((refused as RoundError).message).toBe(inEnglish((refused as RoundError).problem));
    expect(await storeDefinition(translated, null, { translationsMayChange: true })).toMatchObject({
      outcome: "translations_updated",
    });
    const stored = await prisma.questionnaireDefinition.findUniqueOrThrow({
      where: { roundId_version: { roundId: ROUND, version: 1 } },
    });
    expect(stored.definition).toMatchObject({ title: { fr: "Questionnaire suivant" } });
    const reworded = { ...translated, title: { en: "Another title", fr: "Questionnaire suivant" } };
    await expect(storeDefinition(reworded, null, { translationsMayChange: true })).rejects.toThrow(
      RoundError,
    );
    // Back as it was, for the tests below.
    await prisma.questionnaireDefinition.update({
      where: { roundId_version: { roundId: ROUND, version: 1 } },
      data: { definition: next as object },
    });
  });

  it("is served with no code change: its questionnaire comes from the database", async () => {
    const questionnaire = await requireQuestionnaire(ROUND);
    const keys = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.key));
    expect(keys).toContain("q16_dpi_budget_share");
    expect(keys).not.toContain("q2e_other_portals");
    await expect(requireQuestionnaire("1999")).rejects.toBeInstanceOf(UnknownQuestionnaireError);
  });

  it("opens: 2020 closes and every country with a 2020 submission starts from it", async () => {
    const submitted = await prisma.response.count({
      where: { roundId: "2020", submissions: { some: {} } },
    });
    expect(submitted).toBeGreaterThanOrEqual(4);
    const opened = await openRound({
      roundId: ROUND,
      deadline: new Date("2026-06-30T23:59:59Z"),
      actorId: null,
    });
    expect(opened).toEqual({ roundId: ROUND, previousRoundId: "2020", carried: submitted });
    // Exactly one response written per country carried, nothing else.
    expect(await prisma.response.count({ where: { roundId: ROUND } })).toBe(submitted);
    forgetCurrentRound();
    expect((await currentRound()).id).toBe(ROUND);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: "2020" } })).status).toBe("CLOSED");

    const rwanda = await prisma.response.findUniqueOrThrow({
      where: { roundId_countryCode: { roundId: ROUND, countryCode: "RWA" } },
    });
    const carried = rwanda.carried as Record<string, { value: unknown; questionChanged: boolean }>;
    const submission = await prisma.submission.findFirstOrThrow({
      where: { response: { roundId: "2020", countryCode: "RWA" } },
      orderBy: { number: "desc" },
    });
    const before = submission.answers as Record<string, unknown>;
    expect(carried.q1_national_portal).toEqual({
      value: before.q1_national_portal,
      questionChanged: true,
    });
    expect(carried.q2e_other_portals).toBeUndefined();
    expect(carried.q16_dpi_budget_share).toBeUndefined();
    expect((rwanda.answers as Record<string, unknown>).q1_national_portal).toBe(
      before.q1_national_portal,
    );
    expect(rwanda.status).toBe("DRAFT");
  });

  it("is named as stored in what outlives a request, though this process kept the round it read", async () => {
    // Another worker changes the round (as opening one does) while this process keeps its read.
    const kept = await currentRound();
    await prisma.round.update({ where: { id: kept.id }, data: { name: "Renamed elsewhere" } });
    try {
      expect((await currentRound()).name).toBe(kept.name);
      expect((await currentRoundNow()).name).toBe("Renamed elsewhere");
      expect((await currentRound()).name).toBe("Renamed elsewhere");
    } finally {
      await prisma.round.update({ where: { id: kept.id }, data: { name: kept.name } });
      forgetCurrentRound();
    }
  });

  it("takes answers only from its start date, and never once closed", () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const yesterday = new Date(Date.now() - 86_400_000);
    expect(isAnswerable({ status: "OPEN", opensAt: tomorrow })).toBe(false);
    expect(isAnswerable({ status: "OPEN", opensAt: yesterday })).toBe(true);
    expect(isAnswerable({ status: "OPEN", opensAt: null })).toBe(true);
    expect(isAnswerable({ status: "CLOSED", opensAt: yesterday })).toBe(false);
    expect(isAnswerable({ status: "DRAFT", opensAt: null })).toBe(false);
  });

  it("refuses a second open, and a new version that changes more than wording", async () => {
    const reopened = await openRound({ roundId: ROUND, deadline: new Date(), actorId: null }).catch(
      (error: unknown) => error,
    );
    expect(reopened).toBeInstanceOf(RoundError);
    expect((reopened as RoundError).problem).toEqual(
      definitionProblem("notADraft", { round: ROUND, status: "OPEN" }),
    );
    const changed = structuredClone(next);
    changed.version = 2;
    changed.sections[0]!.questions.splice(1, 1);
    const refusal = await storeDefinition(changed, null).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RoundError);
    const { problem, details, message } = refusal as RoundError;
    expect(problem).toEqual(definitionProblem("structureFrozen", { round: ROUND, status: "OPEN" }));
    expect(message).toBe(inEnglish(problem));
    expect(details).toEqual([
      definitionProblem("questionRemoved", { key: "q2a_eservices_portal" }),
    ]);
    expect(details.map(inEnglish)).toEqual(['"q2a_eservices_portal" was removed']);

    const reworded = structuredClone(next);
    reworded.version = 2;
    reworded.sections[0]!.title = "Institutional Framework (revised wording)";
    expect(await storeDefinition(reworded, null)).toMatchObject({ outcome: "added_version" });
    expect((await requireQuestionnaire(ROUND)).sections[0]!.title).toBe(
      "Institutional Framework (revised wording)",
    );
  });

  it("is submitted only when every carried answer is confirmed or changed", async () => {
    const questionnaire = await requireQuestionnaire(ROUND);
    const response = await prisma.response.findUniqueOrThrow({
      where: { roundId_countryCode: { roundId: ROUND, countryCode: "TJK" } },
    });
    // In questionnaire order (PostgreSQL's JSONB keeps its own order of an object's keys).
    const order = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.key));
    const carriedKeys = Object.keys(response.carried as object).sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    const submit = () =>
      submitResponse({
        questionnaire,
        roundId: ROUND,
        countryCode: "TJK",
        actorId: "test",
        confirmNoPublication: true,
        locale: "en",
      });
    const refused = await submit();
    expect(refused).toMatchObject({ ok: false, reason: "errors" });
    const codes = (refused as { errors: { field: string; code: string }[] }).errors;
    expect(codes.filter((e) => e.code === "carried_unconfirmed").map((e) => e.field)).toEqual(
      carriedKeys,
    );
    expect(codes.find((e) => e.field === "q16_dpi_budget_share")?.code).toBe("required");

    // Tajikistan's 2020 answers have a follow-up answered though not asked: cleared (updated).
    const notAsked = codes.filter((e) => e.code === "not_asked").map((e) => e.field);
    // One answer changed (updated), the rest confirmed section by section.
    const [changedKey, ...others] = carriedKeys.filter((key) => !notAsked.includes(key));
    const rest = others;
    const saved = await saveAnswers({
      roundId: ROUND,
      countryCode: "TJK",
      actorId: "test",
      baseRevision: response.revision,
      changes: {
        [changedKey!]: "Updated for 2026",
        q16_dpi_budget_share: "12.5",
        ...Object.fromEntries(notAsked.map((key) => [key, null])),
      },
    });
    expect(saved.ok).toBe(true);
    for (const section of questionnaire.sections) {
      const keys = section.questions.map((q) => q.key).filter((key) => rest.includes(key));
      if (keys.length > 0)
        await confirmCarried({ roundId: ROUND, countryCode: "TJK", keys, actorId: "test" });
    }
    const after = await prisma.response.findUniqueOrThrow({ where: { id: response.id } });
    expect([...(after.confirmedCarried as string[])].sort()).toEqual([...rest].sort());
    // Confirming the changed answer does nothing: it is "updated", not "still accurate".
    expect(
      await confirmCarried({
        roundId: ROUND,
        countryCode: "TJK",
        keys: [changedKey!],
        actorId: "x",
      }),
    ).toBe(null);

    const submitted = await submit();
    expect(submitted).toMatchObject({ ok: true, submissionNumber: 1 });
    const submission = await prisma.submission.findFirstOrThrow({
      where: { responseId: response.id },
    });
    expect(submission.questionnaireVersion).toBe(2);
  });
});
