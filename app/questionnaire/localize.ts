import type { Locale } from "~/i18n/locale";
import {
  OTHER_OPTION_KEY,
  otherTextKey,
  type ConditionDefinition,
  type LocalText,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "./definition-schema";
import type { Question, Questionnaire } from "./types";

// A definition file holds every language; the portal renders one. This picks the language's
// texts (English where a translation is missing) and expands each "Other" choice into its option
// and the follow-up that holds its text.

export function pickText(text: LocalText, locale: Locale): string {
  return typeof text === "string" ? text : (text[locale] ?? text.en);
}

/** Whether a text exists in a language (English always does), rather than falling back to English. */
export function isTranslated(text: LocalText, locale: Locale): boolean {
  if (locale === "en") return true;
  return typeof text !== "string" && (text[locale]?.trim() ?? "") !== "";
}

/** Which of a question's texts fall back to English in `locale`, if any. */
function untranslatedParts(q: QuestionDefinition, locale: Locale): Question["untranslated"] {
  const choices: LocalText[] =
    q.type === "single" || q.type === "multi"
      ? [...q.options.map((o) => o.text), ...(q.other ? [q.other] : [])]
      : q.type === "number" && q.unit
        ? [q.unit]
        : [];
  const parts = {
    ...(isTranslated(q.text, locale) ? {} : { text: true as const }),
    ...(q.hint && !isTranslated(q.hint, locale) ? { hint: true as const } : {}),
    ...(choices.some((text) => !isTranslated(text, locale)) ? { options: true as const } : {}),
  };
  return Object.keys(parts).length > 0 ? parts : undefined;
}

function localizeQuestion(q: QuestionDefinition, locale: Locale): Question[] {
  const t = (text: LocalText) => pickText(text, locale);
  const common = {
    key: q.key,
    text: t(q.text),
    ...(q.hint ? { hint: t(q.hint) } : {}),
    ...(q.when ? { when: q.when as ConditionDefinition } : {}),
    ...(q.required ? { required: true } : {}),
    ...(untranslatedParts(q, locale) ? { untranslated: untranslatedParts(q, locale) } : {}),
  };
  switch (q.type) {
    case "single":
    case "multi": {
      const options = q.options.map((o) => ({ key: o.key, text: t(o.text) }));
      if (!q.other) return [{ ...common, type: q.type, options }];
      const other = t(q.other);
      const when =
        q.type === "multi"
          ? { field: q.key, includes: OTHER_OPTION_KEY }
          : { field: q.key, equals: OTHER_OPTION_KEY };
      return [
        { ...common, type: q.type, options: [...options, { key: OTHER_OPTION_KEY, text: other }] },
        { key: otherTextKey(q.key), type: "text", text: other, when },
      ];
    }
    case "number": {
      const { unit, text: _text, hint: _hint, ...rest } = q;
      return [{ ...rest, ...common, ...(unit ? { unit: t(unit) } : {}) }];
    }
    default:
      return [{ ...q, ...common } as Question];
  }
}

/** English is the reference; another language is as the definition declares it, if it has texts. */
function languageStatus(
  definition: QuestionnaireDefinition,
  locale: Locale,
): "official" | "unofficial" | "untranslated" {
  if (locale === "en") return "official";
  return definition.translations?.[locale] ?? "untranslated";
}

const cache = new WeakMap<QuestionnaireDefinition, Map<Locale, Questionnaire>>();

/** The questionnaire in one language. Memoised: definitions never change once stored. */
export function localizeDefinition(
  definition: QuestionnaireDefinition,
  locale: Locale = "en",
): Questionnaire {
  const byLocale = cache.get(definition) ?? new Map<Locale, Questionnaire>();
  cache.set(definition, byLocale);
  const known = byLocale.get(locale);
  if (known) return known;
  const questionnaire: Questionnaire = {
    round: definition.round,
    version: definition.version,
    title: pickText(definition.title, locale),
    authorizationText: pickText(definition.authorizationText, locale),
    language: { locale, status: languageStatus(definition, locale) },
    sections: definition.sections.map((s) => ({
      id: s.id,
      title: pickText(s.title, locale),
      ...(s.help ? { help: pickText(s.help, locale) } : {}),
      ...(!isTranslated(s.title, locale) || (s.help && !isTranslated(s.help, locale))
        ? { untranslated: true }
        : {}),
      questions: s.questions.flatMap((q) => localizeQuestion(q, locale)),
    })),
  };
  byLocale.set(locale, questionnaire);
  return questionnaire;
}
