import { describe, expect, it } from "vitest";
import { findMemberState, findMemberStateByName, memberStates, regions } from "./index";

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
