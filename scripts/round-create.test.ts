import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { inEnglish } from "~/questionnaire/definition-messages.test-helper";
import { definitionProblem } from "~/questionnaire/definition-problems";

// `npm run round:create` as an administrator's terminal sees it, on the test database. The
// round is only created (a draft): opening it would change the round other test files use.

const FIXTURE = "tests/fixtures/msq-next-round.json";
const dir = mkdtempSync(path.join(tmpdir(), "msq-round-"));

function run(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/round-create.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env },
  });
  return { status: result.status, stderr: result.stderr };
}

afterAll(async () => {
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: "2027-cli" } });
  await prisma.round.deleteMany({ where: { id: "2027-cli" } });
  await prisma.$disconnect();
});

describe("round:create", { timeout: 60_000 }, () => {
  it("lists a bad file's problems with their paths, stores nothing and exits 1", async () => {
    const definition = JSON.parse(readFileSync(FIXTURE, "utf8"));
    definition.round = "2027-cli";
    definition.sections[0].questions[3].when = { field: "q99_later", equals: "yes" };
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(definition));
    const { status, stderr } = run("--definition", file);
    expect(status).toBe(1);
    expect(stderr).toContain(
      inEnglish({
        path: "sections[0].questions[3].when",
        ...definitionProblem("notEarlierQuestion", { field: "q99_later" }),
      }),
    );
    expect(stderr).toContain('"q99_later" is not a question before this one');
    expect(await prisma.round.count({ where: { id: "2027-cli" } })).toBe(0);
  });

  it("creates a draft round from a good file, and says so; the same file again changes nothing", async () => {
    const definition = JSON.parse(readFileSync(FIXTURE, "utf8"));
    definition.round = "2027-cli";
    const file = path.join(dir, "good.json");
    writeFileSync(file, JSON.stringify(definition));
    const first = run("--definition", file, "--deadline", "2027-06-30");
    expect(first.stderr).toContain("created the round 2027-cli (a draft) from version 1");
    expect(first.status).toBe(0);
    const round = await prisma.round.findUniqueOrThrow({ where: { id: "2027-cli" } });
    expect(round.status).toBe("DRAFT");
    expect(run("--definition", file).stderr).toContain("is already stored");
  });

  it("exits 2 on bad arguments, before reading any database", () => {
    expect(run("--deadline", "2027-06-30")).toMatchObject({ status: 2 });
    expect(run("--definition", FIXTURE, "--open")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--open needs --deadline"),
    });
    expect(run("--definition", FIXTURE, "--deadline", "30/06/2027").status).toBe(2);
  });
});
