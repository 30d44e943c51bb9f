import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExportLinks } from "~/components/export-links";

// The reviewers' download buttons: a plain GET form carrying the filters to /exports.

describe("ExportLinks", () => {
  it("submits the chosen filters and format to /exports", () => {
    const html = renderToStaticMarkup(
      <ExportLinks
        filters={{
          statuses: ["SUBMITTED", "DRAFT", "ACCEPTED"],
          region: "Africa",
          authorisedOnly: true,
        }}
      />,
    );
    expect(html).toMatch(/<form method="get" action="\/exports"/);
    const hidden = [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map(
      ([, name, value]) => `${name}=${value}`,
    );
    // DRAFT is never exported: dropped, not sent to be refused.
    expect(hidden).toEqual([
      "status=SUBMITTED",
      "status=ACCEPTED",
      "region=Africa",
      "authorised=1",
    ]);
    const buttons = [...html.matchAll(/<button type="submit" name="format" value="(\w+)"/g)].map(
      ([, format]) => format,
    );
    expect(buttons).toEqual(["csv", "xlsx", "json"]);
    expect(html).toContain('aria-label="Download as Excel (XLSX)"');
  });

  it("carries no filter when none is chosen (the server's defaults apply)", () => {
    expect(renderToStaticMarkup(<ExportLinks />)).not.toContain('type="hidden"');
  });
});
