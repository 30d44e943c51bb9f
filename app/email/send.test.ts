// E-mails go through a real SMTP server (tests/support/smtp.ts) and are read back as a mail
// client would: this covers templates, MIME encoding and the transport together.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatDateTime } from "~/email/templates/format";
import { invitationEmail } from "~/email/templates/invitation";
import { passwordChangedEmail } from "~/email/templates/password-changed";
import { passwordResetEmail } from "~/email/templates/password-reset";
import { reminderEmail } from "~/email/templates/reminder";
import { type RenderedEmail } from "~/email/templates/render";
import { returnedForRevisionEmail } from "~/email/templates/returned-for-revision";
import { submissionConfirmationEmail } from "~/email/templates/submission-confirmation";
import { submissionReceivedEmail } from "~/email/templates/submission-received";
import {
  firstLink,
  type ReceivedEmail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "../../tests/support/smtp";
import { absoluteUrl } from "./links.server";
import { configureMailTransport, sendEmail, transportUrl } from "./send.server";
import { env } from "~/env.server";
import { copyFor } from "~/i18n/catalogues.server";
import { languageTag, locales, type Locale } from "~/i18n/locale";

const hostile = "<script>alert(1)</script>";
const submittedAt = new Date("2026-11-22T14:05:00Z");

let smtp: TestSmtpServer;
// The test server offers no STARTTLS (tests/support/smtp.ts): the tests opt out of TLS by name.
const plainSmtp = () => `${smtp.url}?tls=none`;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  configureMailTransport({ smtpUrl: plainSmtp() });
});

afterAll(async () => {
  configureMailTransport({}); // closes the pooled connections before the server stops
  await smtp.stop();
});

async function deliver(email: RenderedEmail, to: string | string[]): Promise<ReceivedEmail> {
  await sendEmail({ to, ...email });
  const first = Array.isArray(to) ? to[0] : to;
  return smtp.waitForEmail((m) => m.subject === email.subject && m.to.includes(first!));
}

/** What every e-mail must have: sender, language, and its link in both bodies, followable. */
function expectLink(
  received: ReceivedEmail,
  pathPrefix: string,
  expectedPath: string,
  locale: Locale = "en",
) {
  expect(received.from).toContain(env.MAIL_FROM.match(/<(.+)>/)?.[1] ?? env.MAIL_FROM);
  expect(received.html).toMatch(new RegExp(`<html[^>]* lang="${languageTag(locale)}"`));
  const link = firstLink(received, pathPrefix);
  const url = new URL(link);
  expect(url.origin).toBe(new URL(env.PUBLIC_URL).origin);
  expect(url.pathname).toBe(expectedPath);
  expect(received.html).toContain(`href="${link}"`);
  return link;
}

