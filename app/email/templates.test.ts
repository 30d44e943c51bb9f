// The templates' conditional sentences and the helpers, without a mail server.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, timeUntil } from "~/email/templates/format";
import { copyFor } from "~/i18n/catalogues.server";
import { invitationEmail } from "~/email/templates/invitation";
import { reminderEmail } from "~/email/templates/reminder";
import { returnedForRevisionEmail } from "~/email/templates/returned-for-revision";
import { submissionConfirmationEmail } from "~/email/templates/submission-confirmation";
import { absoluteUrl } from "./links.server";

const confirmation = {
  locale: "en" as const,
  countryName: "Kenya",
  roundName: "MSQ 2026",
  submittedByName: "Jane Focal",
  submittedAt: new Date("2026-11-22T14:05:00Z"),
  sections: [],
  link: "https://msq.example.org/responses/1",
};

describe("e-mail templates", () => {
  it("says whether publication was authorised", async () => {
    const texts = await Promise.all(
      [true, false, null].map(async (authorizePublication) => {
        const email = await submissionConfirmationEmail({ ...confirmation, authorizePublication });
        return email.text;
      }),
    );
    expect(texts[0]).toContain("Publication: authorised.");
    expect(texts[1]).toContain("Publication: not authorised.");
    expect(texts[2]).toContain("Publication: not answered.");
  });

  it("leaves out the deadline and the message when there are none", async () => {
    const reminder = await reminderEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      status: "Not started",
      deadline: null,
      link: "https://msq.example.org/responses/1",
    });
    expect(reminder.text).toContain("Current status: Not started");
    expect(reminder.text).not.toContain("Deadline");
    expect(reminder.text).not.toContain("Message from UN DESA");

    const returned = await returnedForRevisionEmail({
      locale: "en",
      countryName: "Kenya",
      roundName: "MSQ 2026",
      reviewerName: "Ana Reviewer",
      message: "Please check section 2.",
      link: "https://msq.example.org/responses/1",
      deadline: null,
      comments: [
        {
          question: "14. How does your government use social media?",
          body: "Which guidelines apply?",
          link: "https://msq.example.org/countries/KEN/sections/VI#q-q14_social_media",
        },
      ],
    });
    expect(returned.text).toContain("Please revise the response and submit it again.");
    expect(returned.text).toContain("A comment on one question");
    expect(returned.text).toContain("14. How does your government use social media?");
    expect(returned.text).toContain("Which guidelines apply?");
    expect(returned.html).toContain(
      'href="https://msq.example.org/countries/KEN/sections/VI#q-q14_social_media"',
    );
  });

  it("names the round and its deadline in an invitation, when given one", async () => {
    const invitation = {
      locale: "en" as const,
      inviteeEmail: "focal@example.org",
      roleLabel: "Country focal point",
      countryNames: ["Kenya"],
      inviterName: "Ada Admin",
      link: "https://msq.example.org/invitation/t0ken",
      expiresAt: new Date("2026-11-29T12:00:00Z"),
    };
    const withDeadline = await invitationEmail({
      ...invitation,
      round: { name: "MSQ 2026", deadline: new Date("2027-03-31T00:00:00Z") },
    });
    expect(withDeadline.text).toContain("Country: Kenya\nRound: MSQ 2026\nDeadline: 31 March 2027");
    expect(withDeadline.html).toMatch(/Round: (<!-- -->)?MSQ 2026/);

    const noDeadline = await invitationEmail({
      ...invitation,
      round: { name: "MSQ 2026", deadline: null },
    });
    expect(noDeadline.text).toContain("Round: MSQ 2026\nDeadline: none set yet");

    const noRound = await invitationEmail(invitation);
    expect(noRound.text).toContain("Country: Kenya");
    expect(noRound.text).not.toContain("Round:");
    expect(noRound.text).not.toContain("Deadline");
  });

  it("keeps the subject on one line", async () => {
    const email = await reminderEmail({
      locale: "en",
      countryName: "Kenya\r\nBcc: someone@example.org",
      roundName: "MSQ 2026",
      status: "Draft",
      deadline: null,
      link: "https://msq.example.org/responses/1",
    });
    expect(email.subject).toBe("Reminder: Kenya Bcc: someone@example.org, MSQ 2026");
  });

  it("formats dates in English, in UTC", () => {
    expect(formatDate(new Date("2026-11-22T23:30:00Z"), "en")).toBe("22 November 2026");
    // The date, then the time on a 24-hour clock, joined as ICU's English joins them.
    expect(formatDateTime(new Date("2026-11-22T21:05:00Z"), "en")).toMatch(
      /^22 November 2026(,| at) 21:05 UTC$/,
    );
    const now = new Date("2026-11-22T12:00:00Z");
    const en = copyFor("en");
    expect(timeUntil(new Date("2026-11-29T12:00:00Z"), en, now)).toBe("7 days");
    expect(timeUntil(new Date("2026-11-22T13:00:00Z"), en, now)).toBe("1 hour");
    expect(timeUntil(new Date("2026-11-22T12:10:00Z"), en, now)).toBe("1 hour");
    expect(timeUntil(new Date("2026-11-22T17:00:00Z"), en, now)).toBe("5 hours");
    expect(timeUntil(new Date("2026-11-23T12:00:00Z"), en, now)).toBe("1 day");
  });
});

describe("absoluteUrl", () => {
  it("puts a portal path under PUBLIC_URL, keeping a path prefix", () => {
    expect(absoluteUrl("/invitation/x", "https://msq.example.org")).toBe(
      "https://msq.example.org/invitation/x",
    );
    expect(absoluteUrl("/invitation/x", "https://example.org/msq/")).toBe(
      "https://example.org/msq/invitation/x",
    );
  });

  it("refuses anything but a path, so e-mail links only point at the portal", () => {
    expect(() => absoluteUrl("https://evil.example/x")).toThrow();
    expect(() => absoluteUrl("//evil.example/x")).toThrow();
    expect(() => absoluteUrl("invitation/x")).toThrow();
  });
});
