import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { CSV_BOM, csvChunks, csvField, csvRecord, toCsv } from "./csv";
import { AWKWARD_ANSWERS, exportRow } from "./rows.test-helper";

function read(csv: string) {
  return parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<
    string,
    string
  >[];
}

describe("CSV export", () => {
  it("quotes only the fields that need it, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("one\r\ntwo")).toBe('"one\r\ntwo"');
    expect(csvField(1)).toBe("1");
    expect(csvField(null)).toBe("");
    expect(csvRecord(["a", null, 0, "=1"])).toBe("a,,0,'=1\r\n");
  });

  it("starts with a BOM and ends every row with CRLF", async () => {
    const csv = await toCsv(msq2020, [exportRow(), exportRow({ countryCode: "SWE" })]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const header = csv.slice(1, csv.indexOf("\r\n")).split(",");
    // Written out here, not derived from exportColumns (which the CSV itself is made from).
    expect(header.slice(0, 10)).toEqual([
      "country_code",
      "country_name",
      "region",
      "status",
      "imported",
      "submitted_at",
      "accepted_at",
      "authorize_publication",
      "q1_national_portal",
      "q2a_eservices_portal",
    ]);
    expect(header.slice(-3)).toEqual(["x2_heard_from.facebook", "x2_heard_from.other", "x2_other"]);
    expect(header).toHaveLength(97);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("survives a real CSV parser: long texts, line breaks, quotes and Arabic intact", async () => {
    const long = `${"A long answer, with commas; ".repeat(400)}end`;
    const rows = [exportRow({ answers: { ...exportRow().answers, q14_social_media: long } })];
    const [record] = read(await toCsv(msq2020, rows));
    expect(record!.q14_social_media).toBe(long);
    expect(record!.q6_development_strategy).toBe(AWKWARD_ANSWERS.q6_development_strategy);
    expect(record!.q1_national_portal).toBe(AWKWARD_ANSWERS.q1_national_portal);
    expect(record!.q7_egov_strategy).toBe(AWKWARD_ANSWERS.q7_egov_strategy);
    expect(record!.q4_cio_name).toBe(`'${AWKWARD_ANSWERS.q4_cio_name as string}`);
    expect(record!.q4_cio_phone).toBe("'+250 788 000 000");
    expect(record!.x2_other).toBe("'@someone on social media");
    expect(record!["x2_heard_from.other"]).toBe("1");
    expect(record!.country_name).toBe("Norway");
  });

  it("streams one row per chunk after the header", async () => {
    const chunks: string[] = [];
    for await (const chunk of csvChunks(msq2020, [exportRow(), exportRow()])) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks.join("")).toBe(await toCsv(msq2020, [exportRow(), exportRow()]));
  });

  it("writes only the header when nothing matches", async () => {
    expect(read(await toCsv(msq2020, []))).toEqual([]);
  });
});
