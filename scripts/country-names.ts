// `tsx scripts/country-names.ts [--m49 DIR] [--check]`: writes app/countries/names.ts, each
// Member State's name in Arabic, Chinese, French, Russian and Spanish (English is the `name` of
// app/countries/member-states.ts), the other names people write for it (CLDR's, for recognising
// a name typed or pasted, never shown), and the 193 codes in the order of their names in each of
// the six languages. See docs/decisions/018-country-names-in-six-languages.md.
//
// --m49 DIR  reads the names from the UN M49 standard's tables, one per language, as UNSD
//            publishes them ("Country or Area", ISO alpha-2 and alpha-3 codes): DIR/UNSD-ar.csv,
//            UNSD-cn.csv, UNSD-en.csv, UNSD-es.csv, UNSD-fr.csv and UNSD-ru.csv. It also writes
//            each state's ISO alpha-2 code into member-states.ts, or fails if one differs.
//            Without it, the names already in names.ts are kept and only the other names and the
//            orders are computed again (after a name is corrected by hand, or a new Node/ICU).
// --check    writes nothing; fails when names.ts is not what the script would write.
//
// The other names and the orders come from this Node's ICU (Intl.DisplayNames,
// Intl.Collator(formatTag(locale))): computed once here and committed, so that the server and
// every browser, whose ICU versions differ, show and sort the same text.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { format, resolveConfig } from "prettier";
import { memberStatesData } from "~/countries/member-states";
import { names as committedNames } from "~/countries/names";
import { formatTag, languageTag, locales, type Locale } from "~/i18n/locale";

const NAMES_FILE = "app/countries/names.ts";
const STATES_FILE = "app/countries/member-states.ts";

