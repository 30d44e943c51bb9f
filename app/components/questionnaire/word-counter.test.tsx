import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import { locales, type Locale } from "~/i18n/locale";
import { validationMessages, type ValidationMessages } from "~/i18n/validation-messages";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import type { LimitScript, Questionnaire, WordLimits } from "~/questionnaire/types";
import { answerIssues, submitAnswersSchema } from "~/questionnaire/validation";
import { QuestionField } from "./question-field";

// The live counter beside a long answer, as the page renders it, against the server's
// validation of the same text: the count it shows and the limit it counts against are the
// server's, in every language the page may be shown in, whatever language the answer is in.

const KEY = "q14_social_media";

/**
 * Answers as focal points write them, with hyphenated words, ranges, SDG indicator 16.6.2,
 * numbers with separators, URLs and e-mail addresses. `words` is counted by hand by the rule of
 * decision 016; `script` is the limit the answer takes when the definition gives limits by script.
 */
const samples: {
  language: string;
  text: string;
  words: number;
  script: LimitScript | "default";
}[] = [
  {
    language: "Arabic",
    text:
      "تعمل وزارة الاتصالات وتكنولوجيا المعلومات على تنفيذ استراتيجية الحكومة الرقمية 2021-2025، " +
      "وقد بلغ المؤشر 16.6.2 من أهداف التنمية المستدامة 81٪ في عام 2023. وتتوفر أكثر من 1,200 " +
      "خدمة إلكترونية عبر البوابة الوطنية https://www.egov.example.ae/ar/services، ويمكن التواصل " +
      "عبر البريد support@egov.example.ae أو تطبيق «حكومتي» - المتاح على نظامي iOS وAndroid.",
    // Every run between spaces but the lone "-".
    words: 46,
    script: "ar",
  },
  {
    language: "Chinese",
    text:
      "我国深入推进“互联网+政务服务”，国家政务服务平台（https://gjzwfw.www.gov.cn）已接入31个省级平台和" +
      "46个国务院部门，在线办理率超过90%。2023年，可持续发展目标指标16.6.2的公众满意度达到86.5%；" +
      "5G网络和e-government应用覆盖全部地级市。咨询邮箱：service@gov.cn。",
    // 77 Han characters, 10 full-width marks (，（）。；：) and 10 runs of Latin letters or
    // digits (the URL, 31, 46, 90%, 2023, 16.6.2, 86.5%, 5G, e-government, the address);
    // “ ” and + are half-width punctuation, no word.
    words: 97,
    script: "zh",
  },
  {
    language: "Russian",
    text:
      "Министерство цифрового развития реализует программу «Цифровая экономика» на 2019–2024 " +
      "годы. Показатель ЦУР 16.6.2 (удовлетворённость государственными услугами) в 2023 г. " +
      "составил 78,4%. Более 1 200 онлайн-услуг доступны на портале " +
      "https://www.gosuslugi.example.ru/services, а вопросы принимаются по адресу " +
      "support@digital.example.ru — в т.ч. о кибербезопасности и ИТ-инфраструктуре.",
    // Every run between spaces but the lone "—"; "1 200" is two.
    words: 41,
    script: "ru",
  },
  {
    language: "French",
    text:
      "Le ministère de la Transformation et de la Fonction publiques pilote la stratégie " +
      "numérique 2023-2027, fondée sur une approche pangouvernementale et multi-acteurs. " +
      "L’indicateur 16.6.2 des objectifs de développement durable atteint 74,5\u00a0% ; plus de " +
      "1\u00a0500 démarches sont en ligne sur https://www.service-public.example.fr/particuliers. " +
      "Pour toute question\u00a0: contact@numerique.example.gouv.fr – réponse sous 48\u00a0h.",
    // Every run between spaces, no-break spaces included, but the lone %, ;, : and –.
    words: 49,
    script: "default",
  },
];

const questionnaires = new Map(
  locales.map((locale) => [locale, localizeDefinition(msq2020Definition, locale)]),
);

/** The questionnaire in `locale` with the question's limit replaced. */
function withLimit(locale: Locale, maxWords: WordLimits): Questionnaire {
  const questionnaire = questionnaires.get(locale)!;
  return {
    ...questionnaire,
    sections: questionnaire.sections.map((section) => ({
      ...section,
      questions: section.questions.map((q) =>
        q.key === KEY && q.type === "longtext" ? { ...q, maxWords } : q,
      ),
    })),
  };
}

