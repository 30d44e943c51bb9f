import { describe, expect, it } from "vitest";
import { z } from "~/zod";
import { englishMessages as m } from "~/i18n/english.test-helper";
import { expectLinear } from "./timing.test-helper";
import { indexFormFields } from "./form-data";
import { EMAIL, kindOf, questionKinds } from "./question-types";
import { questionTypeNames } from "./question-type-names";
import type { AnswerValue, Question } from "./types";

// Each type's entry, part by part, as the form, validation, JSON import/export, exports and
// display use it.

const q = <Q extends Question>(question: Q) => question;
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return indexFormFields(data);
};
const check = (question: Question, value: AnswerValue) =>
  kindOf(question).check(question, value, m)?.code ?? null;
const roundTrip = (question: Question, value: AnswerValue) => {
  const kind = kindOf(question);
  return kind.readJson(question, JSON.parse(JSON.stringify(kind.writeJson(question, value))));
};

const number = q({
  key: "n",
  type: "number",
  text: "N",
  min: 0,
  max: 1000,
  decimals: 1,
  unit: "km",
});
const percentage = q({ key: "p", type: "percentage", text: "P" });
const date = q({ key: "d", type: "date", text: "D", min: "2000-01-01" });
const single = q({
  key: "s",
  type: "single",
  text: "S",
  options: [
    { key: "a", text: "Alpha" },
    { key: "b", text: "Beta" },
  ],
});
const url = q({ key: "u", type: "url", text: "U" });

describe("the question-type table", () => {
  it("has an entry for every type the definition format lists", () => {
    expect(Object.keys(questionKinds).sort()).toEqual([...questionTypeNames].sort());
  });

  it("reads a number as typed, checks its format, decimals and range", () => {
    expect(kindOf(number).fromForm(form([["n", " 1 250.5 "]]), number)).toBe("1250.5");
    // Typed on an Arabic or Persian keyboard: the same number.
    expect(kindOf(number).fromForm(form([["n", "١٢٥٠٫٥"]]), number)).toBe("1250.5");
    expect(kindOf(number).fromForm(form([["n", "۱۲"]]), number)).toBe("12");
    expect(check(number, "12.5")).toBe(null);
    expect(check(number, "12,5")).toBe("invalid_number");
    expect(check(number, "12.55")).toBe("invalid_number");
    expect(check(number, "1001")).toBe("out_of_range");
    expect(kindOf(number).format(number, "12.5", { yes: "Yes", no: "No" })).toBe("12.5 km");
    expect(kindOf(number).writeJson(number, "12.5")).toBe(12.5);
    expect(roundTrip(number, "12.5")).toEqual({ value: "12.5" });
    expect(kindOf(number).readJson(number, "twelve")).toEqual({
      problem: { code: "answerNotNumber", values: { value: '"twelve"' } },
    });
  });

  it("keeps a percentage within 0–100 and takes a typed % sign", () => {
    expect(kindOf(percentage).fromForm(form([["p", "45 %"]]), percentage)).toBe("45");
    expect(kindOf(percentage).fromForm(form([["p", "٤٥ %"]]), percentage)).toBe("45");
    expect(check(percentage, "100")).toBe(null);
    expect(check(percentage, "101")).toBe("out_of_range");
    expect(check(percentage, "-1")).toBe("out_of_range");
    expect(kindOf(percentage).columns(percentage)[0]!.cell("45")).toBe(45);
  });

  it("takes a real date in its range", () => {
    expect(check(date, "2026-02-28")).toBe(null);
    expect(check(date, "2026-02-30")).toBe("invalid_date");
    expect(check(date, "30/03/2019")).toBe("invalid_date");
    expect(check(date, "1999-12-31")).toBe("out_of_range");
    expect(kindOf(date).readJson(date, "2026-13-01")).toEqual({
      problem: { code: "answerNotDate", values: { value: '"2026-13-01"' } },
    });
  });

  it("checks e-mail addresses with zod's own pattern", () => {
    expect(EMAIL.source).toBe(z.regexes.email.source);
  });

  it("keeps a single choice to its options and shows the option's text", () => {
    const schema = kindOf(single).value(single, m, z);
    expect(schema.safeParse("a").success).toBe(true);
    expect(schema.safeParse("z").success).toBe(false);
    expect(kindOf(single).format(single, "b", { yes: "Yes", no: "No" })).toBe("Beta");
    expect(
      kindOf(single)
        .columns(single)
        .map((c) => c.cell("b")),
    ).toEqual(["b"]);
  });

  it("checks a web address", () => {
    expect(check(url, "https://www.gov.example/services")).toBe(null);
    expect(check(url, "www.gov.example")).toBe("invalid_url");
    expect(check(url, "https://gov example")).toBe("invalid_url");
  });

  it("checks an answer at its cap in time linear in its size, for every text type", async () => {
    for (const type of ["text", "lines", "email", "url"] as const)
      await expectLinear(
        (size) => {
          const value = `${"a".repeat(size - 1)}@`;
          return () => check({ key: "t", type, text: "T" }, value);
        },
        5_000,
        50,
      );
  });
});
