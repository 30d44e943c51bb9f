import { describe, expect, it } from "vitest";
import { locales, type Locale } from "~/i18n/locale";
import {
  checkDefinitionJson,
  type LocalText,
  type QuestionnaireDefinition,
} from "./definition-schema";
import msq2020Json from "./definitions/msq-2020.json" with { type: "json" };
import { readFieldsDoc } from "./fields-doc.test-helper";
import { isTranslated } from "./localize";
import { issuesInEnglish } from "./definition-messages.test-helper";
import { msq2020Definition } from "./msq2020.test-helper";

// The MSQ 2020 in the six UN languages. English is the contract (docs/FIELDS.md); the other five
// are unofficial translations, and translating changed nothing but texts.

const translated = locales.filter((l): l is Exclude<Locale, "en"> => l !== "en");

/** Texts that stay as in English in some languages: brand names, written in Latin letters. */
const SAME_AS_ENGLISH: Record<string, readonly Locale[]> = {
  LinkedIn: ["fr", "es", "ru"],
  Facebook: ["fr", "es", "ru"],
};

/** Acronyms a UN translation keeps as they are, wherever the English has them. */
const KEPT_ACRONYMS = ["MSQ", "CIO", "CTO", "CDO", "C.11"];

/** Every text of a definition, with where it is in the file. */
function textsOf(definition: QuestionnaireDefinition): [string, LocalText][] {
  const texts: [string, LocalText][] = [
    ["title", definition.title],
    ["authorizationText", definition.authorizationText],
  ];
  definition.sections.forEach((section, s) => {
    texts.push([`sections[${s}].title`, section.title]);
    if (section.help) texts.push([`sections[${s}].help`, section.help]);
    section.questions.forEach((q, i) => {
      const at = `sections[${s}].questions[${i}]`;
      texts.push([`${at}.text`, q.text]);
      if (q.hint) texts.push([`${at}.hint`, q.hint]);
      if ((q.type === "single" || q.type === "multi") && q.other)
        texts.push([`${at}.other`, q.other]);
      if (q.type === "number" && q.unit) texts.push([`${at}.unit`, q.unit]);
      if (q.type === "single" || q.type === "multi")
        q.options.forEach((o, j) => texts.push([`${at}.options[${j}].text`, o.text]));
    });
  });
  return texts;
}

const english = (text: LocalText) => (typeof text === "string" ? text : text.en);

/** The definition as it was before it was translated: English strings, no `translations`. */
function englishOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(englishOnly);
  if (typeof value !== "object" || value === null) return value;
  if ("en" in value) return (value as { en: string }).en;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => name !== "translations")
      .map(([name, inner]) => [name, englishOnly(inner)]),
  );
}

const texts = textsOf(msq2020Definition);

describe("the MSQ 2020 in the six UN languages", () => {
  it("declares its five translations unofficial", () => {
    expect(msq2020Definition.translations).toEqual({
      fr: "unofficial",
      es: "unofficial",
      ru: "unofficial",
      zh: "unofficial",
      ar: "unofficial",
    });
  });

  it("has every text in all six languages", () => {
    expect(texts.length).toBeGreaterThan(100);
    const missing = texts.flatMap(([at, text]) =>
      locales.filter((l) => !isTranslated(text, l)).map((l) => `${at} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it("has no empty translation, nor one left in English but the brand names listed", () => {
    const untranslated = texts.flatMap(([at, text]) =>
      translated
        .filter((l) => {
          const t = typeof text === "string" ? "" : (text[l] ?? "");
          return t.trim() === "" || (t === english(text) && !SAME_AS_ENGLISH[t]?.includes(l));
        })
        .map((l) => `${at} (${l})`),
    );
    expect(untranslated).toEqual([]);
    // The list holds no more than it must.
    for (const [name, kept] of Object.entries(SAME_AS_ENGLISH)) {
      const text = texts.find(([, t]) => english(t) === name)?.[1] as Record<Locale, string>;
      expect(
        kept.filter((l) => text[l] !== name),
        name,
      ).toEqual([]);
    }
  });

  it("keeps each question's number and the acronyms of the English", () => {
    const problems = texts.flatMap(([at, text]) => {
      const en = english(text);
      const number = /^\d+\./.exec(en)?.[0];
      const acronyms = KEPT_ACRONYMS.filter((a) => en.includes(a));
      return translated
        .filter((l) => {
          const t = (text as Partial<Record<Locale, string>>)[l] ?? "";
          return (number && !t.startsWith(`${number} `)) || acronyms.some((a) => !t.includes(a));
        })
        .map((l) => `${at} (${l})`);
    });
    expect(problems).toEqual([]);
  });

  it("changed nothing but texts: stripped of them, it has FIELDS.md's keys and option keys", () => {
    // Stripped of its translations, the file is an English-only definition that is still valid
    // and whose keys and option keys are those of the public contract, docs/FIELDS.md (whose
    // types, English texts, conditions and limits definition.test.ts compares).
    const stripped = englishOnly(msq2020Json);
    const result = checkDefinitionJson(stripped);
    if (!result.ok) throw new Error(issuesInEnglish(result).join("\n"));
    expect(textsOf(result.definition).every(([, text]) => typeof text === "string")).toBe(true);
    expect(englishOnly(msq2020Definition)).toEqual(stripped);

    const doc = readFieldsDoc();
    const questions = result.definition.sections.flatMap((s) => s.questions);
    expect(questions.map((q) => q.key)).toEqual(doc.fields.map((f) => f.key));
    const optionKeys = (q: (typeof questions)[number]) =>
      q.type === "single" || q.type === "multi" ? q.options.map((o) => o.key) : [];
    expect(
      Object.fromEntries(
        questions.filter((q) => optionKeys(q).length).map((q) => [q.key, optionKeys(q)]),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(doc.options).map(([key, list]) => [key, list.map((o) => o.key)]),
      ),
    );
  });
});
