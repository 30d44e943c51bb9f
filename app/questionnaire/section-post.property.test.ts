import { englishMessages } from "~/i18n/english.test-helper";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText, awkwardText, hugeText, wellFormed } from "./arbitraries.test-helper";
import { fingerprint } from "./form-data";
import { allQuestions } from "./index";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { capOf } from "./pathological.test-helper";
import { parseSectionPost } from "./section-post";
import type { AnswerValue, Question } from "./types";
import { draftAnswersSchema, submitAnswersSchema } from "./validation";

// Random posts and answers, valid or not: the parser and the schemas give a result or a clear
// validation error (a field and a message), never an exception.

const questions = allQuestions(msq2020);
const keys = questions.map((q) => q.key);
const draft = draftAnswersSchema(msq2020, englishMessages);
const submit = submitAnswersSchema(msq2020, englishMessages);

/** Any value a client could send as an answer: text of any size, lists, wrong types. */
const anyValue = fc.oneof(
  anyText(),
  fc.constantFrom<unknown>(null, "yes", "no", 0, true, {}, [""], ["other"]),
  fc.array(fc.oneof(awkwardText(10), fc.constantFrom(...keys)), { maxLength: 5 }),
);

/** A valid answer to the question, as the form would normalise it. */
function validAnswer(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "yesno":
      return fc.constantFrom("yes", "no", null);
    case "multi": {
      const options = question.options.map((o) => o.key);
      return fc.subarray(options).map((picked) => (picked.length > 0 ? picked : null));
    }
    default:
      return fc
        .oneof(awkwardText(), hugeText(capOf(question)))
        .map((text) => wellFormed(text).replace(/\r\n?/g, "\n").replace(/\0/g, "").trim() || null);
  }
}

const issuesAreClear = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.every(
    (issue) =>
      issue.message !== "" && (issue.path.length === 0 || keys.includes(String(issue.path[0]))),
  );

describe("the draft and submit schemas, for any answers", () => {
  it("accept or refuse with a message on a field, never throw", () => {
    const answers = fc.dictionary(fc.oneof(fc.constantFrom(...keys), awkwardText(8)), anyValue, {
      maxKeys: 8,
    });
    fc.assert(
      fc.property(answers, (given) => {
        for (const schema of [draft, submit]) {
          const result = schema.safeParse(given);
          if (!result.success) expect(issuesAreClear(result.error.issues)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("accept every valid draft as it is", () => {
    const answers = fc.record(Object.fromEntries(questions.map((q) => [q.key, validAnswer(q)])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(answers, (given) => {
        expect(draft.safeParse(given)).toEqual({ success: true, data: given });
      }),
      { numRuns: 50 },
    );
  });
});

describe("parseSectionPost, for any post", () => {
  const name = fc.oneof(
    fc.constantFrom("intent", "base", "fields", ...keys, ...keys.map((k) => `orig.${k}`)),
    awkwardText(8),
  );
  const value = fc.oneof(
    anyText(),
    fc.constantFrom("save", "next", "autosave", "goto:II", "keep:q4_has_cio", "0", "3", "-1"),
    fc.constantFrom(...keys),
  );

  it("gives the changes to save or a malformed post naming fields, never throws", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 12 }), (entries) => {
        const form = new FormData();
        for (const [field, text] of entries) form.append(field, text);
        const post = parseSectionPost(msq2020, questions, form, englishMessages);
        if ("error" in post) {
          expect(post.fields.every((field) => keys.includes(field))).toBe(true);
        } else {
          expect(draft.safeParse(post.changes).success).toBe(true);
          expect(Object.keys(post.changes).every((key) => keys.includes(key))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reads back exactly the valid answers a page posts", () => {
    const answers = fc.record(Object.fromEntries(questions.map((q) => [q.key, validAnswer(q)])));
    fc.assert(
      fc.property(answers, (given) => {
        const form = new FormData();
        form.set("intent", "save");
        form.set("base", "0");
        for (const question of questions) {
          // An empty text box is posted empty; an unticked box or radio is not posted.
          const answer = given[question.key] ?? (question.type.endsWith("text") ? "" : []);
          for (const text of Array.isArray(answer) ? answer : [answer])
            form.append(question.key, text);
          // The page showed another value: every field is a change.
          form.set(`orig.${question.key}`, fingerprint("shown before"));
        }
        const post = parseSectionPost(msq2020, questions, form, englishMessages);
        expect(post).toMatchObject({ changes: given });
      }),
      { numRuns: 50 },
    );
  });
});
