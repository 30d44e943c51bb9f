import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fingerprint } from "~/questionnaire/form-data";
import { fieldKeys } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { findResponse, saveAnswers } from "./response.server";
import { submitResponse } from "./submission.server";

afterAll(() => prisma.$disconnect());

// Each test gets its own country so they do not depend on each other.
const pool = [
  "ALB",
  "AND",
  "ARM",
  "AUT",
  "AZE",
  "BHS",
  "BHR",
  "BGD",
  "BRB",
  "BLR",
  "BEL",
  "BLZ",
  "BEN",
  "BTN",
];
let next = 0;
async function setUp() {
  const countryCode = pool[next++]!;
  const [a, b] = await Promise.all(
    ["a", "b"].map((n) =>
      prisma.user.create({
        data: {
          email: `${n}.${randomBytes(4).toString("hex")}@test.example.org`,
          role: "FOCAL_POINT",
          countries: { create: { countryCode } },
        },
        select: { id: true },
      }),
    ),
  );
  return { countryCode, a: a!.id, b: b!.id, roundId: "2020" };
}

describe("saveAnswers", () => {
  it("merges different fields saved by two people from the same starting point", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    const first = await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q1_national_portal: "https://a" },
      shown: { q1_national_portal: fingerprint(null) },
    });
    const second = await saveAnswers({
      roundId,
      countryCode,
      actorId: b,
      baseRevision: 0,
      changes: { q3_egov_agency: "Agency" },
      shown: { q3_egov_agency: fingerprint(null) },
    });
    expect(first).toMatchObject({ ok: true, saved: ["q1_national_portal"], conflicts: [] });
    expect(second).toMatchObject({ ok: true, saved: ["q3_egov_agency"], conflicts: [] });
    const response = await findResponse(roundId, countryCode);
    expect(response?.answers).toEqual({
      q1_national_portal: "https://a",
      q3_egov_agency: "Agency",
    });
    expect(response?.revision).toBe(2);
    const events = await prisma.event.findMany({
      where: { responseId: response!.id, kind: "response.saved" },
      select: { actorId: true, fields: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { actorId: a, fields: ["q1_national_portal"] },
        { actorId: b, fields: ["q3_egov_agency"] },
      ]),
    );
  });

  it("returns a conflict, not an overwrite, when a colleague changed the same field meanwhile", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q14_social_media: "A's text" },
      shown: { q14_social_media: fingerprint(null) },
    });
    const result = await saveAnswers({
      roundId,
      countryCode,
      actorId: b,
      baseRevision: 0,
      changes: { q14_social_media: "B's text" },
      shown: { q14_social_media: fingerprint(null) },
    });
    expect(result).toMatchObject({
      ok: true,
      saved: [],
      conflicts: [{ field: "q14_social_media", yours: "B's text", theirs: "A's text", by: a }],
    });
    expect((await findResponse(roundId, countryCode))?.answers.q14_social_media).toBe("A's text");
    // Having seen A's text, B may keep theirs.
    const kept = await saveAnswers({
      roundId,
      countryCode,
      actorId: b,
      baseRevision: 0,
      changes: { q14_social_media: "B's text" },
      shown: { q14_social_media: fingerprint("A's text") },
    });
    expect(kept).toMatchObject({ saved: ["q14_social_media"], conflicts: [] });
  });

  it("loses nothing when many saves race", async () => {
    const { countryCode, a, roundId } = await setUp();
    const keys = [
      "q5a_planning_development",
      "q5b_education",
      "q5c_health",
      "q5d_social_protection",
      "q5e_employment",
      "q5f_environment",
      "q5g_energy_water",
      "q5h_finance_taxation",
    ];
    const results = await Promise.all(
      keys.map((key) =>
        saveAnswers({
          roundId,
          countryCode,
          actorId: a,
          baseRevision: 0,
          changes: { [key]: `value of ${key}` },
          shown: { [key]: fingerprint(null) },
        }),
      ),
    );
    expect(results.every((r) => r.ok && r.saved.length === 1)).toBe(true);
    const response = await findResponse(roundId, countryCode);
    for (const key of keys) expect(response?.answers[key]).toBe(`value of ${key}`);
    expect(response?.revision).toBe(keys.length);
  });
});

