// `npx tsx scripts/i18n-check.ts fr`: compares one language's catalogue with the English one and
// lists every missing or extra message and every message whose arguments differ. The same rule is
// a unit test (app/i18n/catalogues.test.ts); this prints all problems at once for a translator.
import { readFileSync } from "node:fs";
import { catalogueProblems } from "~/i18n/catalogue-problems";

const locale = process.argv[2];
if (!locale) {
  console.error("usage: tsx scripts/i18n-check.ts <ar|zh|fr|ru|es>");
  process.exit(2);
}
const read = (name: string): unknown =>
  JSON.parse(readFileSync(`app/i18n/catalogues/${name}.json`, "utf8"));
const problems = catalogueProblems(read("en"), read(locale));
for (const problem of problems) console.log(problem);
console.log(
  problems.length === 0 ? `${locale}: no problems` : `${locale}: ${problems.length} problems`,
);
process.exit(problems.length === 0 ? 0 : 1);
