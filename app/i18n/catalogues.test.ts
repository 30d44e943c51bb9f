import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueProblems } from "./catalogue-problems";
import { flatMessages, messageArguments } from "./message-arguments";

// Every language's catalogue has every English message, with the same ICU arguments.
const read = (locale: string): unknown =>
  JSON.parse(readFileSync(`app/i18n/catalogues/${locale}.json`, "utf8"));
const english = read("en");

describe("the interface catalogues", () => {
  it.each(["ar", "zh", "fr", "ru", "es"])(
    "%s has every message, with the English arguments",
    (locale) => {
      expect(catalogueProblems(english, read(locale))).toEqual([]);
    },
  );

  it("finds a missing message, a changed argument and an extra message", () => {
    const broken = {
      signIn: { rateLimited: "Trop de tentatives : réessayez dans {minuten} minutes." },
      extra: "x",
    };
    const problems = catalogueProblems(
      {
        signIn: {
          rateLimited: "{minutes, plural, one {# minute} other {# minutes}}",
          title: "Sign in",
        },
      },
      broken,
    );
    expect(problems).toEqual([
      "signIn.rateLimited: arguments minuten:text; English has minutes:number",
      "signIn.title: missing",
      "extra: not in the English catalogue",
    ]);
  });

  it("reads the arguments and their kinds of a message", () => {
    expect([
      ...messageArguments("{n, plural, one {# of {total}} other {#}} on {at, date, long}"),
    ]).toEqual([
      ["n", "number"],
      ["total", "text"],
      ["at", "date"],
    ]);
    expect(flatMessages({ a: { b: "x" }, c: "y" })).toEqual(
      new Map([
        ["a.b", "x"],
        ["c", "y"],
      ]),
    );
  });

  it("catches a format lost in translation, and lets a plain number become a plural", () => {
    const english = { rate: "{done, number} of {total, number} ({share, number, ::percent})" };
    // French typography's no-break space before "::" makes it a plain number, silently.
    const broken = { rate: "{done, number} sur {total, number} ({share, number,\u202f::percent})" };
    expect(catalogueProblems(english, broken)).toEqual([
      expect.stringMatching(/^rate: formats share:number .*; English has share:number ::percent$/),
    ]);
    const plural = {
      rate: "{done, plural, other {# réponses}} sur {total, number} ({share, number, ::percent})",
    };
    expect(catalogueProblems(english, plural)).toEqual([]);
  });
});
