import { describe, expect, it } from "vitest";
import { formatTag, locales } from "~/i18n/locale";
import {
  byCountryName,
  countryName,
  countryNames,
  findMemberState,
  findMemberStateByName,
  memberStates,
  memberStatesByName,
  regions,
} from "./index";

describe("Member States", () => {
  it("lists the 193 UN Member States once each", () => {
    expect(memberStates).toHaveLength(193);
    expect(new Set(memberStates.map((s) => s.code)).size).toBe(193);
    expect(memberStates.every((s) => /^[A-Z]{3}$/.test(s.code))).toBe(true);
  });

  it("has known entries with their UN names and M49 regions", () => {
    expect(findMemberState("RWA")).toMatchObject({ name: "Rwanda", region: "Africa" });
    expect(findMemberState("IRN")).toMatchObject({
      name: "Iran (Islamic Republic of)",
      region: "Asia",
    });
    expect(findMemberState("QAT")).toMatchObject({ name: "Qatar", region: "Asia" });
    expect(findMemberState("TJK")).toMatchObject({ name: "Tajikistan", region: "Asia" });
    expect(findMemberState("BOL")).toMatchObject({ region: "Americas" });
    expect(findMemberState("FJI")).toMatchObject({ region: "Oceania" });
    expect(findMemberState("DEU")).toMatchObject({ region: "Europe" });
  });

  it("leaves out observers and non-members", () => {
    for (const code of ["VAT", "PSE", "TWN", "XKX"]) expect(findMemberState(code)).toBeUndefined();
  });

  it("uses the five M49 regions", () => {
    expect(regions).toEqual(["Africa", "Americas", "Asia", "Europe", "Oceania"]);
    expect(regions).toEqual([...new Set(memberStates.map((s) => s.region))].sort());
  });

  it("recognises long and upper-case forms of names", () => {
    expect(findMemberStateByName("Islamic Republic of Iran")?.code).toBe("IRN");
    expect(findMemberStateByName("State of Qatar")?.code).toBe("QAT");
    expect(findMemberStateByName("RWANDA")?.code).toBe("RWA");
    expect(findMemberStateByName("Republic of Tajikistan")?.code).toBe("TJK");
    expect(findMemberStateByName("Cote d'Ivoire")?.code).toBe("CIV");
    expect(findMemberStateByName("Atlantis")).toBeUndefined();
  });
});

describe("Member States' names in the six languages", () => {
  it("gives each language's UN name", () => {
    const all = (code: string) => Object.fromEntries(locales.map((l) => [l, countryName(code, l)]));
    expect(all("RWA")).toEqual({
      ar: "رواندا",
      zh: "卢旺达",
      en: "Rwanda",
      fr: "Rwanda",
      ru: "Руанда",
      es: "Rwanda",
    });
    expect(all("CIV")).toEqual({
      ar: "كوت ديفوار",
      zh: "科特迪瓦",
      en: "Côte d’Ivoire",
      fr: "Côte d’Ivoire",
      ru: "Кот-д’Ивуар",
      es: "Côte d’Ivoire",
    });
    expect(all("CHN")).toEqual({
      ar: "الصين",
      zh: "中国",
      en: "China",
      fr: "Chine",
      ru: "Китай",
      es: "China",
    });
    expect(all("RUS")).toEqual({
      ar: "الاتحاد الروسي",
      zh: "俄罗斯联邦",
      en: "Russian Federation",
      fr: "Fédération de Russie",
      ru: "Российская Федерация",
      es: "Federación de Rusia",
    });
    expect(all("EGY")).toEqual({
      ar: "مصر",
      zh: "埃及",
      en: "Egypt",
      fr: "Égypte",
      ru: "Египет",
      es: "Egipto",
    });
    expect(countryName("TUR", "fr")).toBe("Türkiye");
    expect(countryName("IRN", "es")).toBe("Irán (República Islámica del)");
  });

  it("names all 193 in all six languages, once each per language", () => {
    for (const locale of locales) {
      const shown = memberStates.map((s) => countryName(s.code, locale));
      expect(shown.every((name) => name.trim() !== "" && name === name.trim())).toBe(true);
      expect(new Set(shown).size).toBe(193);
      // No straight apostrophe or doubled space slipped in from a source.
      expect(shown.filter((name) => /'|\s\s/.test(name))).toEqual([]);
    }
    for (const locale of locales.filter((l) => l !== "fr" && l !== "es" && l !== "en"))
      expect(memberStates.filter((s) => countryName(s.code, locale) === s.name)).toEqual([]);
  });

  it("has each state's ISO alpha-2 code, the one CLDR's English names go with", () => {
    const codes = memberStates.map((s) => s.alpha2);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(193);
    expect(findMemberState("RWA")?.alpha2).toBe("RW");
    expect(findMemberState("PRK")?.alpha2).toBe("KP");
    expect(findMemberState("GBR")?.alpha2).toBe("GB");
  });

  it("returns an unknown code as given", () => {
    expect(countryName("XKX", "ar")).toBe("XKX");
  });

  it("sorts by the displayed name as the language's collator does", () => {
    for (const locale of locales) {
      const collator = new Intl.Collator(formatTag(locale));
      const expected = memberStates
        .map((s) => countryName(s.code, locale))
        .sort((a, b) => collator.compare(a, b));
      // names.ts is generated: after a name changes, run tsx scripts/country-names.ts.
      expect(memberStatesByName(locale).map((s) => countryName(s.code, locale))).toEqual(expected);
    }
    const codes = ["RWA", "EGY", "CIV", "XKX", "DEU"];
    expect([...codes].sort(byCountryName("en"))).toEqual(["CIV", "EGY", "DEU", "RWA", "XKX"]);
    expect([...codes].sort(byCountryName("fr"))).toEqual(["DEU", "CIV", "EGY", "RWA", "XKX"]);
  });

  it("recognises a name in any of the six languages, and common names", () => {
    expect(findMemberStateByName("Égypte")?.code).toBe("EGY");
    expect(findMemberStateByName("egypte")?.code).toBe("EGY");
    expect(findMemberStateByName("Côte d’Ivoire")?.code).toBe("CIV");
    expect(findMemberStateByName("Кот-д'Ивуар")?.code).toBe("CIV");
    expect(findMemberStateByName("كوت ديفوار")?.code).toBe("CIV");
    expect(findMemberStateByName("卢旺达")?.code).toBe("RWA");
    expect(findMemberStateByName("Federación de Rusia")?.code).toBe("RUS");
    expect(findMemberStateByName("Russie")?.code).toBe("RUS");
    expect(findMemberStateByName("South Korea")?.code).toBe("KOR");
  });

  it("gives no two states the same name in any language", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const fold = (name: string) =>
      name
        .normalize("NFKD")
        .replace(/\p{Diacritic}/gu, "")
        .replace(/[’']/g, "'")
        .replace(/^the\s+/i, "")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase();
    for (const state of memberStates)
      for (const name of countryNames(state.code)) {
        const other = owner.get(fold(name));
        if (other && other !== state.code) clashes.push(`${name}: ${other}, ${state.code}`);
        owner.set(fold(name), state.code);
      }
    expect(clashes).toEqual([]);
  });
});
