import { canonicalJson } from "~/questionnaire/canonical-json";
import { findMemberState } from "~/countries";
import { JsonExportError, parseJsonExport, type ParsedJsonExport } from "~/export/json-parse";
import type { Questionnaire } from "~/questionnaire";
import { checkFile } from "./check-file";
import { parseMsqDocument, type ParsedMsq } from "./parse-msq";
import { problem, problemOf, refusal, type ImportRefusal } from "./problems";

// One uploaded or given file, from bytes to a response that can be imported, or a clear refusal.
// Pure, so that the command-line importer and an upload page refuse the same files the same way.
// A file is either one converted questionnaire (.txt, .md) or the portal's own JSON export,
// which holds any number of responses.

export type ReadResponse = ParsedMsq & { country: string };

export type DocumentReading =
  | { ok: true; parsed: ReadResponse }
  | { ok: false; error: ImportRefusal };

/** One response read from a file, as the importer files it. */
export type DocumentItem = {
  /** Where the response is recorded as coming from: the file's name, or "<file>#<country>". */
  source: string;
  /** What identifies its content (hashed by the caller): the file, or the response's canonical JSON. */
  content: Uint8Array | string;
  parsed: ReadResponse;
};

export type DocumentItems =
  | { ok: true; items: DocumentItem[] }
  | { ok: false; error: ImportRefusal };

/** A converted questionnaire (.txt, .md): its one response, or why it cannot be filed. */
export function readMsqDocument(
  bytes: Uint8Array,
  name: string,
  questionnaire: Questionnaire,
): DocumentReading {
  const file = checkFile(bytes, name);
  if (!file.ok) return file;
  return readMsqText(file.text, name, questionnaire);
}

/** Every response in a file: one for a questionnaire, one per response for a JSON export. */
export function readMsqItems(
  bytes: Uint8Array,
  name: string,
  questionnaire: Questionnaire,
): DocumentItems {
  const file = checkFile(bytes, name);
  if (!file.ok) return file;
  if (isJsonFile(name, file.text)) return readJsonExport(file.text, name, questionnaire);
  const reading = readMsqText(file.text, name, questionnaire);
  if (!reading.ok) return reading;
  return { ok: true, items: [{ source: name, content: bytes, parsed: reading.parsed }] };
}

/** Named .json, or text that opens like JSON: no converted questionnaire starts with "{". */
export const isJsonFile = (name: string, text: string) =>
  /\.json$/i.test(name) || /^\uFEFF?\s*\{/.test(text);

/** A questionnaire's text, converted or extracted from a document: its one response. */
export function readMsqText(
  text: string,
  name: string,
  questionnaire: Questionnaire,
): DocumentReading {
  const parsed = parseMsqDocument(text, questionnaire);
  if (!parsed.ok)
    return { ok: false, error: refusal(problem("inFile", { name, problem: parsed.error })) };
  if (!parsed.country || !findMemberState(parsed.country)) {
    // The header's warning says why: not found, or not the name of a Member State.
    const warning = parsed.warnings.find((w) => w.field === "country");
    const why = warning ? problemOf(warning) : problem("countryNotFound");
    return { ok: false, error: refusal(problem("countryNotKnown", { name, why })) };
  }
  return { ok: true, parsed: { ...parsed, country: parsed.country } };
}

function readJsonExport(text: string, name: string, questionnaire: Questionnaire): DocumentItems {
  let exported: ParsedJsonExport;
  try {
    exported = parseJsonExport(text, questionnaire);
  } catch (error) {
    if (error instanceof JsonExportError) {
      const invalid = problem("inFile", { name, problem: problem("invalidJsonExport") });
      return { ok: false, error: refusal(invalid, error.problems) };
    }
    throw error;
  }
  if (exported.responses.length === 0)
    return { ok: false, error: refusal(problem("emptyExport", { name })) };
  const items = exported.responses.map(
    ({ warnings, ...response }): DocumentItem => ({
      source: `${name}#${response.country}`,
      // Only what is imported: a later export of the same answers (another date, status or
      // country name) is recognised as the same content.
      content: canonicalJson(response),
      parsed: {
        ok: true,
        country: response.country,
        responseDate: response.response_date,
        authorizePublication: response.authorize_publication,
        answers: response.answers,
        warnings,
      },
    }),
  );
  return { ok: true, items };
}

export { canonicalJson };
