// The 193 UN Member States. Source: the `world-countries` package (v5.1.0, ISO 3166-1 alpha-3
// codes, official names and other spellings, UN M49 regions), with the names the UN uses
// (M49 "country or area" names) where they differ. See docs/decisions/004-countries.md.
import { memberStatesData } from "./member-states";

export type MemberState = {
  code: string;
  name: string;
  region: string;
  subregion: string;
  otherNames: string[];
};

export const memberStates: readonly MemberState[] = memberStatesData;

export const regions: readonly string[] = [...new Set(memberStates.map((s) => s.region))].sort();

const normalise = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[’']/g, "'")
    .replace(/^the\s+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const byName = new Map<string, MemberState>();
for (const state of memberStates) {
  for (const name of [state.name, ...state.otherNames]) byName.set(normalise(name), state);
}

/** Recognises a Member State by any of its names, short or long ("State of Qatar", "RWANDA"). */
export function findMemberStateByName(name: string): MemberState | undefined {
  return byName.get(normalise(name));
}

export function findMemberState(code: string): MemberState | undefined {
  return memberStates.find((state) => state.code === code.toUpperCase());
}
