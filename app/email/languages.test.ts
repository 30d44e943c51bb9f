// Every e-mail in every language: the subject and the body are the language's words from its
// catalogue, with no English sentence left, the dates in the language, and the Arabic e-mail
// right to left. Only Date is faked (for "expires in 7 days"): the rendering's own timers run.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import en from "~/i18n/catalogues/en.json";
import { copyFor } from "~/i18n/catalogues.server";
import { languageTag, locales, type Locale } from "~/i18n/locale";
import { byLanguage } from "./recipients";
import { formatDate, formatDateTime, timeUntil } from "./templates/format";
import { invitationEmail } from "./templates/invitation";
import { passwordChangedEmail } from "./templates/password-changed";
import { passwordResetEmail } from "./templates/password-reset";
import { reminderEmail } from "./templates/reminder";
import { type RenderedEmail } from "./templates/render";
import { returnedForRevisionEmail } from "./templates/returned-for-revision";
import { submissionConfirmationEmail } from "./templates/submission-confirmation";
import { submissionReceivedEmail } from "./templates/submission-received";

const now = new Date("2026-11-22T12:00:00Z");
// Every date of the fixtures is in November, so each e-mail names the month in its language.
const november = {
  en: "November",
  fr: "novembre",
  es: "noviembre",
  ru: "ноября",
  zh: "11月",
  ar: "نوفمبر",
} satisfies Record<Locale, string>;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});
afterAll(() => {
  vi.useRealTimers();
});

const names = { countryName: "Kenya", roundName: "MSQ 2026" };
const link = "https://msq.example.org/countries/KEN";

/** Each template, rendered in `locale`, with what its catalogue says its subject and title are. */
const templates: Record<
  string,
  (locale: Locale) => Promise<{ email: RenderedEmail; subject: string; title: string }>
> = {
  invitation: async (locale) => {
    const t = copyFor(locale).email.invitation;
    const email = await invitationEmail({
      locale,
      inviteeEmail: "focal@example.org",
      roleLabel: copyFor(locale).roles.FOCAL_POINT,
      countryNames: ["Kenya"],
      inviterName: "Ada Admin",
      link,
      expiresAt: new Date("2026-11-29T12:00:00Z"),
      round: { name: "MSQ 2026", deadline: new Date("2026-11-30T00:00:00Z") },
    });
    return { email, subject: t.subject, title: t.subject };
  },
  "password reset": async (locale) => {
    const t = copyFor(locale).email.passwordReset;
    const email = await passwordResetEmail({
      locale,
      link,
      expiresAt: new Date("2026-11-22T13:00:00Z"),
    });
    return { email, subject: t.subject, title: t.title };
  },
  "password changed": async (locale) => {
    const t = copyFor(locale).email.passwordChanged;
    const email = await passwordChangedEmail({
      locale,
      email: "focal@example.org",
      changedAt: now,
      firstPassword: false,
      forgotLink: link,
    });
    return { email, subject: t.subject, title: t.subject };
  },
  reminder: async (locale) => {
    const copy = copyFor(locale);
    const email = await reminderEmail({
      locale,
      ...names,
      status: copy.statuses.DRAFT,
      deadline: new Date("2026-11-30T00:00:00Z"),
      link,
      message: "Kenya 2026",
    });
    const subject = copy.email.reminder.subject({ country: "Kenya", round: "MSQ 2026" });
    return { email, subject, title: copy.email.reminder.title };
  },
  "returned for revision": async (locale) => {
    const t = copyFor(locale).email.returnedForRevision;
    const email = await returnedForRevisionEmail({
      locale,
      ...names,
      reviewerName: "Ana Reviewer",
      message: "Kenya 2026",
      link,
      deadline: new Date("2026-11-30T00:00:00Z"),
      comments: [{ question: "Q14", body: "Q14?", link: `${link}/sections/VI#q-q14` }],
    });
    const subject = t.subject({ country: "Kenya", round: "MSQ 2026" });
    return { email, subject, title: t.title };
  },
  "submission confirmation": async (locale) => {
    const t = copyFor(locale).email.submissionConfirmation;
    const email = await submissionConfirmationEmail({
      locale,
      ...names,
      submittedByName: "Jane Focal",
      submittedAt: now,
      authorizePublication: true,
      sections: [{ title: "I. Q", answers: [{ question: "Q1", answer: "" }] }],
      link,
    });
    const subject = t.subject({ country: "Kenya", round: "MSQ 2026" });
    return { email, subject, title: t.title };
  },
  "submission received": async (locale) => {
    const t = copyFor(locale).email.submissionReceived;
    const email = await submissionReceivedEmail({ locale, ...names, submittedAt: now, link });
    const subject = t.subject({ country: "Kenya", round: "MSQ 2026" });
    return { email, subject, title: t.title };
  },
};

/** The words of English messages: their literal parts, plural branches included. */
function literalsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literalsOf(option.value));
    return [];
  });
}
const englishSentences = [
  ...Object.values(en.email).flatMap(function strings(node: unknown): string[] {
    return typeof node === "string" ? [node] : Object.values(node as object).flatMap(strings);
  }),
  en.portalTagline,
  en.footer.owner,
  en.footer.division,
]
  .flatMap((message) => literalsOf(parse(message)))
  .map((literal) => literal.trim())
  // Long enough to be words of a sentence, not punctuation or the portal's name.
  .filter((literal) => literal.length >= 12);

