import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFor } from "./catalogues.server";
import { locales } from "./locale";

// The event log names every kind of event the code records, in every language (a new kind
// without a name would show as "user.signed_in").

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [path] : [];
  });
}

const recorded = new Set(
  sourceFiles("app").flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /"((?:response|round|user|security|invitations)\.[a-z_]+)"/g,
      ),
    ].map((match) => match[1]!),
  ),
);

describe("the event log's names of events", () => {
  it("finds the kinds the code records", () => {
    expect(recorded).toContain("user.signed_in");
    expect(recorded).toContain("response.submitted");
  });

  for (const locale of locales) {
    it(`names every kind in ${locale}`, () => {
      const kinds = copyFor(locale).eventLog.kinds as Record<string, string>;
      expect([...recorded].filter((kind) => !kinds[kind])).toEqual([]);
    });
  }
});
