import type { Answers } from "~/questionnaire/types";

/**
 * One exported response: the latest submission's snapshot (answers and authorisation), with the
 * response's and the country's metadata. Built by export.server.ts, formatted by the pure
 * modules next to this one.
 */
export type ExportRow = {
  countryCode: string;
  countryName: string;
  region: string;
  status: string;
  imported: boolean;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  /** "YYYY-MM-DD" as written on an imported document, or null. */
  responseDate: string | null;
  authorizePublication: boolean | null;
  /** The version of the round's definition the submission was made against. */
  definitionVersion: number;
  answers: Answers;
};

/** A spreadsheet cell: text, a number (0/1 flags) or nothing. */
export type Cell = string | number | null;
