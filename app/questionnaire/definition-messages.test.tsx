import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DefinitionProblems } from "~/components/rounds/definition-problems";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import { locales, type Locale } from "~/i18n/locale";
import { messageArguments, type ArgumentKind } from "~/i18n/message-arguments";
import { definitionMessage } from "./definition-messages";
import { inEnglish } from "./definition-messages.test-helper";
import { definitionProblem, definitionProblemCodes } from "./definition-problems";
import { parseDefinition, type QuestionnaireDefinition } from "./definition-schema";
import { structureChanges } from "./definition-structure";

// A definition file's problems are codes and values; these tests check that every code has its
// words in every language, and that a French or an Arabic administrator reads them, and zod's own
// messages, in their language.

const catalogue = (locale: Locale) =>
  (
    JSON.parse(readFileSync(`app/i18n/catalogues/${locale}.json`, "utf8")) as {
      definitionProblems: Record<string, string>;
    }
  ).definitionProblems;

const NBSP = "\u00a0";
const isolated = (text: string) => `\u2068${text}\u2069`;

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
            { key: "ai", text: "Artificial intelligence" },
          ],
        },
      ],
    },
  ],
});
/** A file with a problem only our checks see (a duplicate option key). */
const duplicateOption = JSON.stringify(minimal());
/**
 * A file with a problem zod sees by itself (a version that is text), one of zod's checks with
 * our message (an empty title), and the duplicate option key (checked even so).
 */
const builtIn = JSON.stringify({ ...minimal(), version: "1", title: " " });

const linesOf = (text: string, locale: Locale) => {
  const result = parseDefinition(text, locale);
  return result.ok ? [] : result.issues.map((issue) => definitionMessage(copyFor(locale), issue));
};

describe("the words of every definition problem", () => {
  const sample: Record<ArgumentKind, unknown> = {
    text: "q1_national_portal",
    number: 3,
    date: new Date(0),
    choice: "OPEN",
  };

  it.each(locales)("%s has a message for every code, and formats it", (locale) => {
    const messages = copyFor(locale).definitionProblems as unknown as Record<
      string,
      string | ((values: Record<string, unknown>) => string) | undefined
    >;
    const english = catalogue("en");
    expect(Object.keys(catalogue(locale)).sort()).toEqual(
      [...definitionProblemCodes, "listSeparator", "atPath"].sort(),
    );
    for (const code of definitionProblemCodes) {
      expect(catalogue(locale)[code], `${locale}: definitionProblems.${code}`).toBeDefined();
      const message = messages[code];
      const args = messageArguments(english[code]!);
      const values = Object.fromEntries([...args].map(([name, kind]) => [name, sample[kind]]));
      const text = typeof message === "function" ? message(values) : message;
      expect(text, `${locale}: ${code}`).toMatch(/\S/);
      expect(text, `${locale}: ${code}`).not.toMatch(/[{}]/);
    }
  });

  it("lists the codes exactly once", () => {
    expect(new Set(definitionProblemCodes).size).toBe(definitionProblemCodes.length);
    expect(definitionProblemCodes).toContain("duplicateKey");
  });

  it("says in English what docs/rounds.md quotes", () => {
    const quoted = inEnglish({
      path: "sections[3].questions[2].options",
      ...definitionProblem("duplicateKey", { key: "ai" }),
    });
    expect(readFileSync("docs/rounds.md", "utf8")).toContain(`\`${quoted}\``);
  });
});

describe("a definition file's problems in the administrator's language", () => {
  it("reads French: our checks from the French catalogue, zod's from its French bundle", () => {
    expect(linesOf(duplicateOption, "fr")).toEqual([
      `sections[0].questions[1].options${NBSP}: clé «${NBSP}ai${NBSP}» en double`,
    ]);
    const [version, title, duplicate, ...rest] = linesOf(builtIn, "fr");
    expect(rest).toEqual([]);
    expect(duplicate).toBe(linesOf(duplicateOption, "fr")[0]);
    expect(version).toMatch(new RegExp(`^version${NBSP}: Entrée invalide : number attendu`));
    expect(title).toBe(`title${NBSP}: ne doit pas être vide`);
  });

  it("reads Arabic, paths, keys and zod's message isolated", () => {
    expect(linesOf(duplicateOption, "ar")).toEqual([
      `${isolated("sections[0].questions[1].options")}: ${isolated(`المفتاح «${isolated("ai")}» مكرر`)}`,
    ]);
    const [version, title] = linesOf(builtIn, "ar");
    expect(version).toMatch(/^\u2068version\u2069: \u2068\u2068مدخلات غير مقبولة/);
    expect(title).toBe(`${isolated("title")}: ${isolated("يجب ألا يكون فارغًا")}`);
  });

  it("reads each file in its own language: zod's configuration is never changed", () => {
    const english = linesOf(builtIn, "en");
    expect(english[0]).toBe("version: Invalid input: expected number, received string");
    linesOf(builtIn, "fr");
    linesOf(builtIn, "ar");
    expect(linesOf(builtIn, "en")).toEqual(english);
    expect(parseDefinition(builtIn)).toEqual(parseDefinition(builtIn, "en"));
  });

  it("says why a round refuses a file, and what it changes, in French and Arabic", () => {
    const frozen = definitionProblem("structureFrozen", { round: "2026", status: "OPEN" });
    const changed = minimal();
    changed.sections[0]!.questions[0] = { key: "a1_site", type: "url", text: "A1" };
    const [removed] = structureChanges(minimal(), changed);
    const fr = copyFor("fr");
    expect(definitionMessage(fr, frozen)).toMatch(/^Le cycle 2026 est ouvert\u00a0: seule /);
    expect(definitionMessage(fr, removed!)).toBe(
      `la question «${NBSP}a1_portal${NBSP}» a été supprimée`,
    );
    const ar = copyFor("ar");
    expect(definitionMessage(ar, frozen)).toMatch(
      new RegExp(`^الجولة ${isolated("2026")} مفتوحة: `),
    );
    expect(definitionMessage(ar, removed!)).toBe(`حُذف السؤال «${isolated("a1_portal")}»`);
    expect(
      definitionMessage(ar, definitionProblem("notADraft", { round: "2026", status: "CLOSED" })),
    ).toBe(`الجولة ${isolated("2026")} مغلقة بالفعل.`);
  });

  it("lists a file's problems on the Rounds page in the page's language", () => {
    const result = parseDefinition(duplicateOption, "fr");
    expect(result.ok).toBe(false);
    const list = result.ok ? [] : result.issues;
    const french = renderInLanguage(
      <DefinitionProblems problems={{ refused: false, list }} />,
      "fr",
    );
    expect(french).toContain(copyFor("fr").roundAdmin.invalid({ count: 1 }));
    expect(french).toContain(`clé «${NBSP}ai${NBSP}» en double`);
    const refused = renderInLanguage(
      <DefinitionProblems
        problems={{
          refused: true,
          list: [definitionProblem("versionBelow", { round: "2026", latest: 3 })],
        }}
      />,
      "es",
    );
    expect(refused).toContain(copyFor("es").roundAdmin.refused);
    expect(refused).toContain("La ronda 2026 está en la versión 3");
  });
});