type Translated = Exclude<Locale, "en">;
const translated = locales.filter((l): l is Translated => l !== "en");
/** UNSD's file suffix for each language. */
const m49Suffix: Record<Locale, string> = {
  ar: "ar",
  zh: "cn",
  en: "en",
  fr: "fr",
  ru: "ru",
  es: "es",
};

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** One spelling of the apostrophe (’, as the English names write it) and single spaces. */
const tidy = (name: string) => name.normalize("NFC").replace(/'/g, "’").replace(/\s+/g, " ").trim();

type M49Row = { name: string; alpha2: string };

function readM49(dir: string): Record<Locale, Map<string, M49Row>> {
  const tables = {} as Record<Locale, Map<string, M49Row>>;
  for (const locale of locales) {
    const file = path.join(dir, `UNSD-${m49Suffix[locale]}.csv`);
    const rows = parse(readFileSync(file), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const table = new Map<string, M49Row>();
    for (const row of rows) {
      const alpha3 = row["ISO-alpha3 Code"];
      const name = row["Country or Area"];
      const alpha2 = row["ISO-alpha2 Code"];
      if (alpha3 === undefined || name === undefined || alpha2 === undefined)
        throw new Error(`${file}: no "Country or Area", "ISO-alpha2 Code" or "ISO-alpha3 Code"`);
      if (alpha3) table.set(alpha3, { name: tidy(name), alpha2 });
    }
    tables[locale] = table;
  }
  return tables;
}

/** Writes each state's alpha-2 code into member-states.ts (after its code), or checks it. */
function withAlpha2(source: string, alpha2Of: Map<string, string>): string {
  const problems: string[] = [];
  const next = source.replace(
    /( *)code: "([A-Z]{3})",\n(?: *alpha2: "([A-Z]{2})",\n)?/g,
    (_match, indent: string, code: string, present: string | undefined) => {
      const alpha2 = alpha2Of.get(code);
      if (!alpha2) problems.push(`${code}: no alpha-2 code in M49`);
      else if (present && present !== alpha2)
        problems.push(`${code}: alpha-2 ${present} in ${STATES_FILE}, ${alpha2} in M49`);
      return `${indent}code: "${code}",\n${indent}alpha2: "${present ?? alpha2 ?? ""}",\n`;
    },
  );
  if (problems.length) throw new Error(problems.join("\n"));
  return next;
}

function namesFromM49(tables: Record<Locale, Map<string, M49Row>>) {
  const names: Record<string, Record<Translated, string>> = {};
  const alpha2Of = new Map<string, string>();
  for (const state of memberStatesData) {
    const rows = locales.map((locale) => {
      const row = tables[locale].get(state.code);
      if (!row?.name) throw new Error(`${state.code}: no name in the ${locale} M49 table`);
      return row;
    });
    const alpha2 = new Set(rows.map((r) => r.alpha2));
    if (alpha2.size !== 1) throw new Error(`${state.code}: alpha-2 codes ${[...alpha2]} in M49`);
    alpha2Of.set(state.code, rows[0]!.alpha2);
    names[state.code] = Object.fromEntries(
      translated.map((locale) => [locale, tables[locale].get(state.code)!.name]),
    ) as Record<Translated, string>;
    const english = tables.en.get(state.code)!.name;
    if (english !== state.name)
      console.error(`${state.code}: "${state.name}" kept; M49's English table has "${english}"`);
  }
  return { names, alpha2Of };
}

function nameIn(
  names: Record<string, Record<Translated, string>>,
  state: { code: string; name: string },
  locale: Locale,
) {
  return locale === "en" ? state.name : names[state.code]![locale];
}

async function namesFile(
  states: readonly { code: string; alpha2: string; name: string; otherNames: string[] }[],
  names: Record<string, Record<Translated, string>>,
): Promise<string> {
  const cldr = locales.map(
    (locale) => new Intl.DisplayNames(languageTag(locale), { type: "region", fallback: "none" }),
  );
  const aliases: Record<string, string[]> = {};
  for (const state of states) {
    const known = new Set([state.name, ...state.otherNames, ...Object.values(names[state.code]!)]);
    const other = cldr
      .map((names) => names.of(state.alpha2))
      .filter((name): name is string => !!name && !known.has(name));
    if (other.length) aliases[state.code] = [...new Set(other)];
  }
  const orders = Object.fromEntries(
    locales.map((locale) => {
      const collator = new Intl.Collator(formatTag(locale));
      const sorted = [...states].sort((a, b) =>
        collator.compare(nameIn(names, a, locale), nameIn(names, b, locale)),
      );
      return [locale, sorted.map((s) => s.code)];
    }),
  );
  const text = `// Generated by \`tsx scripts/country-names.ts\`: do not edit by hand (edit, then run it).
// Sources: docs/decisions/018-country-names-in-six-languages.md. ICU ${process.versions.icu}, CLDR ${process.versions.cldr}.
import type { Locale } from "~/i18n/locale";

/** Each Member State's name in the other five languages (the UN M49 standard's). */
export const names: Record<string, Record<Exclude<Locale, "en">, string>> = ${JSON.stringify(names)};

/** Other names of a Member State in the six languages (CLDR's): recognised, never shown. */
export const aliases: Record<string, readonly string[]> = ${JSON.stringify(aliases)};

/** The codes in the order of their names in each language (Intl.Collator(formatTag(locale))). */
export const orderByName: Record<Locale, readonly string[]> = ${JSON.stringify(orders)};
`;
  const config = await resolveConfig(NAMES_FILE);
  return format(text, { ...config, filepath: NAMES_FILE });
}

const m49 = option("--m49");
const check = process.argv.includes("--check");
let states = memberStatesData;
let names = committedNames;
let statesText: string | null = null;
if (m49) {
  const read = namesFromM49(readM49(m49));
  names = read.names;
  statesText = withAlpha2(readFileSync(STATES_FILE, "utf8"), read.alpha2Of);
  states = memberStatesData.map((s) => ({ ...s, alpha2: read.alpha2Of.get(s.code)! }));
}
const text = await namesFile(states, names);

if (check) {
  if (readFileSync(NAMES_FILE, "utf8") !== text) {
    console.error(`${NAMES_FILE} is out of date: run tsx scripts/country-names.ts`);
    process.exit(1);
  }
  console.error(`${NAMES_FILE} is up to date`);
} else {
  writeFileSync(NAMES_FILE, text);
  if (statesText) writeFileSync(STATES_FILE, statesText);
  console.error(`wrote ${NAMES_FILE}${statesText ? ` and ${STATES_FILE}` : ""}`);
}
