import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docxFromText, pdfFromText, scannedPdf } from "~/import/documents-generator.test-helper";
import { inEnglish } from "~/import/messages.test-helper";
import type { ImportWarning } from "~/import/problems";
import { fieldKeys } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";

// The command-line importer as other programs see it: its standard output, its exit status.

const RESPONSES = "prisma/seed-data/msq2020";
const FILES = [
  `${RESPONSES}/000_f67a2f1eeb1a7d5d.txt`,
  `${RESPONSES}/001_75d5de339dd5517f.txt`,
  `${RESPONSES}/002_a69647225b3eefc9.txt`,
  `${RESPONSES}/004_b7f91dc1669b0703.txt`,
];
const BRIEF = "tests/fixtures/not-an-msq-response.txt";
// A database that does not exist: a dry run must not create it (nor need it).
const NO_DATABASE = path.join(mkdtempSync(path.join(tmpdir(), "msq-import-")), "never.db");

const DEFINITION = "app/questionnaire/definitions/msq-2020.json";

/** A dry run against the MSQ 2020's definition file: no database at all. */
function run(...args: string[]) {
  const withDefinition = args.includes("--dry-run") ? ["--definition", DEFINITION, ...args] : args;
  const result = spawnSync("npx", ["tsx", "scripts/import-msq.ts", ...withDefinition], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${NO_DATABASE}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RESPONSE_KEYS = [
  "file",
  "country",
  "response_date",
  "authorize_publication",
  "answers",
  "warnings",
];

describe("import:msq --dry-run --json", { timeout: 60_000 }, () => {
  it("prints one JSON array, one object per file, and exits 1 when a file is refused", () => {
    const { status, stdout } = run("--dry-run", "--json", ...FILES, BRIEF);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(5);
    expect(results.map((r) => r.file)).toEqual([...FILES, BRIEF]);
    for (const result of results.slice(0, 4)) {
      expect(Object.keys(result)).toEqual(RESPONSE_KEYS);
      expect(Object.keys(result.answers as object)).toEqual(fieldKeys(msq2020));
      expect(result.response_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Each warning's code and values, and its message in English.
      for (const warning of result.warnings as (ImportWarning & { message: string })[]) {
        expect(Object.keys(warning)).toEqual(["field", "code", "values", "message"]);
        expect(warning.message).toBe(inEnglish(warning));
      }
    }
    expect(results.map((r) => r.country)).toEqual(["RWA", "TJK", "QAT", "IRN", undefined]);
    expect(results.map((r) => r.authorize_publication)).toEqual([
      true,
      null,
      null,
      null,
      undefined,
    ]);
    expect(results[4]).toEqual({
      file: BRIEF,
      error:
        "not-an-msq-response.txt: This is not an MSQ 2020 response: none of the questionnaire's questions were found.",
    });
    expect(existsSync(NO_DATABASE)).toBe(false);
  });

  it("reads a directory's .txt and .md files in order, and exits 0", () => {
    const { status, stdout } = run("--dry-run", "--json", "--round", "2020", RESPONSES);
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as { file: string; answers: Record<string, unknown> }[];
    expect(results.map((r) => r.file)).toEqual(FILES);
    expect(results[0]!.answers.q1_national_portal).toBe("https://irembo.gov.rw");
  });

  it("prints nothing on standard output without --json, and a summary on standard error", () => {
    const { status, stdout, stderr } = run("--dry-run", FILES[0]!);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("Rwanda (RWA), dated 2019-03-30, publication authorised: yes");
    expect(stderr).toMatch(/\d+ of 53 MSQ 2020 answers found, 3 warning\(s\)/);
  });

  it.each([
    [["--dry-run", "--json", "--verbose", FILES[0]!], /unknown option --verbose/],
    [["--dry-run", "--json"], /no files given/],
    [["--dry-run", "--json", "--round", "1999", FILES[0]!], /defines round 2020, not 1999/],
    [["--json", "--definition", DEFINITION, FILES[0]!], /--definition checks files only/],
    [["--dry-run", "--json", "--round"], /--round needs a value/],
  ])("exits 2 on bad arguments %j", (args, message) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("refuses empty, binary, non-UTF-8, oversized and missing files with clear errors", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "msq-bad-"));
    const files = {
      "empty.txt": Buffer.alloc(0),
      "binary.txt": Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x01]),
      "latin1.txt": Buffer.from("R\xe9ponse du Burkina Faso", "latin1"),
      "huge.txt": Buffer.alloc(2 * 1024 * 1024 + 1, "a"),
    };
    for (const [name, content] of Object.entries(files))
      writeFileSync(path.join(dir, name), content);
    const given = [
      ...Object.keys(files).map((name) => path.join(dir, name)),
      path.join(dir, "missing.txt"),
    ];
    const { status, stdout } = run("--dry-run", "--json", ...given);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as { file: string; error: string }[];
    expect(results.map((r) => r.file)).toEqual(given);
    expect(results.map((r) => r.error)).toEqual([
      "empty.txt is empty.",
      expect.stringMatching(/^binary\.txt is a binary file/),
      expect.stringMatching(/^latin1\.txt is not UTF-8 text/),
      expect.stringMatching(/^huge\.txt is too large \(2\.0 MB; the limit is 2\.0 MB\)/),
      expect.stringMatching(/missing\.txt: no such file/),
    ]);
  });

  it("reads Word and PDF files as their text, ticks included, and refuses a scan", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "msq-import-documents-"));
    const rwanda = readFileSync(FILES[0]!, "utf8");
    writeFileSync(path.join(dir, "a-rwanda.docx"), docxFromText(rwanda, "formFields"));
    writeFileSync(path.join(dir, "b-rwanda.pdf"), await pdfFromText(rwanda));
    writeFileSync(path.join(dir, "c-scan.pdf"), await scannedPdf());
    const documents = run("--dry-run", "--json", dir);
    const text = run("--dry-run", "--json", FILES[0]!);
    expect(documents.status).toBe(1);
    const [docx, pdf, scan] = JSON.parse(documents.stdout) as Record<string, unknown>[];
    const [expected] = JSON.parse(text.stdout) as Record<string, unknown>[];
    for (const read of [docx, pdf]) {
      expect(read!.country).toBe("RWA");
      expect(read!.authorize_publication).toBe(true);
      expect(read!.answers).toEqual(expected!.answers);
    }
    expect(scan!.error).toMatch(/^c-scan\.pdf holds no text, only images/);
  });
});
