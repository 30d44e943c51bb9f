import { describe, expect, it } from "vitest";
import { ExportLinks } from "~/components/export-links";
import { renderInLanguage } from "~/i18n/language.test-helper";

// The reviewers' download buttons: plain GET forms carrying the filters to /exports, the round
// shown with the CSV, XLSX and JSON, every round with the long CSV.

/** Each form's hidden inputs (`name=value`) and format buttons. */
function forms(html: string) {
  return [...html.matchAll(/<form method="get" action="\/exports">(.*?)<\/form>/g)].map(
    ([, inner]) => ({
      hidden: [...inner!.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map(
        ([, name, value]) => `${name}=${value}`,
      ),
      formats: [...inner!.matchAll(/<button type="submit" name="format" value="([\w-]+)"/g)].map(
        ([, format]) => format,
      ),
    }),
  );
}

describe("ExportLinks", () => {
  it("submits the chosen filters and format to /exports", () => {
    const html = renderInLanguage(
      <ExportLinks
        filters={{
          statuses: ["SUBMITTED", "DRAFT", "ACCEPTED"],
          region: "Africa",
          authorisedOnly: true,
        }}
      />,
    );
    const filters = ["status=SUBMITTED", "status=ACCEPTED", "region=Africa", "authorised=1"];
    // DRAFT is never exported: dropped, not sent to be refused.
    expect(forms(html)).toEqual([
      { hidden: filters, formats: ["csv", "xlsx", "json"] },
      { hidden: filters, formats: ["long-csv"] },
    ]);
    expect(html).toContain('aria-label="Download as Excel (XLSX)"');
    expect(html).toContain('aria-label="Download as long CSV: one row per answer, every round"');
  });

  it("carries no filter when none is chosen (the server's defaults apply)", () => {
    expect(renderInLanguage(<ExportLinks />)).not.toContain('type="hidden"');
  });

  it("carries the round shown to the one-round files, not to the long CSV", () => {
    const html = renderInLanguage(
      <ExportLinks round={{ id: "2020", name: "MSQ 2020" }} filters={{ region: "Asia" }} />,
    );
    expect(forms(html)).toEqual([
      { hidden: ["round=2020", "region=Asia"], formats: ["csv", "xlsx", "json"] },
      { hidden: ["region=Asia"], formats: ["long-csv"] },
    ]);
    expect(html).toContain("Download the responses to MSQ 2020");
  });
});
