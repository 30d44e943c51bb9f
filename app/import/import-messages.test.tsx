import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Preview } from "~/components/imports/import-results";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import { locales, type Locale } from "~/i18n/locale";
import { messageArguments, type ArgumentKind } from "~/i18n/message-arguments";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { ItemView } from "~/routes/admin.imports/schemas";
import { FILES, parseFile } from "./documents.test-helper";
import { importMessage, refusalLines } from "./import-messages";
import { inEnglish } from "./messages.test-helper";
import { importProblemCodes, problem, refusal } from "./problems";

// The importers' problems are codes and values; these tests check that every code has its words
// in every language, and that a page in French or Arabic reads them from its own catalogue.

const catalogue = (locale: Locale) =>
  (
    JSON.parse(readFileSync(`app/i18n/catalogues/${locale}.json`, "utf8")) as {
      importProblems: Record<string, string>;
    }
  ).importProblems;

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const isolated = (text: string) => `\u2068${text}\u2069`;

describe("the words of every import problem", () => {
  const sample: Record<ArgumentKind, unknown> = {
    text: "q1_national_portal",
    number: 3,
    date: new Date(0),
    choice: "other",
  };

  it.each(locales)("%s has a message for every code, and formats it", (locale) => {
    const messages = copyFor(locale).importProblems as unknown as Record<
      string,
      string | ((values: Record<string, unknown>) => string) | undefined
    >;
    const english = catalogue("en");
    for (const code of importProblemCodes) {
      expect(catalogue(locale)[code], `${locale}: importProblems.${code}`).toBeDefined();
      const message = messages[code];
      const args = messageArguments(english[code]!);
      const values = Object.fromEntries([...args].map(([name, kind]) => [name, sample[kind]]));
      const text = typeof message === "function" ? message(values) : message;
      expect(text, `${locale}: ${code}`).toMatch(/\S/);
      expect(text, `${locale}: ${code}`).not.toMatch(/[{}]/);
    }
  });

  it("lists the codes exactly once", () => {
    expect(new Set(importProblemCodes).size).toBe(importProblemCodes.length);
    expect(importProblemCodes).toContain("overWordLimit");
  });
});

describe("import problems in the reader's language", () => {
  const fr = copyFor("fr");
  const ar = copyFor("ar");
  const notAsked = problem("answeredNotAsked", {
    state: problem("fieldIs", { field: "q4_has_cio", value: "no" }),
    condition: problem("fieldIs", { field: "q4_has_cio", value: "yes" }),
  });

  it("reads French from the French catalogue", () => {
    expect(importMessage(fr, problem("questionNotFound"))).toBe(catalogue("fr").questionNotFound);
    expect(importMessage(fr, problem("overWordLimit", { words: 1260, max: 250 }))).toBe(
      `1${NNBSP}260 mots, au-delà de la limite de 250${NNBSP}; la réponse est conservée en entier.`,
    );
    expect(importMessage(fr, notAsked)).toBe(
      `Réponse donnée alors que q4_has_cio vaut «${NBSP}no${NBSP}» (la question n’est posée que si q4_has_cio vaut «${NBSP}yes${NBSP}»)${NNBSP}; la réponse est conservée.`,
    );
    expect(importMessage(fr, problem("optionsMissing", { options: ["ai", "blockchain"] }))).toBe(
      `Options introuvables dans le document (lues comme non cochées)${NBSP}: ai, blockchain.`,
    );
  });

  it("reads Arabic from the Arabic catalogue, keys and quoted text isolated", () => {
    expect(importMessage(ar, problem("questionNotFound"))).toBe(catalogue("ar").questionNotFound);
    const words = importMessage(ar, problem("overWordLimit", { words: 260, max: 250 }));
    expect(words).toMatch(/^عدد الكلمات 260، وهو يتجاوز الحد البالغ 250/);
    const options = importMessage(ar, problem("optionsMissing", { options: ["ai", "other"] }));
    expect(options).toContain(isolated("ai، other"));
    expect(options).toMatch(/^خيارات لم يُعثر عليها في المستند/);
    expect(importMessage(ar, notAsked)).toContain(isolated("q4_has_cio"));
  });

  it("says why a file is refused in the page's language, naming the file", () => {
    const refused = refusal(
      problem("inFile", {
        name: "brief.txt",
        problem: problem("noQuestionsFound", { round: "2020" }),
      }),
    );
    expect(refusalLines(fr, refused)).toEqual([
      `brief.txt${NBSP}: Ce n’est pas une réponse au MSQ 2020${NBSP}: aucune des questions du questionnaire n’a été trouvée.`,
    ]);
    const [arabic] = refusalLines(ar, refused);
    expect(arabic).toMatch(new RegExp(`^${isolated("brief.txt")}: `));
    expect(arabic).toContain("هذا ليس ردًا على استبيان MSQ");
    expect(refusalLines(copyFor("en"), refused)).toEqual([
      "brief.txt: This is not an MSQ 2020 response: none of the questionnaire's questions were found.",
    ]);
  });

  it("shows a response's warnings on the import page in the page's language", () => {
    const parsed = parseFile(FILES.rwanda);
    const item: ItemView = {
      ok: true,
      country: "RWA",
      countryName: "Rwanda",
      responseDate: parsed.responseDate,
      authorizePublication: parsed.authorizePublication,
      answers: parsed.answers,
      warnings: parsed.warnings,
      outcome: { kind: "created" },
    };
    const page = (locale: Locale) =>
      renderInLanguage(
        <Preview name="rwanda.txt" items={[item]} questionnaire={msq2020} />,
        locale,
      );
    const french = page("fr");
    const english = page("en");
    for (const warning of parsed.warnings) {
      const escape = (text: string) =>
        text
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/"/g, "&quot;")
          .replace(/'/g, "&#x27;");
      expect(french).toContain(escape(importMessage(fr, warning)));
      expect(english).toContain(escape(inEnglish(warning)));
      expect(french).not.toContain(escape(inEnglish(warning)));
    }
  });
});
