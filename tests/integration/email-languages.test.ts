import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { formatDate } from "~/email/templates/format";
import { configureMailTransport } from "~/email/send.server";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { sendReminders } from "~/models/reminders.server";
import { addComment, decide } from "~/models/review.server";
import { composeSubmissionEmails } from "~/models/submission-emails.server";
import { deliverNow } from "~/email/outbox-sender.server";
import { enqueueAll } from "~/email/outbox.server";
import { inviteUser } from "~/models/user.server";
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from "../support/smtp";

// E-mails in their recipient's language, against the real database and a real SMTP server: a
// focal point invited in Russian, and the events that mail several people (a submission, a
// return for revision, a reminder), where each person gets their own language. Countries no
// other test uses: Saint Lucia, Saint Vincent and the Grenadines.

let smtp: TestSmtpServer;
let adminId: string;
const round = { id: "2020", name: "", questionnaireVersion: 1, deadline: null as Date | null };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  configureMailTransport({ smtpUrl: `${smtp.url}?pool=false&tls=none` });
  const admin = await prisma.user.create({
    data: { email: `lang.admin.${tag()}@test.example.org`, name: "Ada Admin", role: "ADMIN" },
    select: { id: true },
  });
  adminId = admin.id;
  Object.assign(
    round,
    await prisma.round.findUniqueOrThrow({
      where: { id: "2020" },
      select: { name: true, questionnaireVersion: true, deadline: true },
    }),
  );
});

afterAll(async () => {
  configureMailTransport({});
  await smtp.stop();
  await prisma.$disconnect();
});

function tag() {
  return randomBytes(4).toString("hex");
}
const mailTo = (email: string) => smtp.waitForEmail((m) => m.to.includes(email));
const htmlLanguage = (email: ReceivedEmail) =>
  email.html.match(/<html[^>]*\blang="([^"]+)"/)?.[1] ?? null;
const htmlDirection = (email: ReceivedEmail) =>
  email.html.match(/<html[^>]*\bdir="([^"]+)"/)?.[1] ?? null;

async function user(role: "FOCAL_POINT" | "REVIEWER", locale: Locale | null, country?: string) {
  const email = `lang.${role.toLowerCase()}.${locale ?? "none"}.${tag()}@test.example.org`;
  await prisma.user.create({
    data: {
      email,
      name: `Person ${locale ?? "none"}`,
      role,
      locale,
      ...(country ? { countries: { create: { countryCode: country } } } : {}),
    },
  });
  return email;
}

describe("an invitation", () => {
  it("to a focal point invited with the language ru is in Russian, and so is a new link", async () => {
    const email = `lang.invited.${tag()}@test.example.org`;
    const invite = (locale?: Locale) =>
      inviteUser({
        email,
        role: "FOCAL_POINT",
        countries: ["VCT"],
        invitedById: adminId,
        ...(locale ? { locale } : {}),
        invitationEmail: {
          inviterName: "Ada Admin",
          round: { name: "MSQ 2026", deadline: new Date("2026-11-30T00:00:00Z") },
        },
      });
    // The invitation is queued with the account and sent before inviteUser returns.
    const send = async (_invitation: Awaited<ReturnType<typeof invite>>) => {
      const received = smtp.messages.filter((m) => m.to.includes(email)).at(-1);
      if (!received) throw new Error(`no invitation to ${email}`);
      return received;
    };
    const ru = copyFor("ru");
    const t = ru.email.invitation;

    const received = await send(await invite("ru"));
    expect(received.subject).toBe(t.subject);
    expect(received.subject).toMatch(/[а-я]/);
    expect(received.text).toContain(t.intro({ inviter: "Ada Admin", email }));
    expect(received.text).toContain(ru.roles.FOCAL_POINT);
    // The country's name in Russian too.
    expect(received.text).toContain(t.countries({ count: 1, names: "Сент-Винсент и Гренадины" }));
    expect(received.text).toContain(t.round({ round: "MSQ 2026" }));
    expect(received.text).toContain("30 ноября 2026 г.");
    expect(received.text).toContain("через 7 дней");
    expect(htmlLanguage(received)).toBe("ru");
    const en = copyFor("en").email.invitation;
    for (const english of [en.subject, en.action, en.ignore, "invited you", "Round:"])
      expect(received.text).not.toContain(english);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale,
    ).toBe("ru");

    // A new link for them (the user page's "resend"), without a language: still Russian.
    const again = await send(await invite());
    expect(again.subject).toBe(t.subject);
    expect(again.text).toContain(t.intro({ inviter: "Ada Admin", email }));
  });
});

