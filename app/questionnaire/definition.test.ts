import { describe, expect, it } from "vitest";
import { readFieldsDoc } from "./fields-doc.test-helper";
import { allQuestions, findQuestion } from "./index";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { Question } from "./types";

// docs/FIELDS.md is the public contract; the TypeScript definition must match it key for key.
const doc = readFieldsDoc();
const questions = allQuestions(msq2020);

function docType(question: Question) {
  if (question.type === "email") return "text (e-mail)";
  if (question.type === "lines") return "text";
  return question.type;
}

function docCondition(question: Question) {
  if (!question.when || !("field" in question.when)) return null;
  return "equals" in question.when
    ? `${question.when.field} = ${question.when.equals}`
    : `${question.when.field} includes ${question.when.includes}`;
}

describe("the MSQ 2020 definition matches docs/FIELDS.md", () => {
  it("has the same keys in the same order", () => {
    expect(doc.fields.length).toBeGreaterThan(50);
    expect(questions.map((q) => q.key)).toEqual(doc.fields.map((f) => f.key));
  });

  it("puts every question in the same section, in the same order", () => {
    const docSections = [...new Set(doc.fields.map((f) => f.section))];
    expect(msq2020.sections.map((s) => `${s.id}. ${s.title}`)).toEqual(docSections);
    for (const field of doc.fields) {
      const section = msq2020.sections.find((s) => s.questions.some((q) => q.key === field.key));
      expect(`${section?.id}. ${section?.title}`, field.key).toBe(field.section);
    }
  });

  it.each(doc.fields.map((f) => [f.key, f] as const))(
    "%s has the same type, text and limit",
    (key, field) => {
      const question = findQuestion(msq2020, key)!;
      expect(docType(question)).toBe(field.type);
      // The document appends "(asked when `other` is ticked)" to a follow-up's text.
      expect(question.text).toBe(field.text.replace(/\s*\(asked when .*\)$/, ""));
      expect(question.type === "longtext" ? question.maxWords : null).toBe(field.maxWords);
    },
  );

  it("has the same options, keys and texts, for every checkbox question", () => {
    const multi = questions.filter((q) => q.type === "multi");
    expect(multi.map((q) => q.key).sort()).toEqual(Object.keys(doc.options).sort());
    for (const question of multi) {
      expect(question.options, question.key).toEqual(doc.options[question.key]);
    }
  });

  it("has the same conditions: table column, prose and inline notes", () => {
    const expected = new Map<string, string>();
    for (const field of doc.fields) {
      if (field.when) expected.set(field.key, field.when);
      const inline = /\(asked when `(\w+)` is ticked\)/.exec(field.text);
      if (inline) {
        const parent = doc.fields.find(
          (f) => f.type === "multi" && field.key.startsWith(f.key.split("_")[0]!),
        );
        expected.set(field.key, `${parent?.key} includes ${inline[1]}`);
      }
      for (const [prefix, condition] of Object.entries(doc.proseConditions)) {
        if (field.key.startsWith(`${prefix}_`) && field.key !== condition.split(" ")[0]) {
          expected.set(field.key, condition);
        }
      }
    }
    expect(expected.size).toBeGreaterThanOrEqual(8);
    const actual = new Map(questions.filter((q) => q.when).map((q) => [q.key, docCondition(q)!]));
    expect(actual).toEqual(expected);
  });

  it("words the publish authorisation as the header field does", () => {
    const authorisation = doc.header.find((f) => f.key === "authorize_publication");
    expect(msq2020.authorizationText).toBe(authorisation?.text);
    expect(doc.header.map((f) => f.key)).toEqual([
      "country",
      "response_date",
      "authorize_publication",
    ]);
  });
});
