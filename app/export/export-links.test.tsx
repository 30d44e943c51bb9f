import { describe, expect, it } from "vitest";
import { ExportLinks } from "~/components/export-links";
import { parseExportQuery } from "~/export/filters";
import { localeNames, locales, type Locale } from "~/i18n/locale";
import { renderInLanguage } from "~/i18n/language.test-helper";

// The reviewers' download buttons: plain GET forms carrying the filters to /exports, the round
// shown with the CSV, XLSX and JSON, every round with the long CSV; the language of the texts
// chosen with the round's files, the page's language unless the reviewer picks another.

/** Each form's hidden inputs (`name=value`), language choice and format buttons. */
function forms(html: string) {
  return [...html.matchAll(/<form method="get" action="\/exports">(.*?)<\/form>/g)].map(
    ([, inner]) => ({
      hidden: [...inner!.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map(
        ([, name, value]) => `${name}=${value}`,
      ),
      languages: [...inner!.matchAll(/<select [^>]*name="(\w+)"[^>]*>(.*?)<\/select>/g)].map(
        ([, name, options]) => ({
          name,
          options: [...options!.matchAll(/<option value="(\w+)"[^>]*>([^<]*)<\/option>/g)].map(
            ([, value, label]) => `${value}=${label}`,
          ),
          selected: /<option value="(\w+)"[^>]*selected=""/.exec(options!)?.[1] ?? null,
        }),
      ),
      formats: [...inner!.matchAll(/<button type="submit" name="format" value="([\w-]+)"/g)].map(
        ([, format]) => format,
      ),
    }),
  );
}

/**
 * The query a browser sends when the form's `format` button is pressed: its hidden inputs, the
 * language selected (the one shown, or `chosen`) and the button, in document order.
 */
function submitted(html: string, format: string, chosen?: Locale): URLSearchParams {
  const form = forms(html).find((f) => f.formats.includes(format))!;
  const params = new URLSearchParams(
    form.hidden.map((pair) => pair.split("=") as [string, string]),
  );
  for (const select of form.languages) params.append(select.name!, chosen ?? select.selected!);
  params.append("format", format);
  return params;
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
    expect(forms(html).map(({ hidden, formats }) => ({ hidden, formats }))).toEqual([
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
    expect(forms(html).map(({ hidden, formats }) => ({ hidden, formats }))).toEqual([
      { hidden: ["round=2020", "region=Asia"], formats: ["csv", "xlsx", "json"] },
      { hidden: ["region=Asia"], formats: ["long-csv"] },
    ]);
    expect(html).toContain("Download the responses to MSQ 2020");
  });

  it.each(["en", "fr", "ar"] as const)(
    "in %s: offers the six languages by their own names, the page's chosen",
    (locale) => {
      const html = renderInLanguage(
        <ExportLinks round={{ id: "2020", name: "MSQ 2020" }} />,
        locale,
      );
      const [wide, long] = forms(html);
      expect(wide!.languages).toEqual([
        {
          name: "lang",
          options: locales.map((l) => `${l}=${localeNames[l]}`),
          selected: locale,
        },
      ]);
      expect(wide!.languages[0]!.options).toEqual([
        "ar=العربية",
        "zh=中文",
        "en=English",
        "fr=Français",
        "ru=Русский",
        "es=Español",
      ]);
      // The long CSV holds keys and answers only: no language to choose.
      expect(long!.languages).toEqual([]);
      // Labelled, and each name marked as the language it is written in.
      const id = /<select id="([^"]+)" name="lang"/.exec(html)?.[1];
      expect(id).toBeTruthy();
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toMatch(/<option value="ar" lang="ar" dir="rtl"[^>]*>العربية<\/option>/);
      expect(html).toMatch(/<option value="zh" lang="zh-Hans" dir="ltr"[^>]*>中文<\/option>/);
    },
  );

  it("sends the language chosen to the server, which exports in it", () => {
    const html = renderInLanguage(<ExportLinks round={{ id: "2020", name: "MSQ 2020" }} />, "fr");
    // Left as it is: the page's language. The requester's own language is only the fallback.
    const asShown = submitted(html, "xlsx");
    expect(asShown.get("lang")).toBe("fr");
    expect(parseExportQuery(asShown, "en")).toMatchObject({
      ok: true,
      format: "xlsx",
      locale: "fr",
    });
    for (const chosen of ["ar", "zh", "en", "ru", "es"] as const) {
      const params = submitted(html, "json", chosen);
      expect(params.toString()).toBe(`round=2020&lang=${chosen}&format=json`);
      expect(parseExportQuery(params, "fr")).toMatchObject({ ok: true, locale: chosen });
    }
    // The long CSV's form sends none: the server falls back to the requester's language.
    expect(submitted(html, "long-csv").has("lang")).toBe(false);
  });
});
