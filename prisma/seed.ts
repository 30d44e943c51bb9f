// `npm run db:seed`: the 193 Member States and the questionnaire rounds, the completed MSQ 2020
// questionnaires DESA already has (prisma/seed-data, imported as submitted responses), then
// demo accounts, only in demo mode (DEMO_MODE=true; never with --no-demo). `--remove-demo` deletes
// the demo accounts, which a portal outside demo mode refuses to start with. Idempotent: running it again changes
// nothing (an import already done is recognised by its content hash) and keeps every answer.
import { memberStates } from "~/countries";
import { expandPaths, importMsqFile, isRefused } from "~/import/import-file.server";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { msq2020, questionnaires } from "~/questionnaire";
import { DEMO_PASSWORD, removeDemoAccounts, seedDemoAccounts } from "./seed-demo";

export async function seedReferenceData() {
  for (const state of memberStates) {
    const data = { name: state.name, region: state.region };
    await prisma.country.upsert({
      where: { code: state.code },
      create: { code: state.code, ...data },
      update: data,
    });
  }
  for (const questionnaire of Object.values(questionnaires)) {
    await prisma.round.upsert({
      where: { id: questionnaire.round },
      create: {
        id: questionnaire.round,
        name: `MSQ ${questionnaire.round}`,
        questionnaireVersion: questionnaire.version,
      },
      update: { questionnaireVersion: questionnaire.version },
    });
  }
}

export const SEED_RESPONSES_DIR = "prisma/seed-data/msq2020";

/** Imports the seed responses through the importer; a refusal (a response people edited) is reported. */
export async function seedResponses() {
  for (const file of await expandPaths([SEED_RESPONSES_DIR])) {
    const result = await importMsqFile(file, {
      questionnaire: msq2020,
      dryRun: false,
      force: false,
    });
    const what = result.ok ? `${result.parsed.country} ${result.import?.kind}` : result.error;
    console.error(
      `  ${file}: ${what}${isRefused(result) && result.import?.reason ? ` (${result.import.reason})` : ""}`,
    );
  }
}

/** The countries that demo focal points answer for: those with a seeded response. */
export const DEMO_COUNTRIES = ["RWA", "TJK", "QAT", "IRN"];

if (process.argv[1]?.endsWith("seed.ts")) {
  await seedReferenceData();
  console.error(
    `seeded ${memberStates.length} Member States and ${Object.keys(questionnaires).length} round(s)`,
  );
  console.error("importing the MSQ 2020 responses DESA already has:");
  await seedResponses();
  if (process.argv.includes("--remove-demo")) {
    console.error(`removed ${await removeDemoAccounts()} demo account(s)`);
  } else if (env.DEMO_MODE && !process.argv.includes("--no-demo")) {
    const accounts = await seedDemoAccounts(DEMO_COUNTRIES);
    console.error(`demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of accounts)
      console.error(`  ${account.email.padEnd(28)} ${account.role} ${account.countries.join(" ")}`);
  } else {
    console.error("no demo accounts (DEMO_MODE is off)");
  }
  await prisma.$disconnect();
}
