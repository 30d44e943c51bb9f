import { describe, expect, it } from "vitest";
import { countryName, memberStatesByName } from "~/countries";
import { renderInLanguage } from "~/i18n/language.test-helper";
import { CountryOptions } from "./country-options";

// The countries' select (invitations, accounts, the users' and events' filters) in the page's
// language: the UN's names in it, in its order.

const options = (html: string) =>
  [...html.matchAll(/<option value="([A-Z]{3})">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);

describe("country options", () => {
  it("on an Arabic page: the 193 Arabic names in Arabic order", () => {
    const shown = options(
      renderInLanguage(
        <select>
          <CountryOptions />
        </select>,
        "ar",
      ),
    );
    expect(shown).toHaveLength(193);
    expect(shown).toContainEqual(["RWA", "رواندا"]);
    expect(shown).toContainEqual(["EGY", "مصر"]);
    expect(shown.map(([code]) => code)).toEqual(memberStatesByName("ar").map((s) => s.code));
    expect(shown.every(([code, name]) => name === countryName(code!, "ar"))).toBe(true);
    expect(shown.some(([, name]) => name === "Rwanda")).toBe(false);
  });

  it("on an English page: the UN's English names, Côte d’Ivoire under C", () => {
    const shown = options(
      renderInLanguage(
        <select>
          <CountryOptions />
        </select>,
        "en",
      ),
    );
    const at = (code: string) => shown.findIndex(([c]) => c === code);
    expect(shown[0]).toEqual(["AFG", "Afghanistan"]);
    expect(shown).toContainEqual(["CIV", "Côte d’Ivoire"]);
    expect(at("COL")).toBeLessThan(at("CIV"));
    expect(at("CIV")).toBeLessThan(at("HRV"));
  });
});
