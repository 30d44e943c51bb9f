import { describe, expect, it } from "vitest";
import { inEnglish, issuesInEnglish } from "./definition-messages.test-helper";
import { definitionProblem } from "./definition-problems";
import { parseDefinition, type QuestionnaireDefinition } from "./definition-schema";
import { expectLinear } from "./timing.test-helper";
import { definitionStructure, structureChanges } from "./definition-structure";
import { isTranslated, localizeDefinition } from "./localize";
import { msq2020Definition } from "./msq2020.test-helper";

const minimal = (): QuestionnaireDefinition => ({
  round: "2026",
  version: 1,
  title: "MSQ 2026",
  authorizationText: "I authorise publication.",
  sections: [
    {
      id: "A",
      title: "Portals",
      questions: [
        { key: "a1_portal", type: "url", text: "A1. National portal" },
        {
          key: "a2_tech",
          type: "multi",
          text: "A2. Technologies",
          options: [
            { key: "ai", text: "AI" },
            { key: "iot", text: "IoT" },
          ],
          other: "Other (please specify)",
        },
      ],
    },
  ],
});

/** A definition's problems, as an English-speaking administrator reads them. */
const errorsOf = (definition: unknown) =>
  issuesInEnglish(parseDefinition(JSON.stringify(definition)));

