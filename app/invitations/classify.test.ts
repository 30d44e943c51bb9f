import { describe, expect, it } from "vitest";
import { pathologicalTexts } from "~/questionnaire/pathological.test-helper";
import { expectLinear } from "~/questionnaire/timing.test-helper";
import { candidateEmails, classifyRows, countClasses, MAX_VALUE_CHARS } from "./classify";
import { type CsvRow, MAX_ROWS, readInvitationCsv } from "./csv-rows";
import { copyFor } from "~/i18n/catalogues.server";

const english = { copy: copyFor("en"), locale: "en" as const };

const rowsOf = (text: string): CsvRow[] => {
  const reading = readInvitationCsv(text, english);
  if (!reading.ok) throw new Error(reading.error);
  return reading.rows;
};
const classify = (lines: string[], existing: string[] = []) =>
  classifyRows(
    rowsOf(["country,email,name,language", ...lines].join("\n")),
    new Set(existing),
    english.copy.invitations.reasons,
  );
const marks = (lines: string[], existing: string[] = []) =>
  classify(lines, existing).map((r) => [r.line, r.classification, r.reason]);

describe("marking each line of the file", () => {
  it("finds a Member State by its alpha-3 code or its name, in any case", () => {
    const rows = classify([
      "ken,a@example.org,A,",
      "Côte d'Ivoire,b@example.org,B,fr",
      "cote d'ivoire,c@example.org,C,FR",
      "  the Netherlands ,d@example.org,D,",
      "Iran (Islamic Republic of),e@example.org,E,",
      "State of Qatar,f@example.org,F,ar",
    ]);
    expect(rows.map((r) => [r.classification, r.countryCode, r.languageCode])).toEqual([
      ["NEW", "KEN", null],
      ["NEW", "CIV", "fr"],
      ["NEW", "CIV", "fr"],
      ["NEW", "NLD", null],
      ["NEW", "IRN", null],
      ["NEW", "QAT", "ar"],
    ]);
  });

  it("finds a Member State by its name in any of the six UN languages", () => {
    const rows = classify([
      "Côte d’Ivoire,a@example.org,A,fr",
      "Égypte,b@example.org,B,fr",
      "egypte,c@example.org,C,",
      "مصر,d@example.org,D,ar",
      "埃及,e@example.org,E,zh",
      "Египет,f@example.org,F,ru",
      "Federación de Rusia,g@example.org,G,es",
      "République-Unie de Tanzanie,h@example.org,H,fr",
      "Corée du Sud,i@example.org,I,fr",
    ]);
    expect(rows.map((r) => [r.classification, r.countryCode])).toEqual([
      ["NEW", "CIV"],
      ["NEW", "EGY"],
      ["NEW", "EGY"],
      ["NEW", "EGY"],
      ["NEW", "EGY"],
      ["NEW", "EGY"],
      ["NEW", "RUS"],
      ["NEW", "TZA"],
      ["NEW", "KOR"],
    ]);
  });

  it("marks every kind of line, with its reason", () => {
    expect(
      marks(
        [
          "KEN,Wanjiru@Example.org,Wanjiru,en",
          "RWA, wanjiru@example.org ,Again,",
          "KEN,known@example.org,Known,",
          "Narnia,n@example.org,Nobody,",
          ",x@example.org,No country,",
          "KEN,not an address,Bad,",
          "KEN,,Empty,",
          "KEN,l@example.org,Lang,de",
          "KEN,r@example.org,Row,en,extra",
        ],
        ["known@example.org"],
      ),
    ).toEqual([
      [2, "NEW", null],
      [3, "DUPLICATE", "The same e-mail address is on line 2: sent once only."],
      [4, "ALREADY_INVITED", "A user with this e-mail address exists already: nothing is sent."],
      [
        5,
        "UNKNOWN_COUNTRY",
        "“Narnia” is not a UN Member State: give its ISO 3166 alpha-3 code (such as KEN) or its name in one of the six UN languages.",
      ],
      [6, "UNKNOWN_COUNTRY", "No country is given."],
      [7, "BAD_ADDRESS", "“not an address” is not an e-mail address."],
      [8, "BAD_ADDRESS", "No e-mail address is given."],
      [9, "BAD_LANGUAGE", "“de” is not one of the six UN languages: ar, zh, en, fr, ru or es."],
      [
        10,
        "BAD_ROW",
        "The line has 5 values but the first line names 4 columns: put a value that contains a comma in quotation marks.",
      ],
    ]);
  });

  it("gives one mark per line, the first that applies", () => {
    // A repeated address on a line whose country is unknown too is a duplicate; an address with an
    // account is already invited, whatever its country.
    expect(
      marks(
        ["KEN,a@example.org,A,", "Narnia,a@example.org,A,xx", "Narnia,known@example.org,K,xx"],
        ["known@example.org"],
      ).map(([, mark]) => mark),
    ).toEqual(["NEW", "DUPLICATE", "ALREADY_INVITED"]);
  });

  it("names the country and the language of a line whatever its mark, but sends none of them", () => {
    const rows = classify(["KEN,a@x.org,A,en", "Kenya,A@x.org,B,fr", "Rwanda,nope,C,es"]);
    expect(rows.map((r) => [r.classification, r.countryCode, r.languageCode])).toEqual([
      ["NEW", "KEN", "en"],
      ["DUPLICATE", "KEN", "fr"],
      ["BAD_ADDRESS", "RWA", "es"],
    ]);
  });

  it("keeps the normalised address of each distinct address only once", () => {
    const rows = classify(["KEN,A@x.org,A,", "KEN,a@X.org,B,", "KEN,bad,C,", "KEN,bad,D,"]);
    expect(rows.map((r) => r.email)).toEqual(["a@x.org", null, null, null]);
    expect(rows.map((r) => r.address)).toEqual(["A@x.org", "a@X.org", "bad", "bad"]);
  });

  it("refuses a value longer than an e-mail address can be, and keeps only the start of it", () => {
    const long = "a".repeat(MAX_VALUE_CHARS + 1);
    const rows = classify([`KEN,a@x.org,${long},`, `KEN,${long}@x.org,B,`]);
    expect(rows.map((r) => [r.classification, r.reason])).toEqual([
      ["BAD_ROW", "The name is longer than 254 characters."],
      ["BAD_ROW", "The email is longer than 254 characters."],
    ]);
    expect(rows[0]!.name).toHaveLength(MAX_VALUE_CHARS);
  });

  it("looks up only the well-formed addresses, normalised", () => {
    const rows = rowsOf(
      "country,email,name\nKEN,A@x.org,A\nKEN,a@x.org,B\nKEN,nope,C\nKEN,b@x.org,C,extra",
    );
    expect(candidateEmails(rows)).toEqual(["a@x.org"]);
  });

  it("counts the marks", () => {
    const counts = countClasses(classify(["KEN,a@x.org,A,", "KEN,a@x.org,A,", "KEN,b@x.org,B,"]));
    expect(counts).toMatchObject({ NEW: 2, DUPLICATE: 1, BAD_ROW: 0 });
  });
});

