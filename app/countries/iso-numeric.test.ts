import { describe, expect, it } from "vitest";
import { readAtlas } from "~/results/map-geometry.server";
import { isoNumericCodes } from "./iso-numeric";
import { memberStates } from "./index";

// The alpha-3 → ISO numeric mapping (generated from world-countries, decision 004) against the
// other source the map relies on: Natural Earth's own ids in world-atlas.

describe("ISO 3166-1 numeric codes", () => {
  it("give every Member State one code, and no two the same", () => {
    const codes = memberStates.map((s) => isoNumericCodes[s.code]);
    expect(codes.every((c) => c !== undefined && /^\d{3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(193);
    expect(Object.keys(isoNumericCodes).sort()).toEqual(memberStates.map((s) => s.code).sort());
  });

  it("has known codes", () => {
    expect(isoNumericCodes).toMatchObject({
      RWA: "646",
      TJK: "762",
      QAT: "634",
      IRN: "364",
      SSD: "728",
      TUV: "798",
      FRA: "250",
      USA: "840",
    });
  });

  it("matches Natural Earth's ids: each code is a country of the same name at 1:10m", () => {
    const atlas = readAtlas("countries-10m.json");
    const names = new Map<string, string[]>();
    for (const g of atlas.objects.countries.geometries)
      names.set(String(g.id), [
        ...(names.get(String(g.id)) ?? []),
        (g.properties as { name: string }).name,
      ]);
    // Natural Earth's short names where they are not the start of the UN's.
    const written: Record<string, string> = {
      COD: "Dem. Rep. Congo",
      GNQ: "Eq. Guinea",
      KNA: "St. Kitts and Nevis",
      KOR: "South Korea",
      LAO: "Laos",
      MDA: "Moldova",
      MKD: "Macedonia",
      PRK: "North Korea",
      SSD: "S. Sudan",
      STP: "São Tomé and Principe",
      SWZ: "eSwatini",
      TUR: "Turkey",
      TZA: "Tanzania",
      VCT: "St. Vin. and Gren.",
      VNM: "Vietnam",
    };
    for (const state of memberStates) {
      const found = names.get(isoNumericCodes[state.code]!) ?? [];
      const expected = written[state.code] ?? state.name;
      expect(
        found.some((n) => n.startsWith(expected.slice(0, 6)) || expected.startsWith(n)),
        `${state.code} ${state.name}: ${found.join(", ")}`,
      ).toBe(true);
    }
  });
});
