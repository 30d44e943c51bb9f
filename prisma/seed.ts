// `npm run db:seed`: the 193 Member States and the questionnaire rounds, the completed MSQ 2020
// questionnaires DESA already has (prisma/seed-data, imported as submitted responses), then
// demo accounts, only in demo mode (DEMO_MODE=true; never with --no-demo). `--remove-demo` deletes
// the demo accounts, which a portal outside demo mode refuses to start with. Idempotent: running it again changes
// nothing (an import already done is recognised by its content hash) and keeps every answer.
import { memberStates } from "~/countries";
import { copyFor } from "~/i18n/catalogues.server";
import { expandPaths, importMsqFile, isRefused } from "~/import/import-file.server";
import { importMessage, refusalText } from "~/import/import-messages";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { bundledDefinitions } from "~/questionnaire/definitions";
import { openRound, storeDefinition } from "~/rounds/rounds.server";
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
  // The rounds whose definitions ship with the portal (the MSQ 2020), open as they were when
  // DESA collected them. A round DESA creates later comes from Admin › Rounds instead.
  for (const definition of bundledDefinitions) {
    const stored = await storeDefinition(definition, null, { translationsMayChange: true });
    if (stored.outcome === "created_round")
      await openRound({ roundId: stored.roundId, deadline: SEED_DEADLINE, actorId: null });
  }
}

/** The MSQ 2020 was due in 2019; what the seeded round shows as its deadline. */
const SEED_DEADLINE = new Date("2019-06-30T23:59:59Z");

export const SEED_RESPONSES_DIR = "prisma/seed-data/msq2020";

/** Imports the seed responses through the importer; a refusal (a response people edited) is reported. */
export async function seedResponses() {
  for (const file of await expandPaths([SEED_RESPONSES_DIR])) {
    const result = await importMsqFile(file, {
      questionnaire: await requireQuestionnaire("2020"),
      dryRun: false,
      force: false,
    });
    const english = copyFor("en");
    const what = result.ok
      ? `${result.parsed.country} ${result.import?.kind}`
      : refusalText(english, result.error);
    const reason = result.ok && isRefused(result) ? result.import?.reason : undefined;
    console.error(`  ${file}: ${what}${reason ? ` (${importMessage(english, reason)})` : ""}`);
  }
}

/** The countries that demo focal points answer for: those with a seeded response. */
export const DEMO_COUNTRIES = ["RWA", "TJK", "QAT", "IRN"];

if (process.argv[1]?.endsWith("seed.ts")) {
  await seedReferenceData();
  console.error(
    `seeded ${memberStates.length} Member States and ${bundledDefinitions.length} round(s)`,
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