describe("e-mails through SMTP", () => {
  it("invitation: role, countries, expiry, a one-time link; names escaped in HTML", async () => {
    const email = await invitationEmail({
      locale: "en",
      inviteeEmail: "invitee@example.org",
      roleLabel: "Country focal point",
      countryNames: ["Kenya", "Côte d'Ivoire"],
      inviterName: hostile,
      link: absoluteUrl("/invitation/tok3n"),
      expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000),
    });
    const received = await deliver(email, "invitee@example.org");

    expect(received.to).toEqual(["invitee@example.org"]);
    expect(received.subject).toBe("You are invited to the MSQ Portal");
    expect(received.text).toContain("Role: Country focal point");
    expect(received.text).toContain("Countries: Kenya and Côte d'Ivoire");
    expect(received.text).toContain("expires in 7 days");
    expect(received.text).toContain("can be used only once");
    expectLink(received, "/invitation/", "/invitation/tok3n");

    expect(received.text).toContain(`${hostile} invited you`);
    expect(received.html).not.toContain("<script");
    expect(received.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("password reset: the link and the reassurance", async () => {
    const email = await passwordResetEmail({
      locale: "en",
      link: absoluteUrl("/reset-password/r3set"),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const received = await deliver(email, "user@example.org");

    expect(received.subject).toBe("Reset your MSQ Portal password");
    expect(received.text).toContain("expires in 1 hour");
    expect(received.text).toContain(
      "If you did not ask for this, ignore this e-mail; your password is unchanged.",
    );
    expectLink(received, "/reset-password/", "/reset-password/r3set");
  });

  it("password changed: when, what it did, and the way back if it was not the owner", async () => {
    const email = await passwordChangedEmail({
      locale: "en",
      email: "user@example.org",
      changedAt: submittedAt,
      firstPassword: false,
      forgotLink: absoluteUrl("/forgot-password"),
    });
    const received = await deliver(email, "user@example.org");

    expect(received.subject).toBe("Your MSQ Portal password was changed");
    expect(received.text).toContain(
      `The password of your MSQ Portal account (user@example.org) was changed on ${formatDateTime(submittedAt, "en")}.`,
    );
    expect(received.text).toContain("every other session has ended");
    expect(received.text).toContain("If this was not you, choose a new password at once");
    expectLink(received, "/forgot-password", "/forgot-password");
  });

  it("submission confirmation: to every focal point, with the answers by section", async () => {
    const focalPoints = ["fp1@example.org", "fp2@example.org"];
    const email = await submissionConfirmationEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      submittedByName: hostile,
      submittedAt,
      authorizePublication: true,
      sections: [
        {
          title: "Institutional framework",
          answers: [
            { question: "Describe the national strategy.", answer: "First line\nSecond line" },
            { question: "Is there a chief digital officer?", answer: "" },
          ],
        },
      ],
      link: absoluteUrl("/responses/kenya-2026"),
    });
    const received = await deliver(email, focalPoints);

    expect(received.to).toEqual(focalPoints);
    expect(received.subject).toBe("Response submitted: Kenya, MSQ 2026");
    expect(received.text).toContain(
      `submitted by ${hostile} on ${formatDateTime(submittedAt, "en")}`,
    );
    expect(received.text).toContain("Publication: authorised.");
    expect(received.text).toContain("Institutional framework");
    expect(received.text).toContain("Describe the national strategy.\n\nFirst line\nSecond line");
    expect(received.text).toContain("Is there a chief digital officer?\n\nNot answered");
    expect(received.html).not.toContain("<script");
    expectLink(received, "/responses/", "/responses/kenya-2026");
  });

  it("submission received: tells reviewers which country to review", async () => {
    const email = await submissionReceivedEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      submittedAt,
      link: absoluteUrl("/review/kenya-2026"),
    });
    const received = await deliver(email, "reviewer@un.org");

    expect(received.subject).toBe("Submission to review: Kenya, MSQ 2026");
    expect(received.text).toContain(
      `Kenya submitted its response for MSQ 2026 on ${formatDateTime(submittedAt, "en")}`,
    );
    expectLink(received, "/review/", "/review/kenya-2026");
  });

  it("returned for revision: the reviewer's message with its line breaks, and the deadline", async () => {
    const email = await returnedForRevisionEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      reviewerName: "Ana Reviewer",
      message: `Please complete question 4.\nAnd check ${hostile}.`,
      link: absoluteUrl("/responses/kenya-2026"),
      deadline: new Date("2026-12-15T00:00:00Z"),
      comments: [],
    });
    const received = await deliver(email, "fp1@example.org");

    expect(received.subject).toBe("Response returned for revision: Kenya, MSQ 2026");
    expect(received.text).toContain("Ana Reviewer of UN DESA returned the response of Kenya");
    expect(received.text).toContain(`Please complete question 4.\nAnd check ${hostile}.`);
    expect(received.text).toContain("submit it again by 15 December 2026");
    expect(received.html).not.toContain("<script");
    expectLink(received, "/responses/", "/responses/kenya-2026");
  });

  it("reminder: status, deadline and an optional message", async () => {
    const email = await reminderEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      status: "Draft",
      deadline: new Date("2026-12-15T00:00:00Z"),
      link: absoluteUrl("/responses/kenya-2026"),
      message: "Two sections are left.\nThank you!",
    });
    const received = await deliver(email, "fp2@example.org");

    expect(received.subject).toBe("Reminder: Kenya, MSQ 2026");
    expect(received.text).toContain("Current status: Draft\nDeadline: 15 December 2026");
    expect(received.text).toContain("Two sections are left.\nThank you!");
    expectLink(received, "/responses/", "/responses/kenya-2026");
  });
});