/** Limits by script: `fits` for the answer's script, `other` for every other. */
function limits(script: LimitScript | "default", fits: number, other: number): WordLimits {
  const all = { default: other, zh: other, ar: other, ru: other };
  return { ...all, [script]: fits };
}

const questionOf = (questionnaire: Questionnaire) =>
  questionnaire.sections.flatMap((s) => s.questions).find((q) => q.key === KEY)!;

const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The field as the section page renders it, in `locale`: its counter and its markup. */
function renderField(questionnaire: Questionnaire, locale: Locale, text: string) {
  const html = renderInLanguage(
    <QuestionField question={questionOf(questionnaire)} value={text} />,
    locale,
  );
  const counter = new RegExp(
    `<p id="q-${KEY}-count" class="word-count" data-over="(true|false)" aria-live="polite">(.*?)</p>`,
  ).exec(html);
  expect(counter, html).not.toBeNull();
  return { html: unescape(html), over: counter![1] === "true", shown: unescape(counter![2]!) };
}

type Decision =
  | { accepted: true }
  | { accepted: false; count: number; max: number; more: boolean; message: string };

/**
 * The server's decision on the answer: submit validation in `locale`, and the count and limit
 * the validation rule reported (its messages recorded, as arguments, on a second pass).
 */
function serverDecision(questionnaire: Questionnaire, locale: Locale, text: string): Decision {
  const m = validationMessages(copyFor(locale));
  const result = submitAnswersSchema(questionnaire, m).safeParse({ [KEY]: text });
  if (result.success) return { accepted: true };
  const message = result.error.issues.find((issue) => issue.path[0] === KEY)!.message;
  let reported: { count: number; max: number; more: boolean } | undefined;
  const recording: ValidationMessages = {
    ...m,
    overWordLimit: (count, max) => {
      reported = { count, max, more: false };
      return m.overWordLimit(count, max);
    },
    farOverWordLimit: (count, max) => {
      reported = { count, max, more: true };
      return m.farOverWordLimit(count, max);
    },
  };
  const issue = answerIssues(questionnaire, { [KEY]: text }, recording).find(
    (i) => i.field === KEY,
  );
  expect(issue?.message).toBe(message);
  return { accepted: false, ...reported!, message };
}

const numbersIn = (text: string) => [...text.matchAll(/\d+/g)].map(([n]) => Number(n));

describe("the word counter shows the server's count and limit", () => {
  for (const { language, text, words, script } of samples) {
    describe(`a ${language} answer`, () => {
      for (const locale of locales) {
        it(`on a page in ${locale}`, () => {
          const copy = copyFor(locale).questionnaire;

          // At the limit of its own script, every other limit one short: accepted by both.
          const atLimit = withLimit(locale, limits(script, words, words - 1));
          expect(serverDecision(atLimit, locale, text)).toEqual({ accepted: true });
          const fits = renderField(atLimit, locale, text);
          expect(fits.over).toBe(false);
          expect(fits.shown).toBe(copy.words({ count: words, max: words }));
          expect(numbersIn(fits.shown)).toEqual(expect.arrayContaining([words]));

          // One over its own script's limit, every other limit met: refused by both, the same
          // count against the same limit.
          const oneOver = withLimit(locale, limits(script, words - 1, words));
          const refused = serverDecision(oneOver, locale, text);
          expect(refused).toMatchObject({ accepted: false, count: words, max: words - 1 });
          const over = renderField(oneOver, locale, text);
          expect(over.over).toBe(true);
          expect(over.shown).toBe(copy.overBy({ count: words, max: words - 1, excess: 1 }));
          expect(numbersIn(over.shown)).toEqual(expect.arrayContaining([words, words - 1]));

          // Far over (counted to ten times the limit, then "more than"): the same bound.
          const farOver = withLimit(locale, limits(script, 3, 250));
          expect(serverDecision(farOver, locale, text)).toMatchObject({
            accepted: false,
            count: 30,
            max: 3,
            more: true,
          });
          const far = renderField(farOver, locale, text);
          expect(far.over).toBe(true);
          expect(far.shown).toBe(copy.moreThan({ counted: 30, max: 3 }));

          // A single limit is the limit whatever the script.
          const single = withLimit(locale, words - 1);
          expect(serverDecision(single, locale, text)).toMatchObject({ count: words });
          expect(renderField(single, locale, text).shown).toBe(
            copy.overBy({ count: words, max: words - 1, excess: 1 }),
          );

          // The rule is said beside the counter, in the page's language.
          expect(fits.html).toContain(copy.wordRule);
        });
      }
    });
  }
});
