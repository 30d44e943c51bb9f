// Imports completed MSQ questionnaires (Word .docx and PDF files, or their text converted to .txt
// or .md), and the portal's own JSON export (each response in it is imported on its own).
//
//   npm run --silent import:msq -- [--dry-run] [--json] [--force] [--round 2020]
//                                  [--definition FILE] FILE_OR_DIR...
//
// --dry-run  read and check only; nothing is written anywhere
// --json     print one JSON array on standard output, one object per questionnaire file and
//            one per response of a JSON export (everything else goes to standard error)
// --force    replace a response that people have edited since it was imported
// --round    the survey round (default: the round answered now), its definition from the database
// --definition  with --dry-run: check the files against a definition file instead, without any
//            database (before a round is created from it, say)
// A directory means its .docx, .pdf, .txt, .md and .json files, sorted.
// Exit status: 0 every response read (and filed), 1 some file or response refused, 2 bad arguments.
import {
  expandPaths,
  importMsqFileItems,
  isRefused,
  resultJson,
  type FileResult,
} from "~/import/import-file.server";
import { findMemberState } from "~/countries";
import { copyFor } from "~/i18n/catalogues.server";
import { importMessage, refusalText } from "~/import/import-messages";
import { problem, refusal } from "~/import/problems";
import type { Questionnaire } from "~/questionnaire";
import { definitionFile, knownRound } from "./round-argument";

/** `round` null: the round focal points answer now. */
type Options = {
  dryRun: boolean;
  json: boolean;
  force: boolean;
  round: string | null;
  definition: string | null;
  paths: string[];
};

const USAGE =
  "usage: npm run --silent import:msq -- [--dry-run] [--json] [--force] [--round ROUND] FILE_OR_DIR...";

function parseArguments(argv: string[]): Options | { error: string } | { help: true } {
  const options: Options = {
    dryRun: false,
    json: false,
    force: false,
    round: null,
    definition: null,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--dry-run") options.dryRun = true;
    else if (arg === "--json") options.json = true;
    else if (arg === "--force") options.force = true;
    else if (arg === "--round" || arg.startsWith("--round=")) {
      const value = arg === "--round" ? argv[++i] : arg.slice("--round=".length);
      if (!value) return { error: "--round needs a value, e.g. --round 2020." };
      options.round = value;
    } else if (arg === "--definition" || arg.startsWith("--definition=")) {
      const value = arg === "--definition" ? argv[++i] : arg.slice("--definition=".length);
      if (!value) return { error: "--definition needs a file." };
      options.definition = value;
    } else if (arg.startsWith("-")) return { error: `unknown option ${arg}.` };
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return { error: "no files given." };
  if (options.definition && !options.dryRun)
    return {
      error:
        "--definition checks files only (with --dry-run): an import files them into a round the portal has.",
    };
  return options;
}

const log = (line = "") => process.stderr.write(`${line}\n`);

/** What the importer found, in English: the command's operators read English. */
const english = copyFor("en");

function progress(done: number, total: number, file: string) {
  if (!process.stderr.isTTY) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${file}`;
  process.stderr.write(
    `\r${bar.slice(0, (process.stderr.columns || 80) - 1).padEnd(Math.min(bar.length, 79))}`,
  );
  if (done === total) process.stderr.write(`\r${" ".repeat(Math.min(bar.length, 79))}\r`);
}

function summarise(result: FileResult, questionnaire: Questionnaire) {
  if (!result.ok) {
    log(`✗ ${result.file}\n    refused: ${refusalText(english, result.error)}`);
    return;
  }
  const { parsed } = result;
  const total = Object.keys(parsed.answers).length;
  const found = Object.values(parsed.answers).filter((v) => v !== null).length;
  const authorised =
    parsed.authorizePublication === null ? "unknown" : parsed.authorizePublication ? "yes" : "no";
  // One response of an export is named after the file and its country.
  const name = result.source.includes("#") ? `${result.file}#${parsed.country}` : result.file;
  log(`${result.import?.kind === "refused" ? "✗" : "✓"} ${name}`);
  log(
    `    ${findMemberState(parsed.country)?.name ?? ""} (${parsed.country}), dated ${parsed.responseDate ?? "(no date)"}, publication authorised: ${authorised}`,
  );
  log(
    `    ${found} of ${total} MSQ ${questionnaire.round} answers found, ${parsed.warnings.length} warning(s)`,
  );
  for (const w of parsed.warnings)
    log(`      - ${w.field ?? "(document)"}: ${importMessage(english, w)}`);
  if (result.import) {
    const { kind, responseId, reason } = result.import;
    const why = reason ? `: ${importMessage(english, reason)}` : "";
    log(`    import: ${kind}${responseId ? ` (response ${responseId})` : ""}${why}`);
  }
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if ("help" in options) {
    log(USAGE);
    return 0;
  }
  if ("error" in options) {
    log(`import-msq: ${options.error}\n${USAGE}`);
    return 2;
  }
  const round = options.definition
    ? await definitionFile(options.definition, options.round)
    : await knownRound(options.round);
  if ("error" in round) {
    log(`import-msq: ${round.error}`);
    return 2;
  }
  const questionnaire = round.questionnaire;
  const files = await expandPaths(options.paths);
  if (files.length === 0) {
    log(
      `import-msq: no .docx, .pdf, .txt, .md or .json files in ${options.paths.join(", ")}.\n${USAGE}`,
    );
    return 2;
  }

  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    if (!options.json) progress(i, files.length, file);
    try {
      results.push(
        ...(await importMsqFileItems(file, {
          questionnaire,
          dryRun: options.dryRun,
          force: options.force,
        })),
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      results.push({
        ok: false,
        file,
        error: refusal(problem("importFailed", { name: file, detail })),
      });
    }
    if (!options.json) progress(i + 1, files.length, file);
  }
  if (!options.dryRun) {
    const { prisma } = await import("~/db.server");
    await prisma.$disconnect();
  }

  if (options.json) {
    const json = results.map((result) => resultJson(result, english));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else for (const result of results) summarise(result, questionnaire);
  const refused = results.filter(isRefused).length;
  const written = options.dryRun ? " (dry run: nothing was written)" : "";
  // An export holds several responses: then the count is of responses, not files.
  const counted =
    results.length === files.length
      ? `${files.length} file(s)`
      : `${files.length} file(s), ${results.length} response(s)`;
  log(`${counted}: ${results.length - refused} read, ${refused} refused${written}.`);
  return refused > 0 ? 1 : 0;
}

process.exitCode = await main();