describe("a definition file", () => {
  it("accepts the MSQ 2020 definition that ships with the portal", () => {
    expect(errorsOf(msq2020Definition)).toEqual([]);
  });

  it("names the path and the problem of a duplicate option key", () => {
    const d = minimal();
    const tech = d.sections[0]!.questions[1]! as { options: { key: string; text: string }[] };
    tech.options.push({ key: "ai", text: "Artificial intelligence" });
    expect(parseDefinition(JSON.stringify(d))).toEqual({
      ok: false,
      issues: [
        {
          path: "sections[0].questions[1].options",
          ...definitionProblem("duplicateKey", { key: "ai" }),
        },
      ],
    });
    expect(errorsOf(d)).toEqual(['sections[0].questions[1].options: duplicate key "ai"']);
  });

  it("refuses duplicate keys across sections, reserved keys and the Other field's key", () => {
    const d = minimal();
    d.sections.push({
      id: "B",
      title: "More",
      questions: [
        { key: "a1_portal", type: "text", text: "again" },
        { key: "country", type: "text", text: "reserved" },
        { key: "a2_tech_other", type: "text", text: "clashes with the Other text" },
      ],
    });
    expect(errorsOf(d)).toEqual([
      'sections[1].questions[0].key: duplicate key "a1_portal"',
      'sections[1].questions[1].key: "country" is reserved for the response\'s header',
      'sections[1].questions[2].key: duplicate key "a2_tech_other"',
    ]);
  });

  it("says which type is unknown and lists the types", () => {
    const d = minimal() as unknown as { sections: { questions: object[] }[] };
    d.sections[0]!.questions.push({ key: "a3", type: "slider", text: "?" });
    const [error] = errorsOf(d);
    expect(error).toMatch(
      /^sections\[0\]\.questions\[2\]\.type: "type" must be one of text, lines/,
    );
  });

  it("checks that conditions point back to a question and to one of its answers", () => {
    const d = minimal();
    const questions = d.sections[0]!
      .questions as QuestionnaireDefinition["sections"][0]["questions"][number][];
    questions.push(
      { key: "a3", type: "text", text: "?", when: { field: "a9_later", equals: "yes" } },
      { key: "a4", type: "text", text: "?", when: { field: "a2_tech", includes: "blockchain" } },
      { key: "a5", type: "text", text: "?", when: { field: "a2_tech", equals: "ai" } },
      {
        key: "a6",
        type: "text",
        text: "?",
        when: {
          any: [
            { field: "a2_tech", includes: "ai" },
            { field: "a1_portal", includes: "x" },
          ],
        },
      },
    );
    expect(errorsOf(d)).toEqual([
      'sections[0].questions[2].when: "a9_later" is not a question before this one',
      'sections[0].questions[3].when: "blockchain" is not an option of "a2_tech" (ai, iot, other)',
      'sections[0].questions[4].when: "a2_tech" is a multiple choice: use "includes"',
      'sections[0].questions[5].when.any[1]: "a1_portal" is not a multiple choice: use "equals"',
    ]);
  });

  it("refuses unknown properties, ranges upside down and a file that is not JSON", () => {
    const unknown = minimal() as unknown as { sections: { questions: object[] }[] };
    unknown.sections[0]!.questions.push({ key: "a4", type: "text", text: "?", maxWords: 3 });
    expect(errorsOf(unknown)).toEqual(['sections[0].questions[2]: Unrecognized key: "maxWords"']);
    const range = minimal() as unknown as { sections: { questions: object[] }[] };
    range.sections[0]!.questions.push({ key: "a3", type: "number", text: "?", min: 10, max: 1 });
    expect(errorsOf(range)).toEqual(["sections[0].questions[2].min: min (10) is above max (1)"]);
    expect(parseDefinition("{ not json")).toMatchObject({ ok: false });
  });

  it("takes a word limit, or limits by the script an answer is written in", () => {
    const withLimit = (maxWords: unknown) => {
      const d = minimal() as unknown as { sections: { questions: object[] }[] };
      d.sections[0]!.questions.push({ key: "a3", type: "longtext", text: "?", maxWords });
      return d;
    };
    expect(errorsOf(withLimit(250))).toEqual([]);
    expect(errorsOf(withLimit({ default: 250, zh: 500, ar: 300, ru: 280 }))).toEqual([]);
    const parsed = parseDefinition(JSON.stringify(withLimit({ default: 250, zh: 500 })));
    const question = parsed.ok && localizeDefinition(parsed.definition).sections[0]!.questions[3];
    expect(question).toMatchObject({ type: "longtext", maxWords: { default: 250, zh: 500 } });
    expect(errorsOf(withLimit({ default: 250, zh: 0 }))).toEqual([
      "sections[0].questions[2].maxWords.zh: Too small: expected number to be >=1",
    ]);
    expect(errorsOf(withLimit({ zh: 500 }))).toEqual([
      'sections[0].questions[2].maxWords: must be a whole number of words (1–5,000), or limits by script: { "default": 250, "zh": 500 } ("default" required, then any of "zh", "ar", "ru")',
    ]);
    // English, French and Spanish answers cannot be told apart by their script.
    expect(errorsOf(withLimit({ default: 250, fr: 300 }))).toEqual([
      'sections[0].questions[2].maxWords: answers in English, French and Spanish share the Latin script, which cannot tell them apart: their limit is "default"',
    ]);
  });

  it("reads texts in several languages, English where a translation is missing", () => {
    const d = minimal();
    d.sections[0]!.title = { en: "Portals", fr: "Portails" };
    expect(localizeDefinition(d, "fr").sections[0]!.title).toBe("Portails");
    expect(localizeDefinition(d, "ru").sections[0]!.title).toBe("Portals");
  });

  it("marks what falls back to English, and the language's status", () => {
    const d = { ...minimal(), translations: { fr: "unofficial" as const } };
    d.sections[0]!.title = { en: "Portals", fr: "Portails" };
    d.sections[0]!.questions[0]!.text = { en: "A1. National portal", fr: "A1. Portail national" };
    const french = localizeDefinition(d, "fr");
    expect(french.language).toEqual({ locale: "fr", status: "unofficial" });
    expect(french.sections[0]!.untranslated).toBeUndefined();
    expect(french.sections[0]!.questions[0]!.untranslated).toBeUndefined();
    // The technologies question: its text and its options are still English.
    expect(french.sections[0]!.questions[1]).toMatchObject({
      text: "A2. Technologies",
      untranslated: { text: true, options: true },
    });
    const russian = localizeDefinition(d, "ru");
    expect(russian.language).toEqual({ locale: "ru", status: "untranslated" });
    expect(russian.sections[0]!.untranslated).toBe(true);
    expect(localizeDefinition(d, "en").sections[0]!.questions[1]!.untranslated).toBeUndefined();
  });

  it("tells whether a text is translated into a language, English always", () => {
    const text = { en: "Portals", fr: "Portails" };
    expect(isTranslated(text, "en")).toBe(true);
    expect(isTranslated(text, "fr")).toBe(true);
    expect(isTranslated(text, "ru")).toBe(false);
    expect(isTranslated("Portals", "en")).toBe(true);
    expect(isTranslated("Portals", "ar")).toBe(false);
  });

  it("says how far each language can be relied on, and refuses any other status or language", () => {
    const d = { ...minimal(), translations: { fr: "official", ar: "unofficial" } };
    expect(errorsOf(d)).toEqual([]);
    expect(errorsOf({ ...minimal(), translations: { fr: "draft" } })).toEqual([
      'translations.fr: Invalid option: expected one of "official"|"unofficial"',
    ]);
    expect(errorsOf({ ...minimal(), translations: { en: "official", de: "unofficial" } })).toEqual([
      'translations: Unrecognized keys: "en", "de"',
    ]);
  });

  it('expands "Other" into an option and its follow-up text field', () => {
    const [, tech, other] = localizeDefinition(minimal()).sections[0]!.questions;
    expect(tech).toMatchObject({ options: [{ key: "ai" }, { key: "iot" }, { key: "other" }] });
    expect(other).toEqual({
      key: "a2_tech_other",
      type: "text",
      text: "Other (please specify)",
      when: { field: "a2_tech", includes: "other" },
    });
  });

  it("reads a file at its size cap in time linear in its size, and refuses one above", async () => {
    const sized = (size: number) => {
      const d = minimal();
      d.title = "x".repeat(size);
      const text = JSON.stringify(d);
      return () => parseDefinition(text);
    };
    expect(sized(900_000)()).toMatchObject({ ok: true });
    await expectLinear(sized, 900_000, 200);
    // Many small questions rather than one large text: the cross-checks are linear too.
    const many = (size: number) => {
      const d = minimal();
      d.sections[0]!.questions = Array.from({ length: size }, (_, i) => ({
        key: `k${i}`,
        type: "yesno" as const,
        text: "?",
        ...(i > 0 ? { when: { field: `k${i - 1}`, equals: "yes" } } : {}),
      }));
      const text = JSON.stringify(d);
      return () => parseDefinition(text);
    };
    expect(many(8_000)()).toMatchObject({ ok: true });
    await expectLinear(many, 8_000, 300);
    const tooLarge = parseDefinition(" ".repeat(1_000_001));
    expect(tooLarge).toEqual({
      ok: false,
      issues: [{ path: "", ...definitionProblem("fileTooLarge", { limit: 1 }) }],
    });
    expect(issuesInEnglish(tooLarge)).toEqual(["the file is over 1 MB"]);
  });
});

