import { englishMessages } from "~/i18n/english.test-helper";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { awkwardText, hugeText, wellFormed } from "~/questionnaire/arbitraries.test-helper";
import { fingerprint } from "~/questionnaire/form-data";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { capOf } from "~/questionnaire/pathological.test-helper";
import { parseSectionPost } from "~/questionnaire/section-post";
import type { AnswerValue, Question, Section } from "~/questionnaire/types";
import { findResponse, saveAnswers } from "./response.server";

// Save → reload, against the run's database: what a section post saves is what the next page
// load reads, character for character (any Unicode a browser can send, up to the caps).

afterAll(() => prisma.$disconnect());

const roundId = "2020";
const countryCode = "MDV";

/** An answer as a page posts it: what the form sends is what it saves (no CR, no outer blanks). */
function postedAnswer(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "yesno":
      return fc.constantFrom("yes", "no", null);
    case "multi":
      return fc
        .subarray(question.options.map((o) => o.key))
        .map((picked) => (picked.length > 0 ? picked : null));
    default:
      return fc
        .oneof(
          { arbitrary: awkwardText(), weight: 4 },
          { arbitrary: hugeText(capOf(question)), weight: 1 },
        )
        .map(
          (text) =>
            wellFormed(text)
              .replace(/[\r\0]/g, "")
              .trim() || null,
        );
  }
}

const sectionAndAnswers = fc
  .constantFrom(...msq2020.sections)
  .chain((section: Section) =>
    fc.tuple(
      fc.constant(section),
      fc.record(Object.fromEntries(section.questions.map((q) => [q.key, postedAnswer(q)]))),
    ),
  );

describe("a section save, reloaded", () => {
  it("returns exactly the answers saved", async () => {
    const user = await prisma.user.create({
      data: {
        email: `roundtrip.${randomBytes(4).toString("hex")}@test.example.org`,
        role: "FOCAL_POINT",
        countries: { create: { countryCode } },
      },
      select: { id: true },
    });
    await fc.assert(
      fc.asyncProperty(sectionAndAnswers, async ([section, answers]) => {
        // The page as loaded: the current answers' fingerprints and revision.
        const before = await findResponse(roundId, countryCode);
        const form = new FormData();
        form.set("intent", "save");
        form.set("base", String(before?.revision ?? 0));
        for (const question of section.questions) {
          const answer = answers[question.key] ?? (question.type.endsWith("text") ? "" : []);
          for (const text of Array.isArray(answer) ? answer : [answer])
            form.append(question.key, text);
          form.set(`orig.${question.key}`, fingerprint(before?.answers[question.key] ?? null));
        }
        const post = parseSectionPost(msq2020, section.questions, form, englishMessages);
        if ("error" in post) throw new Error(`refused: ${post.fields.join(", ")}`);
        const saved = await saveAnswers({
          roundId,
          countryCode,
          actorId: user.id,
          baseRevision: post.baseRevision,
          changes: post.changes,
          shown: post.shown,
          overwrite: post.overwrite,
        });
        expect(saved).toMatchObject({ ok: true, conflicts: [] });
        const after = await findResponse(roundId, countryCode);
        for (const question of section.questions)
          expect(after!.answers[question.key] ?? null).toEqual(answers[question.key]);
      }),
      { numRuns: 50 },
    );
  });
});
