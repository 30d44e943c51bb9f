import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseJsonExport, type JsonExport } from "~/export/json";
import { allQuestions, completeAnswers } from "~/questionnaire";
import { localizeDefinition } from "~/questionnaire/localize";
import { msq2020, msq2020Definition } from "~/questionnaire/msq2020.test-helper";
import { readWorkbook } from "~/export/xlsx.test-helper";

// The command-line export as other programs see it: the file on standard output (or in --out),
// messages on standard error, the exit status. Runs against the test database.

const ESTONIA = completeAnswers(msq2020, {
  q1_national_portal: "https://www.eesti.ee\nhttps://e-estonia.example",
  q4_cio_name: "=1+2",
  q7_egov_strategy: "استراتيجية",
  q8_strategy_features: ["once_only"],
});
const LATVIA = completeAnswers(msq2020, { q14_social_media: "Latvia, accepted" });

function run(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/export-msq.ts", ...args], {
    env: { ...process.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

afterAll(() => prisma.$disconnect());

beforeAll(async () => {
  const countries = { EST: ["SUBMITTED", ESTONIA], LVA: ["ACCEPTED", LATVIA] } as const;
  await prisma.response.deleteMany({
    where: { roundId: "2020", countryCode: { in: ["EST", "LVA"] } },
  });
  for (const [countryCode, [status, answers]] of Object.entries(countries)) {
    await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode,
        status,
        questionnaireVersion: msq2020.version,
        answers,
        fieldVersions: {},
        submittedAt: new Date(),
        submissions: {
          create: {
            number: 1,
            questionnaireVersion: msq2020.version,
            answers,
            authorizePublication: countryCode === "LVA",
          },
        },
      },
    });
  }
});

describe("export:msq", { timeout: 60_000 }, () => {
  it("writes the CSV on standard output and a summary on standard error", () => {
    const { status, stdout, stderr } = run("--format", "csv", "--region", "Europe");
    expect(status, stderr).toBe(0);
    const records = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    const estonia = records.find((r) => r.country_code === "EST")!;
    expect(estonia).toMatchObject({
      country_name: "Estonia",
      q1_national_portal: ESTONIA.q1_national_portal,
      q4_cio_name: "'=1+2",
      q7_egov_strategy: "استراتيجية",
      "q8_strategy_features.once_only": "1",
    });
    expect(records.every((r) => r.region === "Europe")).toBe(true);
    expect(stderr).toMatch(/^export-msq: \d+ response\(s\), CSV, round 2020/m);
  });

  it("writes a binary-safe XLSX on standard output", async () => {
    const { status, stdout, stderr } = run("--format", "xlsx", "--status", "ACCEPTED");
    expect(status, stderr).toBe(0);
    expect(stdout.subarray(0, 2).toString("latin1")).toBe("PK");
    const workbook = await readWorkbook(stdout);
    const sheet = workbook.getWorksheet("Answers")!;
    const codes = sheet.getColumn(1).values.slice(2);
    expect(codes).toContain("LVA");
    expect(codes).not.toContain("EST");
  });

  it("writes JSON to --out with nothing on standard output", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "msq-export-")), "export.json");
    const { status, stdout, stderr } = run(
      "--format=json",
      "--status",
      "SUBMITTED,ACCEPTED",
      "--authorised-only",
      "--round",
      "2020",
      "--out",
      out,
    );
    expect(status, stderr).toBe(0);
    expect(stdout.length).toBe(0);
    const parsed = parseJsonExport(readFileSync(out, "utf8"), msq2020);
    expect(parsed.responses.find((r) => r.country === "LVA")?.answers).toEqual(LATVIA);
    expect(parsed.responses.map((r) => r.country)).not.toContain("EST");
    expect(stderr).toContain(out);
  });

  it("writes the texts in the language of --lang, the keys and answers unchanged", () => {
    const { status, stdout, stderr } = run("--format", "json", "--lang", "fr");
    expect(status, stderr).toBe(0);
    const document = JSON.parse(stdout.toString("utf8")) as JsonExport;
    expect(document.language).toBe("fr");
    const french = localizeDefinition(msq2020Definition, "fr");
    expect(document.texts.questions.q4_has_cio!.text).toBe(
      allQuestions(french).find((q) => q.key === "q4_has_cio")!.text,
    );
    expect(
      parseJsonExport(stdout.toString("utf8"), msq2020).responses.find((r) => r.country === "EST")
        ?.answers,
    ).toEqual(ESTONIA);
  });

  it("writes the long CSV: one row per answered field, with the round and definition version", () => {
    const { status, stdout, stderr } = run("--format", "long-csv", "--round", "2020");
    expect(status, stderr).toBe(0);
    const records = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    const estonia = records.filter((r) => r.country_code === "EST");
    expect(estonia).toContainEqual({
      country_code: "EST",
      country_name: "Estonia",
      round: "2020",
      definition_version: "1",
      key: "q8_strategy_features.once_only",
      value: "1",
    });
    expect(estonia.find((r) => r.key === "q4_cio_name")?.value).toBe("'=1+2");
    expect(stderr).toMatch(/^export-msq: \d+ response\(s\), LONG-CSV, round 2020/m);
  });

  it.each([
    [[], /--format is required/],
    [["--format", "csv", "--round", "2020,2026"], /one round, not 2020, 2026/],
    [["--format", "long-csv", "--round", "1999"], /no questionnaire for round "1999"/],
    [["--format", "pdf"], /--format must be csv, xlsx or json/],
    [["--format", "csv", "--status", "DRAFT"], /unknown status DRAFT/],
    [["--format", "csv", "--region", "Atlantis"], /unknown region "Atlantis"/],
    [["--format", "csv", "--round", "1999"], /no questionnaire for round "1999"/],
    [["--format", "csv", "--colour"], /unknown argument --colour/],
    [["--format", "csv", "--out"], /--out needs a value/],
    [["--format", "xlsx", "--lang", "de"], /--lang must be one of ar, zh, en, fr, ru, es, not de/],
  ])("exits 2 on bad arguments %j, with the reason and usage on standard error", (args, reason) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stdout.length).toBe(0);
    expect(stderr).toMatch(reason);
    expect(stderr).toContain("usage: npm run --silent export:msq --");
  });
});
