import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectLinear } from "~/questionnaire/timing.test-helper";
import {
  type CsvReading,
  decodeCsv,
  MAX_FILE_BYTES,
  MAX_ROWS,
  readCsvRecords,
  readInvitationCsv,
} from "./csv-rows";
import { copyFor } from "~/i18n/catalogues.server";

const english = { copy: copyFor("en"), locale: "en" as const };

const rowsOf = (reading: CsvReading) => {
  if (!reading.ok) throw new Error(reading.error);
  return reading.rows;
};
const errorOf = (reading: CsvReading) => (reading.ok ? null : reading.error);

describe("reading the CSV of focal points", () => {
  it("reads the columns by name, in any order and case, with a BOM and CRLF", () => {
    const text = "\uFEFFName,E-MAIL,Country,Language\r\nWanjiru Kamau,w@ict.go.ke,KEN,en\r\n";
    expect(rowsOf(readInvitationCsv(text, english))).toEqual([
      {
        line: 2,
        fieldCount: 4,
        columnCount: 4,
        country: "KEN",
        email: "w@ict.go.ke",
        name: "Wanjiru Kamau",
        language: "en",
      },
    ]);
  });

  it("reads quoted values: commas, doubled quotation marks and line breaks inside", () => {
    const text = [
      "country,email,name",
      '"Korea, Republic of",a@example.org,"Kim ""Jay"" Lee"',
      'KEN,b@example.org,"Two',
      'lines"',
      "RWA,c@example.org,Last",
    ].join("\n");
    const rows = rowsOf(readInvitationCsv(text, english));
    expect(rows.map((r) => [r.line, r.country, r.name])).toEqual([
      [2, "Korea, Republic of", 'Kim "Jay" Lee'],
      [3, "KEN", "Two\nlines"],
      // Line numbers count the lines of the file, so the quoted line break moves this one on.
      [5, "RWA", "Last"],
    ]);
  });

  it("leaves out blank lines, reads a missing language as none and ignores other columns", () => {
    const text = "country,email,name,phone\n\nKEN,a@example.org,A,+254\n\r\n";
    const rows = rowsOf(readInvitationCsv(text, english));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 3, language: null, fieldCount: 4, columnCount: 4 });
  });

  it("reads missing trailing values as empty, and counts extra ones", () => {
    const rows = rowsOf(
      readInvitationCsv("country,email,name,language\nKEN,a@x.org\nKEN,b,c,d,e", english),
    );
    expect(rows[0]).toMatchObject({ name: "", language: "", fieldCount: 2 });
    expect(rows[1]).toMatchObject({ fieldCount: 5, columnCount: 4 });
  });

  it("reads the semicolons Excel writes in French or Spanish settings", () => {
    const rows = rowsOf(
      readInvitationCsv('country;email;name\nFRA;a@x.org;"Martin; Luc"', english),
    );
    expect(rows[0]).toMatchObject({ country: "FRA", email: "a@x.org", name: "Martin; Luc" });
  });

  it("says what is wrong with a file it cannot read", () => {
    expect(errorOf(readInvitationCsv("", english))).toBe("The file is empty.");
    expect(errorOf(readInvitationCsv("\uFEFF\r\n\r\n", english))).toBe("The file is empty.");
    expect(errorOf(readInvitationCsv("country,email,name\r\n", english))).toBe(
      "The file has its header line but no focal points below it.",
    );
    expect(errorOf(readInvitationCsv("KEN,a@x.org,Ann\n", english))).toBe(
      "The first line must name the columns country, email and name (and, if you like, language); it lacks country, email and name.",
    );
    expect(errorOf(readInvitationCsv("country,email,name,Email\n", english))).toBe(
      "The column email is named twice on the first line.",
    );
    expect(
      errorOf(readInvitationCsv('country,email,name\nKEN,a@x.org,"Ann\nRWA,b@x.org,Bo', english)),
    ).toBe('Line 2: a value opens a quotation mark (") that is never closed.');
    expect(
      errorOf(readInvitationCsv('country,email,name\n\nKEN,a@x.org,"Ann" Lee\n', english)),
    ).toMatch(/^Line 3: a quoted value is followed by more text/);
  });

  it("refuses more than 2,000 focal points, and takes exactly 2,000", () => {
    const file = (n: number) =>
      ["country,email,name", ...Array.from({ length: n }, (_, i) => `KEN,a${i}@x.org,A`)].join(
        "\n",
      );
    expect(rowsOf(readInvitationCsv(file(MAX_ROWS), english))).toHaveLength(MAX_ROWS);
    expect(errorOf(readInvitationCsv(file(MAX_ROWS + 1), english))).toBe(
      "The file has more than 2,000 focal points: split it into files of at most 2,000.",
    );
  });

  it("decodes UTF-8 only", () => {
    expect(decodeCsv(new TextEncoder().encode("\uFEFFcountry,Côte d'Ivoire"))).toBe(
      "country,Côte d'Ivoire",
    );
    expect(decodeCsv(new Uint8Array([0x63, 0xf4, 0x74, 0x65]))).toBeNull(); // "côte" in Latin-1
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]))).toBeNull(); // a .xlsx
  });
});