describe.each(Object.keys(templates))("the %s e-mail", (template) => {
  it.each([...locales])("in %s: the language's words, dates, lang and dir", async (locale) => {
    const { email, subject, title } = await templates[template]!(locale);

    expect(email.subject).toBe(subject);
    expect(email.text).toContain(title);
    expect(email.text).toContain(copyFor(locale).email.layout.why);
    expect(email.html).toContain(copyFor(locale).email.buttonHint);
    expect(email.text).toContain(november[locale]);
    const direction = locale === "ar" ? "rtl" : "ltr";
    expect(email.html).toMatch(new RegExp(`<html[^>]* dir="${direction}"`));
    expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${languageTag(locale)}"`));
    expect(email.html).not.toContain("\0");
    expect(email.text).not.toContain("\0");

    if (locale === "en") return;
    expect(subject).not.toBe((await templates[template]!("en")).subject);
    expect(email.text).not.toContain(november.en);
    for (const sentence of englishSentences) {
      expect(email.subject).not.toContain(sentence);
      expect(email.text).not.toContain(sentence);
      expect(email.html).not.toContain(sentence);
    }
  });
});

describe("the Russian and the Arabic e-mails", () => {
  it("invite in Russian: the subject, the sentences, the plural of days and the date", async () => {
    const { email } = await templates.invitation!("ru");
    expect(email.subject).toBe("Приглашение на портал MSQ");
    expect(email.text).toContain("Срок действия ссылки истекает через 7 дней (29 ноября 2026 г.)");
    expect(email.text).toContain("Страна: Kenya");
    expect(email.text).toContain("Срок: 30 ноября 2026 г.");
    expect(email.text).not.toContain("You are invited");
  });

  it("read right to left in Arabic, with Western digits", async () => {
    const { email } = await templates["password reset"]!("ar");
    expect(email.html).toMatch(/<html[^>]* dir="rtl"/);
    expect(email.html).toMatch(/<html[^>]* lang="ar"/);
    // Values inside Arabic sentences are isolated (FSI … PDI): read without the marks.
    const text = email.text.replace(/[\u2068\u2069]/g, "");
    expect(text).toContain("بعد ساعة واحدة");
    expect(text).toContain("22 نوفمبر 2026");
  });
});

describe("dates, times and durations in e-mails", () => {
  const at = new Date("2026-11-22T21:05:00Z");

  it("write the date in the language, in UTC", () => {
    expect(formatDate(at, "en")).toBe("22 November 2026");
    expect(formatDate(at, "fr")).toBe("22 novembre 2026");
    expect(formatDate(at, "es")).toBe("22 de noviembre de 2026");
    expect(formatDate(at, "ru")).toBe("22 ноября 2026 г.");
    expect(formatDate(at, "zh")).toBe("2026年11月22日");
    expect(formatDate(at, "ar")).toBe("22 نوفمبر 2026");
    // Late in the day in UTC is still that day, wherever the server runs.
    expect(formatDate(new Date("2026-11-22T23:30:00Z"), "ru")).toBe("22 ноября 2026 г.");
  });

  it.each([...locales])("give the time in %s on a 24-hour clock, saying UTC", (locale) => {
    const text = formatDateTime(at, locale);
    expect(text).toContain("21:05");
    expect(text).toContain("UTC");
    expect(text).toContain(november[locale]);
  });

  it("say how long until a date with the language's plurals", () => {
    const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
    const ru = copyFor("ru");
    expect([1, 2, 5, 21].map((n) => timeUntil(hours(n), ru, now))).toEqual([
      "1 час",
      "2 часа",
      "5 часов",
      "21 час",
    ]);
    expect([1, 3, 7].map((n) => timeUntil(hours(24 * n), ru, now))).toEqual([
      "1 день",
      "3 дня",
      "7 дней",
    ]);
    const ar = copyFor("ar");
    expect([1, 2, 3].map((n) => timeUntil(hours(n), ar, now))).toEqual([
      "ساعة واحدة",
      "ساعتين",
      "3 ساعات",
    ]);
    expect(timeUntil(hours(24 * 7), copyFor("fr"), now)).toBe("7 jours");
    expect(timeUntil(hours(24 * 7), copyFor("zh"), now)).toBe("7 天");
    expect(timeUntil(hours(1), copyFor("es"), now)).toBe("1 hora");
  });
});

describe("recipients by language", () => {
  it("groups the addresses by saved language; none saved, or an unknown one, is English", () => {
    const groups = byLanguage([
      { email: "a@example.org", locale: "ru" },
      { email: "b@example.org", locale: null },
      { email: "c@example.org", locale: "ru" },
      { email: "d@example.org", locale: "xx" },
      { email: "e@example.org", locale: "ar" },
    ]);
    expect(Object.fromEntries(groups)).toEqual({
      ru: ["a@example.org", "c@example.org"],
      en: ["b@example.org", "d@example.org"],
      ar: ["e@example.org"],
    });
  });
});
