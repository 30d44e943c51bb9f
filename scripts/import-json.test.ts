import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonExport } from "~/export/json";
import { fieldKeys } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";

// The portal's JSON export as the command-line importer reads it: what export:msq writes,
// import:msq --dry-run --json reads back as one result per response, with the same answers.

const dir = mkdtempSync(path.join(tmpdir(), "msq-import-json-"));
// A database that does not exist: a dry run must not create it (nor need it).
const NO_DATABASE = path.join(dir, "never.db");
const RWANDA = "prisma/seed-data/msq2020/000_f67a2f1eeb1a7d5d.txt";

function run(script: string, args: string[], databaseUrl: string | undefined) {
  const result = spawnSync("npx", ["tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const importDryRun = (...paths: string[]) =>
  run(
    "scripts/import-msq.ts",
    [
      "--dry-run",
      "--json",
      "--definition",
      "app/questionnaire/definitions/msq-2020.json",
      ...paths,
    ],
    `file:${NO_DATABASE}`,
  );

describe("import:msq --dry-run --json on a JSON export", { timeout: 60_000 }, () => {
  it("gives one result per exported response, with the exported answers, and exits 0", () => {
    // The run's seeded database (tests/integration/global-setup.ts) holds submitted responses.
    const file = path.join(dir, "export.json");
    const exported = run(
      "scripts/export-msq.ts",
      ["--format", "json", "--out", file],
      process.env.DATABASE_URL,
    );
    expect(exported.status, exported.stderr).toBe(0);
    const document = JSON.parse(readFileSync(file, "utf8")) as JsonExport;
    expect(document.responses.map((r) => r.country)).toEqual(
      expect.arrayContaining(["RWA", "TJK", "QAT", "IRN"]),
    );

    const { status, stdout } = importDryRun(file);
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results).toEqual(
      document.responses.map((response) => ({
        file,
        country: response.country,
        response_date: response.response_date,
        authorize_publication: response.authorize_publication,
        answers: response.answers,
        warnings: [],
      })),
    );
    for (const result of results) {
      expect(Object.keys(result)).toEqual([
        "file",
        "country",
        "response_date",
        "authorize_publication",
        "answers",
        "warnings",
      ]);
      expect(Object.keys(result.answers as object)).toEqual(fieldKeys(msq2020));
    }
    expect(existsSync(NO_DATABASE)).toBe(false);
  });

  it("reads a directory's .json files with its .txt files, and refuses JSON that is not an export", () => {
    const folder = mkdtempSync(path.join(dir, "mixed-"));
    const rwanda = path.join(folder, "a-rwanda.txt");
    copyFileSync(RWANDA, rwanda);
    const exportFile = path.join(folder, "b-export.json");
    writeFileSync(
      exportFile,
      JSON.stringify({
        format: "msq-export",
        version: 1,
        round: "2020",
        responses: [
          { country: "ISL", response_date: "2019-05-02", authorize_publication: true, answers: {} },
          { country: "LUX", response_date: null, authorize_publication: false, answers: {} },
        ],
      }),
    );
    const other = path.join(folder, "c-package.json");
    writeFileSync(other, JSON.stringify({ name: "not-an-export", version: "1.0.0" }));
    writeFileSync(path.join(folder, "d-notes.csv"), "not read");

    const { status, stdout, stderr } = importDryRun(folder);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results.map((r) => [r.file, r.country ?? null])).toEqual([
      [rwanda, "RWA"],
      [exportFile, "ISL"],
      [exportFile, "LUX"],
      [other, null],
    ]);
    expect(results[1]).toMatchObject({
      response_date: "2019-05-02",
      authorize_publication: true,
      warnings: [
        {
          field: null,
          code: "fieldsNotInFile",
          message: expect.stringMatching(/taken as not answered/),
        },
      ],
    });
    expect(results[3]).toEqual({
      file: other,
      error:
        'c-package.json: This is not a valid MSQ JSON export:\n- "format" must be "msq-export".',
    });
    expect(stderr).toContain("3 file(s), 4 response(s): 3 read, 1 refused");
  });
});