describe("the RFC 4180 reader", () => {
  // Any values, written as RFC 4180 says (quoted when they hold a quotation mark, a delimiter or a
  // line break), read back the same, and the same as csv-parse reads them.
  const value = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', "\r", "\n", "\r\n", ";") }),
    fc.string({ unit: "grapheme" }),
  );
  const record = fc.array(value, { minLength: 1, maxLength: 5 });
  const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

  it("reads back what a writer wrote, as csv-parse does", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        (records, eol) => {
          // A record of one empty value is a blank line: left out by both readers.
          const written = records.filter((r) => !(r.length === 1 && r[0] === ""));
          const text = written.map((r) => r.map(quoted).join(",")).join(eol);
          const ours = readCsvRecords(text);
          expect(ours.ok).toBe(true);
          if (!ours.ok) return;
          expect(ours.records.map((r) => r.fields)).toEqual(written);
          const theirs = parse(text, { relax_column_count: true, skip_empty_lines: true });
          expect(ours.records.map((r) => r.fields)).toEqual(theirs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on any text: records or a reason", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", ",", '"', "\r", "\n", "\uFEFF") }),
        (t) => {
          const reading = readInvitationCsv(t, english);
          expect(typeof reading.ok).toBe("boolean");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the largest files, in linear time", () => {
  // A file of MAX_FILE_BYTES in each shape that could make a reader rescan its input. Linear,
  // each reads in 2–40 ms; the bound is 1 s, failing only if the time also grows faster than
  // the file (timing.test-helper.ts).
  const header = "country,email,name,language\n";
  const fill = (unit: string, fraction: number, start = "", end = "") =>
    start + unit.repeat(Math.floor((MAX_FILE_BYTES * fraction - start.length) / unit.length)) + end;
  const shapes: Record<string, (fraction: number) => string> = {
    "one quoted value of 1 MB": (f) => fill("a", f, `${header}KEN,a@x.org,"`, '"'),
    "doubled quotation marks": (f) => fill('""', f, `${header}KEN,a@x.org,"`, '"'),
    "quoted line breaks": (f) => fill("\r\n", f, `${header}KEN,a@x.org,"`, '"'),
    "an unclosed quotation mark": (f) => fill("a,\n", f, `${header}KEN,a@x.org,"`),
    "commas on one line": (f) => fill(",", f, `${header}KEN,a@x.org,A`),
    "blank lines": (f) => fill("\r\n", f, header),
    "2,000 long lines": (f) => {
      const n = Math.max(1, Math.floor(MAX_ROWS * f));
      const long = "x".repeat(Math.floor(MAX_FILE_BYTES / MAX_ROWS) - 30);
      return (
        header + Array.from({ length: n }, (_, i) => `KEN,a${i}@x.org,"${long}",en`).join("\n")
      );
    },
  };

  for (const [name, make] of Object.entries(shapes)) {
    it(name, async () => {
      expect(make(1).length).toBeLessThanOrEqual(MAX_FILE_BYTES + 1);
      await expectLinear(
        (fraction) => {
          const text = make(fraction);
          return () => readInvitationCsv(text, english);
        },
        1,
        1_000,
      );
    });
  }

  it("reads the 1 MB value whole", () => {
    const reading = readInvitationCsv(shapes["one quoted value of 1 MB"]!(1), english);
    expect(rowsOf(reading)[0]!.name.length).toBeGreaterThan(MAX_FILE_BYTES - 100);
  });
});
