// Exports the submitted MSQ responses of a round, as the reviewers' download does.
//
//   npm run --silent export:msq -- --format csv|xlsx|json|long-csv [--status SUBMITTED,ACCEPTED]
//       [--region Africa] [--authorised-only] [--round 2020] [--lang fr] [--out FILE]
//
// --format           csv, xlsx or json: one round, a row per response; long-csv: several rounds,
//                    a row per answered field (required)
// --status           statuses to include, comma-separated or repeated (default SUBMITTED,ACCEPTED;
//                    any of SUBMITTED, RETURNED, ACCEPTED)
// --region           a UN region (Africa, Americas, Asia, Europe, Oceania)
// --authorised-only  only responses whose submitted version authorises publication
// --round            the survey round (default: the round answered now); for long-csv, the
//                    rounds, comma-separated or repeated (default: every round but drafts)
// --lang             the language of the XLSX's and JSON's texts (questions, sheet names,
//                    labels): ar, zh, en, fr, ru or es (default en); keys never change with it
// --out              write to FILE instead of standard output
// The file goes to standard output (binary-safe) unless --out is given; every message goes to
// standard error. Exit status: 0 written, 1 failed, 2 bad arguments.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import {
  type ExportChoice,
  type ExportFormat,
  exportRoundIds,
  isExportFormat,
  isWideExportFormat,
  parseRegion,
  parseStatuses,
} from "~/export/filters";
import { isLocale, locales, type Locale } from "~/i18n/locale";

/** `rounds` empty: the round focal points answer now (long-csv: every readable round). */
type Options = {
  format: ExportFormat;
  filters: ExportChoice;
  rounds: string[];
  locale: Locale;
  out: string | null;
};

const USAGE =
  "usage: npm run --silent export:msq -- --format csv|xlsx|json|long-csv [--status SUBMITTED,ACCEPTED] [--region REGION] [--authorised-only] [--round ROUND] [--lang LANG] [--out FILE]";

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArguments(argv: string[]): Options | { error: string } | { help: true } {
  let format: string | null = null;
  let region: string | null = null;
  const rounds: string[] = [];
  let out: string | null = null;
  let lang = "en";
  let authorisedOnly = false;
  const statuses: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--authorised-only" || arg === "--authorized-only") {
      authorisedOnly = true;
      continue;
    }
    const [name, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (!["--format", "--status", "--region", "--round", "--lang", "--out"].includes(name!))
      return { error: `unknown argument ${arg}.` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return { error: `${name} needs a value.` };
    if (name === "--format") format = value.toLowerCase();
    else if (name === "--status") statuses.push(value);
    else if (name === "--region") region = value;
    else if (name === "--round") rounds.push(...value.split(",").map((r) => r.trim()));
    else if (name === "--lang") lang = value.toLowerCase();
    else out = value;
  }
  if (!format) return { error: "--format is required." };
  if (!isExportFormat(format))
    return {
      error: `--format must be csv, xlsx or json (one round), or long-csv (several), not ${format}.`,
    };
  const roundIds = exportRoundIds(format, [...new Set(rounds.filter((r) => r !== ""))]);
  if (!roundIds.ok) return { error: `--round: ${roundIds.error}` };
  const status = parseStatuses(statuses);
  if (!status.ok) return { error: `--status: ${status.error}` };
  const place = parseRegion(region);
  if (!place.ok) return { error: `--region: ${place.error}` };
  if (!isLocale(lang))
    return { error: `--lang must be one of ${locales.join(", ")}, not ${lang}.` };
  return {
    format,
    out,
    locale: lang,
    rounds: roundIds.value,
    filters: { statuses: status.value, region: place.value, authorisedOnly },
  };
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if ("help" in options) {
    log(USAGE);
    return 0;
  }
  if ("error" in options) {
    log(`export-msq: ${options.error}\n${USAGE}`);
    return 2;
  }
  if (options.format === "xlsx" && !options.out && process.stdout.isTTY) {
    log("export-msq: an XLSX file is binary: use --out FILE or redirect standard output.");
    return 2;
  }
  // Loaded only now, so that bad arguments never need a database.
  const { streamExport, streamLongExport } = await import("~/export/export.server");
  const { prisma } = await import("~/db.server");
  const { readableRounds } = await import("~/models/round.server");
  const { knownRound } = await import("./round-argument");
  try {
    const wide = isWideExportFormat(options.format) ? options.format : null;
    const roundIds: string[] = [];
    if (wide || options.rounds.length > 0) {
      for (const id of wide ? [options.rounds[0] ?? null] : options.rounds) {
        const round = await knownRound(id);
        if ("error" in round) {
          log(`export-msq: ${round.error}\n${USAGE}`);
          return 2;
        }
        roundIds.push(round.id);
      }
    } else roundIds.push(...(await readableRounds()).map((round) => round.id));
    const started = performance.now();
    const file = wide
      ? await streamExport(
          wide,
          { ...options.filters, roundId: roundIds[0]! },
          { locale: options.locale },
        )
      : await streamLongExport(roundIds, options.filters);
    const destination = options.out ? createWriteStream(options.out) : process.stdout;
    await pipeline(file.body, destination);
    const f = options.filters;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log(
      `export-msq: ${file.responses} response(s), ${options.format.toUpperCase()}, round${roundIds.length > 1 ? "s" : ""} ${roundIds.join(", ")} (${f.statuses.join(", ")}${f.region ? `, ${f.region}` : ""}${f.authorisedOnly ? ", authorised only" : ""}) written to ${options.out ?? "standard output"} in ${seconds} s.`,
    );
    return 0;
  } catch (error) {
    // The reader stopped reading (e.g. `| head`): what it wanted, not a failure to report.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
    log(`export-msq: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
