import { describe, expect, it } from "vitest";
import { PrintableResponse } from "~/components/printable-response";
import { copyFor } from "~/i18n/catalogues.server";
import { renderInLanguage } from "~/i18n/language.test-helper";
import type { Locale } from "~/i18n/locale";
import { completeAnswers } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import type { PrintableResponse as Printable } from "./printable";

// The printable view (print and published pages) in the page's language: its labels, its dates
// and the questions as the round words them in it (the routes localize the questionnaire).

const response: Printable = {
  country: { code: "NOR", name: "Norway", region: "Europe" },
  roundId: "2020",
  roundName: "MSQ 2020",
  status: "ACCEPTED",
  version: { kind: "submission", number: 2 },
  submittedAt: "2026-03-30T09:00:00.000Z",
  acceptedAt: "2026-04-02T10:00:00.000Z",
  responseDate: "2019-03-30",
  imported: false,
  authorizePublication: true,
  answers: completeAnswers(msq2020, { q4_has_cio: "yes" }),
};

const printed = (locale: Locale) =>
  renderInLanguage(
    <PrintableResponse
      response={response}
      questionnaire={localizeDefinition(msq2020Definition, locale)}
    />,
    locale,
  );

describe("printable view", () => {
  it("is in English for an English page", () => {
    const html = printed("en");
    expect(html).toContain('<time dateTime="2026-03-30T09:00:00.000Z">30 March 2026</time>');
    expect(html).toContain(">30 March 2019</time>");
    expect(html).toContain(copyFor("en").statuses.ACCEPTED);
    expect(html).toContain(msq2020.title);
  });

  it.each([
    ["fr", "30 mars 2026", "2 avril 2026"],
    ["ar", "30 مارس 2026", "2 أبريل 2026"],
  ] as const)("in %s: its labels, dates and questions", (locale, submitted, accepted) => {
    const html = printed(locale);
    const copy = copyFor(locale);
    const local = localizeDefinition(msq2020Definition, locale);
    // Dates for people in the language; the machine-readable dateTime stays ISO.
    expect(html).toContain(`<time dateTime="2026-03-30T09:00:00.000Z">${submitted}</time>`);
    expect(html).toContain(`<time dateTime="2026-04-02T10:00:00.000Z">${accepted}</time>`);
    expect(html).toContain(copy.statuses.ACCEPTED);
    expect(html).toContain(copy.exports.printable.authorised);
    expect(html).toContain(local.title);
    const q4 = local.sections[0]!.questions.find((q) => q.key === "q4_has_cio")!.text;
    expect(html).toContain(q4.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
    expect(html).not.toContain("30 March 2026");
    expect(html).not.toContain(msq2020.title);
  });
});
