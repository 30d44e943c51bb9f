import { readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a generated file, or with `--check` fails (exit 1) when the committed one differs from
 * what would be written: how `npm test` keeps generated files current.
 */
export function writeOrCheck(file: string, text: string, command: string): void {
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(file, "utf8");
    } catch {
      // missing: out of date
    }
    if (committed !== text) {
      console.error(`${file} is out of date: run ${command}`);
      process.exit(1);
    }
    console.error(`${file} is up to date`);
  } else {
    writeFileSync(file, text);
    console.error(`wrote ${file}`);
  }
}
