// The texts scripts/word-processor-counts.py has LibreOffice count, as JSON on stdout: the
// long-text answers of the seed responses (prisma/seed-data/msq2020, as the importer reads
// them), then the texts given as JSON on stdin ([["source", "text"], …]); each with, where it
// differs, the text without what LibreOffice counts differently from Word's rule (decision 016).
//   echo '[]' | npx tsx scripts/word-processor-texts.ts
import { readdirSync, readFileSync } from "node:fs";
import { copyFor } from "~/i18n/catalogues.server";
import { importMessage } from "~/import/import-messages";
import { parseMsqDocument } from "~/import/parse-msq";
import { allQuestions } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { withoutLibreOfficeDifferences } from "~/questionnaire/word-processor.test-helper";

/** prisma/seed.ts's SEED_RESPONSES_DIR (that module opens the database when imported). */
const SEED_RESPONSES_DIR = "prisma/seed-data/msq2020";

const texts: [string, string][] = [];
for (const file of readdirSync(SEED_RESPONSES_DIR).sort()) {
  const result = parseMsqDocument(readFileSync(`${SEED_RESPONSES_DIR}/${file}`, "utf8"), msq2020);
  if (!result.ok) throw new Error(`${file}: ${importMessage(copyFor("en"), result.error)}`);
  for (const question of allQuestions(msq2020)) {
    const text = result.answers[question.key];
    if (question.type === "longtext" && typeof text === "string" && text.trim() !== "")
      texts.push([`${file} ${result.country} ${question.key}`, text]);
  }
}
texts.push(...(JSON.parse(readFileSync(0, "utf8")) as [string, string][]));

const out = texts.map(([source, text]) => {
  const without = withoutLibreOfficeDifferences(text);
  return { source, text, ...(without === text ? {} : { withoutDifferences: without }) };
});
console.log(JSON.stringify(out, null, 2));