// Decision 008's rules that these tests hold to, one test each where no other test does.
describe("saveAnswers: a retry, an unchanged value, a race on one field", () => {
  const savedEvents = (responseId: string) =>
    prisma.event.count({ where: { responseId, kind: "response.saved" } });

  it("a retried save that was already committed writes nothing and reports no conflict", async () => {
    const { countryCode, a, roundId } = await setUp();
    const save = {
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q1_national_portal: "https://portal.example.org" },
      shown: { q1_national_portal: fingerprint(null) },
    };
    expect(await saveAnswers(save)).toMatchObject({ saved: ["q1_national_portal"] });
    const committed = (await findResponse(roundId, countryCode))!;
    // The reply was lost: the browser sends the same save again, with the same fingerprint.
    expect(await saveAnswers(save)).toMatchObject({
      ok: true,
      revision: 1,
      saved: [],
      conflicts: [],
    });
    const after = (await findResponse(roundId, countryCode))!;
    expect(after.revision).toBe(1);
    expect(after.fieldVersions).toEqual(committed.fieldVersions);
    expect(await savedEvents(after.id)).toBe(1);
  });

  it("a post whose values equal the stored ones writes no revision and no event", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q3_egov_agency: "Agency" },
    });
    // A colleague, who saw nothing, posts the same text: nothing to write, nothing to report.
    expect(
      await saveAnswers({
        roundId,
        countryCode,
        actorId: b,
        baseRevision: 0,
        changes: { q3_egov_agency: "Agency" },
        shown: { q3_egov_agency: fingerprint(null) },
      }),
    ).toMatchObject({ saved: [], conflicts: [] });
    const response = (await findResponse(roundId, countryCode))!;
    expect(response.revision).toBe(1);
    expect(response.fieldVersions.q3_egov_agency?.by).toBe(a);
    expect(await savedEvents(response.id)).toBe(1);
  });

  it("of two saves of one field from the same page, one wins and the other is a conflict", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    const results = await Promise.all(
      [a, b].map((actorId) =>
        saveAnswers({
          roundId,
          countryCode,
          actorId,
          baseRevision: 0,
          changes: { q14_social_media: `text of ${actorId}` },
          shown: { q14_social_media: fingerprint(null) },
        }),
      ),
    );
    const won = results.filter((r) => r.ok && r.saved.length === 1);
    const lost = results.filter((r) => r.ok && r.conflicts.length === 1);
    expect([won.length, lost.length]).toEqual([1, 1]);
    const response = (await findResponse(roundId, countryCode))!;
    expect(response.revision).toBe(1);
    expect(response.answers.q14_social_media).toBe(
      (lost[0] as { conflicts: { theirs: unknown }[] }).conflicts[0]!.theirs,
    );
    expect(await savedEvents(response.id)).toBe(1);
  });

  it("waits for a transaction that holds the lock, the process going on meanwhile", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    const first = { q3_egov_agency: "Agency" };
    await saveAnswers({ roundId, countryCode, actorId: a, baseRevision: 0, changes: first });
    const { id } = (await findResponse(roundId, countryCode))!;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    let releasedAt = 0;
    // A colleague's longer write (a submission, say) holds the lock (SQLite: the database's,
    // PostgreSQL: the row's) across awaits in this very process.
    const holder = prisma.$transaction(async (tx) => {
      await tx.response.update({ where: { id }, data: { responseDate: "2020-06-30" } });
      await sleep(300);
      releasedAt = Date.now();
    });
    await sleep(50);
    const ticksBefore = ticks;
    const saved = await saveAnswers({
      roundId,
      countryCode,
      actorId: b,
      baseRevision: 1,
      changes: { q1_national_portal: "https://portal.example.org" },
      shown: { q1_national_portal: fingerprint(null) },
    });
    const savedAt = Date.now();
    await holder;
    clearInterval(ticker);
    expect(saved).toMatchObject({ ok: true, revision: 2, saved: ["q1_national_portal"] });
    expect(savedAt).toBeGreaterThanOrEqual(releasedAt);
    // About 25 ticks of 10 ms while it waited: a wait that blocked the thread would allow none,
    // and the holder could not finish either.
    expect(ticks - ticksBefore).toBeGreaterThan(8);
    const after = (await findResponse(roundId, countryCode))!;
    expect(after).toMatchObject({ responseDate: "2020-06-30", revision: 2 });
    expect(after.answers).toMatchObject({
      ...first,
      q1_national_portal: "https://portal.example.org",
    });
  });
});

