import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import type { Question } from "~/questionnaire/types";
import { QuestionText, TranslationNotice } from "./question-text";

// A questionnaire text without a translation is shown in English and says so, never blank.

const question = (untranslated?: Question["untranslated"]): Question => ({
  key: "a1_portal",
  type: "url",
  text: "A1. National portal",
  ...(untranslated ? { untranslated } : {}),
});

describe("QuestionText", () => {
  it("shows an English fallback marked, in English for screen readers", () => {
    const html = renderInLanguage(<QuestionText question={question({ text: true })} />, "fr");
    expect(html).toContain('<span lang="en">A1. National portal</span>');
    expect(html).toContain(copyFor("fr").language.notTranslated);
  });

  it("marks a question whose choices only are untranslated, without marking its text English", () => {
    const html = renderInLanguage(<QuestionText question={question({ options: true })} />, "ar");
    expect(html).not.toContain('lang="en"');
    expect(html).toContain(copyFor("ar").language.notTranslated);
  });

  it("shows a translated text as it is", () => {
    expect(renderInLanguage(<QuestionText question={question()} />, "fr")).toBe(
      "A1. National portal",
    );
  });
});

describe("TranslationNotice", () => {
  it("says an unofficial translation is one, and nothing for an official text", () => {
    expect(renderInLanguage(<TranslationNotice status="unofficial" />, "es")).toContain(
      copyFor("es").language.unofficial,
    );
    expect(renderInLanguage(<TranslationNotice status="official" />, "en")).toBe("");
  });
});