describe("a definition's structure (what an open round freezes)", () => {
  it("is the same when only wording changes", () => {
    const reworded = minimal();
    reworded.version = 2;
    reworded.sections[0]!.questions[0]!.text = "A1. The national portal's address";
    expect(definitionStructure(reworded)).toBe(definitionStructure(minimal()));
    expect(structureChanges(minimal(), reworded)).toEqual([]);
  });

  it("is the same when a language is translated, or its translation becomes official", () => {
    const translated = minimal();
    translated.version = 2;
    translated.sections[0]!.title = { en: "Portals", fr: "Portails" };
    translated.translations = { fr: "unofficial" };
    const official = { ...translated, version: 3, translations: { fr: "official" as const } };
    expect(definitionStructure(translated)).toBe(definitionStructure(minimal()));
    expect(structureChanges(translated, official)).toEqual([]);
    expect(definitionStructure(official)).toBe(definitionStructure(minimal()));
  });

  it("differs, and says how, when a key, type or option changes", () => {
    const changed = minimal();
    const tech = changed.sections[0]!.questions[1]! as { options: { key: string; text: string }[] };
    tech.options.pop();
    changed.sections[0]!.questions[0] = { key: "a1_site", type: "url", text: "A1" };
    expect(structureChanges(minimal(), changed)).toEqual([
      definitionProblem("questionRemoved", { key: "a1_portal" }),
      definitionProblem("questionAdded", { key: "a1_site" }),
      definitionProblem("questionChanged", { key: "a2_tech" }),
    ]);
    expect(structureChanges(minimal(), changed).map(inEnglish)).toEqual([
      '"a1_portal" was removed',
      '"a1_site" was added',
      '"a2_tech" changed type, options, condition or limits',
    ]);
  });
});