describe("e-mails in the recipient's language, through SMTP", () => {
  // The subject travels MIME-encoded and the bodies as UTF-8: read back, they are the language's
  // words, with the language and direction a mail client needs to show them.
  it.each(locales.filter((l) => l !== "en"))(
    "%s: the subject, the body, lang and dir arrive as sent",
    async (locale) => {
      const copy = copyFor(locale).email.submissionReceived;
      const email = await submissionReceivedEmail({
        locale,
        countryName: "Kenya",
        roundName: "MSQ 2026",
        submittedAt,
        link: absoluteUrl("/review/KEN"),
      });
      const received = await deliver(email, `reviewer.${locale}@un.org`);

      expect(received.subject).toBe(copy.subject({ country: "Kenya", round: "MSQ 2026" }));
      expect(received.text).toContain(copy.title);
      expect(received.html).toContain(copy.action);
      expect(received.text).toContain(
        copy.intro({
          country: "Kenya",
          round: "MSQ 2026",
          when: formatDateTime(submittedAt, locale),
        }),
      );
      expect(received.text).not.toContain("\0");
      expect(received.html).toMatch(
        new RegExp(`<html[^>]* dir="${locale === "ar" ? "rtl" : "ltr"}"`),
      );
      expectLink(received, "/review/", "/review/KEN", locale);
    },
  );
});

describe("TLS", () => {
  it("refuses to send over smtp:// to a server that offers no STARTTLS, unless tls=none", async () => {
    const sentBefore = smtp.messages.length;
    try {
      configureMailTransport({ smtpUrl: `${smtp.url}?pool=false` });
      await expect(
        sendEmail({ to: "clear@example.org", subject: "In clear?", html: "<p>x</p>", text: "x" }),
      ).rejects.toThrow(/STARTTLS/);
      expect(smtp.messages.length).toBe(sentBefore);
    } finally {
      configureMailTransport({ smtpUrl: plainSmtp() });
    }
  });

  it("asks nodemailer for STARTTLS on smtp://, not on smtps:// nor with tls=none", () => {
    const params = (url: string) => Object.fromEntries(new URL(transportUrl(url)).searchParams);
    expect(params("smtp://mail.example.org:587")).toEqual({ requireTLS: "true", pool: "true" });
    expect(params("smtp://mail.example.org:587?requireTLS=false")).toMatchObject({
      requireTLS: "true",
    });
    expect(params("smtp://127.0.0.1:2525?tls=none&pool=false")).toEqual({
      requireTLS: "false",
      pool: "false",
    });
    expect(params("smtps://mail.example.org")).toEqual({ pool: "true" });
    expect(() => transportUrl("smtp://mail.example.org?tls=off")).toThrow(/tls=none/);
  });
});

describe("outbox mode (no SMTP_URL)", () => {
  it("writes a parseable .eml file, logs where without the body, and sends nothing", async () => {
    const outboxDir = await mkdtemp(path.join(tmpdir(), "msq-outbox-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      configureMailTransport({ outboxDir: path.join(outboxDir, "nested") });
      const sentBefore = smtp.messages.length;
      const link = absoluteUrl("/reset-password/0utb0x");
      const email = await passwordResetEmail({
        locale: "en",
        link,
        expiresAt: new Date(Date.now() + 3_600_000),
      });

      const result = await sendEmail({ to: "user@example.org", ...email });

      expect(result.messageId).toMatch(/^<.+>$/);
      expect(result.outboxFile).toMatch(/\.eml$/);
      expect(await readdir(path.join(outboxDir, "nested"))).toEqual([
        path.basename(result.outboxFile!),
      ]);
      const parsed = await simpleParser(await readFile(result.outboxFile!));
      expect(parsed.subject).toBe(email.subject);
      expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.text).toBe("user@example.org");
      expect(parsed.from?.text).toContain("no-reply@");
      expect(parsed.text).toContain(link);
      expect(parsed.html).toContain(`href="${link}"`);
      expect(parsed.html).toMatch(/<html[^>]* lang="en"/);

      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]![0]);
      expect(line).toContain("user@example.org");
      expect(line).toContain(result.outboxFile);
      expect(line).not.toContain(link);

      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(smtp.messages.length).toBe(sentBefore);
    } finally {
      log.mockRestore();
      configureMailTransport({ smtpUrl: plainSmtp() });
      await rm(outboxDir, { recursive: true, force: true });
    }
  });
});