describe("submitResponse", () => {
  it("freezes exactly what was submitted and refuses later saves", async () => {
    const { countryCode, a, roundId } = await setUp();
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q10_collects_usage_stats: "no" },
      authorizePublication: true,
    });
    const result = await submitResponse({
      questionnaire: msq2020,
      roundId,
      countryCode,
      actorId: a,
      confirmNoPublication: false,
      locale: "en",
    });
    expect(result).toMatchObject({ ok: true, submissionNumber: 1 });
    const submission = await prisma.submission.findFirstOrThrow({
      where: { response: { countryCode } },
      select: { answers: true, authorizePublication: true },
    });
    expect(submission.authorizePublication).toBe(true);
    expect((submission.answers as Record<string, unknown>).q10_collects_usage_stats).toBe("no");
    // Every key of the definition (PostgreSQL's jsonb does not keep key order).
    expect(Object.keys(submission.answers as object).sort()).toEqual(fieldKeys(msq2020).sort());
    expect(
      await saveAnswers({
        roundId,
        countryCode,
        actorId: a,
        baseRevision: 9,
        changes: { q10_collects_usage_stats: "yes" },
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
  });

  it("asks for confirmation without the authorisation, and refuses blocking errors", async () => {
    const { countryCode, a, roundId } = await setUp();
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { contact_email: "not-an-address" },
    });
    expect(
      await submitResponse({
        questionnaire: msq2020,
        roundId,
        countryCode,
        actorId: a,
        confirmNoPublication: true,
        locale: "en",
      }),
    ).toMatchObject({ ok: false, reason: "errors" });
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 1,
      changes: { contact_email: "focal@gov.example.org" },
    });
    expect(
      await submitResponse({
        questionnaire: msq2020,
        roundId,
        countryCode,
        actorId: a,
        confirmNoPublication: false,
        locale: "en",
      }),
    ).toEqual({ ok: false, reason: "needs-confirmation" });
    expect(
      await submitResponse({
        questionnaire: msq2020,
        roundId,
        countryCode,
        actorId: a,
        confirmNoPublication: true,
        locale: "en",
      }),
    ).toMatchObject({ ok: true });
  });

  it("queues its e-mails in the submission's transaction: both, or neither when it loses", async () => {
    const { countryCode, a, b, roundId } = await setUp();
    await saveAnswers({
      roundId,
      countryCode,
      actorId: a,
      baseRevision: 0,
      changes: { q10_collects_usage_stats: "no" },
      authorizePublication: true,
    });
    const to = `${countryCode.toLowerCase()}.${randomBytes(4).toString("hex")}@test.example.org`;
    const composed = (subject: string) => [
      { kind: "submission-confirmation" as const, to, subject, html: "<p>x</p>", text: "x" },
    ];
    // A colleague saves between the checks and the transaction: the submission loses, and its
    // composed e-mail is never queued.
    const lost = await submitResponse({
      questionnaire: msq2020,
      roundId,
      countryCode,
      actorId: a,
      confirmNoPublication: false,
      locale: "en",
      emails: async () => {
        await saveAnswers({
          roundId,
          countryCode,
          actorId: b,
          baseRevision: 1,
          changes: { q3_egov_agency: "Agency" },
        });
        return composed("lost");
      },
    });
    expect(lost).toEqual({ ok: false, reason: "changed" });
    expect(await prisma.submission.count({ where: { response: { countryCode } } })).toBe(0);
    expect(await prisma.outboundEmail.count({ where: { recipients: to } })).toBe(0);

    const won = await submitResponse({
      questionnaire: msq2020,
      roundId,
      countryCode,
      actorId: a,
      confirmNoPublication: false,
      locale: "en",
      emails: async (submitted) => {
        // What it is given is what is frozen.
        expect(submitted.answers.q3_egov_agency).toBe("Agency");
        expect(submitted.authorizePublication).toBe(true);
        return composed("won");
      },
    });
    expect(won).toMatchObject({ ok: true, submissionNumber: 1 });
    const queued = await prisma.outboundEmail.findMany({
      where: { recipients: to },
      select: { subject: true, kind: true },
    });
    expect(queued).toEqual([{ subject: "won", kind: "submission-confirmation" }]);
  });
});
