// `npm run round:create -- --definition FILE --deadline YYYY-MM-DD [--opens YYYY-MM-DD] [--open]`
// Creates a round from a definition file (or stores a new version of an existing round's
// definition: wording only, once the round is open), and with --open opens it: the previous
// round closes and each country's response starts from its latest submission. The same as the
// admin's Rounds page. Exit status: 0 done, 1 refused (the reason on standard error), 2 bad arguments.
import { readFile } from "node:fs/promises";
import { copyFor } from "~/i18n/catalogues.server";
import { definitionMessage } from "~/questionnaire/definition-messages";
import { parseDefinition } from "~/questionnaire/definition-schema";

const USAGE =
  "usage: npm run round:create -- --definition FILE --deadline YYYY-MM-DD [--opens YYYY-MM-DD] [--open]";
const log = (line: string) => process.stderr.write(`${line}\n`);
/** The command speaks English, as the other commands do. */
const english = copyFor("en");

type Options = { definition: string; deadline: Date | null; opensAt: Date | null; open: boolean };

function day(value: string | undefined, end: boolean): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T${end ? "23:59:59" : "00:00:00"}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseArguments(argv: string[]): Options | { error: string } {
  let definition: string | null = null;
  let deadline: Date | null = null;
  let opensAt: Date | null = null;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--open") open = true;
    else if (arg === "--definition") definition = argv[++i] ?? null;
    else if (arg === "--deadline") {
      deadline = day(argv[++i], true);
      if (!deadline) return { error: "--deadline must be a date YYYY-MM-DD." };
    } else if (arg === "--opens") {
      opensAt = day(argv[++i], false);
      if (!opensAt) return { error: "--opens must be a date YYYY-MM-DD." };
    } else return { error: `unknown argument ${arg}.` };
  }
  if (!definition) return { error: "--definition FILE is required." };
  if (open && !deadline) return { error: "--open needs --deadline: focal points are told it." };
  return { definition, deadline, opensAt, open };
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if ("error" in options) {
    log(`round:create: ${options.error}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(options.definition, "utf8");
  } catch (error) {
    log(`round:create: cannot read ${options.definition}: ${(error as Error).message}`);
    return 2;
  }
  const parsed = parseDefinition(text, "en");
  if (!parsed.ok) {
    log(`round:create: ${options.definition} is not a valid definition:`);
    for (const issue of parsed.issues) log(`  ${definitionMessage(english, issue)}`);
    return 1;
  }
  const { openRound, RoundError, storeDefinition } = await import("~/rounds/rounds.server");
  const { prisma } = await import("~/db.server");
  try {
    const stored = await storeDefinition(parsed.definition, null);
    const what = {
      created_round: `created the round ${stored.roundId} (a draft) from version ${stored.version}`,
      added_version: `stored version ${stored.version} of the round ${stored.roundId}`,
      unchanged: `version ${stored.version} of the round ${stored.roundId} is already stored`,
      translations_updated: `the translations of version ${stored.version} of the round ${stored.roundId} were replaced`,
    }[stored.outcome];
    log(`round:create: ${what}.`);
    if (options.open) {
      const opened = await openRound({
        roundId: stored.roundId,
        deadline: options.deadline!,
        opensAt: options.opensAt,
        actorId: null,
      });
      log(
        `round:create: opened ${opened.roundId}, due ${options.deadline!.toISOString().slice(0, 10)}; ${opened.carried} response(s) start from ${opened.previousRoundId ?? "nothing"}.`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof RoundError)) throw error;
    log(`round:create: ${definitionMessage(english, error.problem)}`);
    for (const detail of error.details) log(`  ${definitionMessage(english, detail)}`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