describe("an event that mails several people", () => {
  const country = "LCA";
  let focal: Record<"ru" | "ar" | "none", string>;
  let reviewers: Record<"fr" | "none", string>;

  beforeAll(async () => {
    focal = {
      ru: await user("FOCAL_POINT", "ru", country),
      ar: await user("FOCAL_POINT", "ar", country),
      none: await user("FOCAL_POINT", null, country),
    };
    reviewers = { fr: await user("REVIEWER", "fr"), none: await user("REVIEWER", null) };
  });

  it("a submission: each focal point's confirmation and each reviewer's notice in their language", async () => {
    const submitter = await prisma.user.findUniqueOrThrow({
      where: { email: focal.ru },
      select: { id: true },
    });
    const submittedAt = new Date("2026-11-22T14:05:00Z");
    const emails = await composeSubmissionEmails({
      round,
      countryCode: country,
      submittedById: submitter.id,
      submittedAt,
      answers: {},
      authorizePublication: true,
    });
    await deliverNow(await enqueueAll(prisma, emails));

    for (const [locale, address] of [
      ["ru", focal.ru],
      ["ar", focal.ar],
      ["en", focal.none],
    ] as const) {
      const t = copyFor(locale).email.submissionConfirmation;
      const mail = await mailTo(address);
      const name = countryName(country, locale);
      expect(mail.subject).toBe(t.subject({ country: name, round: round.name }));
      expect(mail.text).toContain(t.publicationYes);
      // The questionnaire's own texts, in the recipient's language too.
      const questionnaire = await requireQuestionnaire(round, locale);
      const first = questionnaire.sections[0]!;
      expect(mail.text).toContain(`${first.id}. ${first.title}`);
      expect(mail.text).toContain(first.questions[0]!.text);
      expect(htmlLanguage(mail)).toBe(locale);
      expect(htmlDirection(mail)).toBe(locale === "ar" ? "rtl" : "ltr");
    }
    expect((await mailTo(focal.ru)).subject).toContain("Сент-Люсия");
    expect((await mailTo(focal.ar)).subject).toContain("سانت لوسيا");
    const ruTitle = (await requireQuestionnaire(round, "ru")).sections[0]!.title;
    expect(ruTitle).not.toBe((await requireQuestionnaire(round, "en")).sections[0]!.title);

    for (const [locale, address] of [
      ["fr", reviewers.fr],
      ["en", reviewers.none],
    ] as const) {
      const t = copyFor(locale).email.submissionReceived;
      const mail = await mailTo(address);
      const name = countryName(country, locale);
      expect(mail.subject).toBe(t.subject({ country: name, round: round.name }));
      expect(htmlLanguage(mail)).toBe(locale);
    }
  });

  it("a return for revision and a reminder: each focal point in their language", async () => {
    const response = await prisma.response.create({
      data: {
        roundId: round.id,
        countryCode: country,
        status: "SUBMITTED",
        questionnaireVersion: round.questionnaireVersion,
        answers: {},
        fieldVersions: {},
        revision: 1,
      },
      select: { id: true },
    });
    await prisma.submission.create({
      data: { responseId: response.id, number: 1, questionnaireVersion: 1, answers: {} },
    });
    const reviewer = await prisma.user.findUniqueOrThrow({
      where: { email: reviewers.fr },
      select: { id: true },
    });
    const question = (await requireQuestionnaire(round, "en")).sections[0]!.questions[0]!;
    await addComment({
      roundId: round.id,
      countryCode: country,
      fieldKey: question.key,
      parentId: null,
      body: "Lien ?",
      authorId: reviewer.id,
    });
    const before = smtp.messages.length;
    const decided = await decide({
      decision: "return",
      roundId: round.id,
      countryCode: country,
      submission: 1,
      actor: { id: reviewer.id, role: "REVIEWER", name: "Ana Reviewer" },
      message: "Section I.",
    });
    expect(decided).toEqual({ ok: true });

    const returned = smtp.messages.slice(before);
    for (const [locale, address] of [
      ["ru", focal.ru],
      ["ar", focal.ar],
      ["en", focal.none],
    ] as const) {
      const t = copyFor(locale).email.returnedForRevision;
      const mail = returned.find((m) => m.to.includes(address));
      expect(mail?.subject).toBe(
        t.subject({ country: countryName(country, locale), round: round.name }),
      );
      expect(mail?.text).toContain(t.comments({ count: 1 }));
      // The question the comment is on, as the recipient's questionnaire words it.
      const localized = (await requireQuestionnaire(round, locale)).sections[0]!.questions[0]!;
      expect(mail?.text).toContain(localized.text);
      expect(htmlLanguage(mail!)).toBe(locale);
    }

    const reminderStart = smtp.messages.length;
    expect(
      await sendReminders({ roundId: round.id, countryCodes: [country], actorId: adminId }),
    ).toEqual({ reminded: [country], withoutFocalPoint: [] });
    const reminders = smtp.messages.slice(reminderStart);
    expect(reminders).toHaveLength(3);
    for (const [locale, address] of [
      ["ru", focal.ru],
      ["ar", focal.ar],
      ["en", focal.none],
    ] as const) {
      const copy = copyFor(locale);
      const mail = reminders.find((m) => m.to.includes(address));
      expect(mail?.subject).toBe(
        copy.email.reminder.subject({ country: countryName(country, locale), round: round.name }),
      );
      expect(mail?.text).toContain(copy.email.reminder.status({ status: copy.statuses.RETURNED }));
      if (round.deadline)
        expect(mail?.text).toContain(
          copy.email.reminder.deadline({ date: formatDate(round.deadline, locale) }),
        );
    }
  });
});