describe("2,000 lines of the worst values, in linear time", () => {
  // Each value at the cap in every shape that has made a regular expression backtrack (the
  // shared pathological texts): on one line in two the address goes through zod's e-mail check,
  // on the other the country through the names' normalisation and the language through its
  // check. Linear, 2,000 lines take 40–140 ms on a loaded 2-core machine; the bound is 1 s.
  for (const [shape, text] of Object.entries(pathologicalTexts(MAX_VALUE_CHARS))) {
    it(shape, async () => {
      const value = `"${text.replaceAll('"', '""')}"`;
      const line = (i: number) =>
        i % 2 === 0 ? `KEN,${value},${value},en` : `${value},a${i}@example.org,${value},${value}`;
      const file = (fraction: number) =>
        rowsOf(
          [
            "country,email,name,language",
            ...Array.from({ length: Math.max(2, Math.floor(MAX_ROWS * fraction)) }, (_, i) =>
              line(i),
            ),
          ].join("\n"),
        );
      const marked = countClasses(
        classifyRows(file(1), new Set(), english.copy.invitations.reasons),
      );
      expect(marked.BAD_ADDRESS + marked.UNKNOWN_COUNTRY).toBe(MAX_ROWS);
      await expectLinear(
        (fraction) => {
          const rows = file(fraction);
          return () =>
            classifyRows(rows, new Set(candidateEmails(rows)), english.copy.invitations.reasons);
        },
        1,
        1_000,
      );
    });
  }
});
