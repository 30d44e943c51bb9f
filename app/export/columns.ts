import { enExports } from "~/i18n/en-exports";
import { kindOf, type ExportPart } from "~/questionnaire/question-types";
import type { Question, Questionnaire } from "~/questionnaire/types";
import type { Cell, ExportRow } from "./row";

// The spreadsheet columns (CSV and XLSX), generated from the questionnaire definition so that a
// new question or option is exported without touching this file. Headers are the FIELDS.md keys:
// the public contract analysts' spreadsheets rely on.

export type Column = {
  /** The header: a field key, `<key>.<option>` for a multi option, or a metadata name. */
  name: string;
  cell: (row: ExportRow) => Cell;
};

export type ColumnDescription = {
  column: string;
  /** "I. Institutional Framework", or "Response" for the metadata columns. */
  section: string;
  question: string;
  option: string;
  values: string;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

const METADATA_COLUMNS: readonly (Column & { values: string })[] = [
  { name: "country_code", values: "code", cell: (row) => row.countryCode },
  { name: "country_name", values: "text", cell: (row) => row.countryName },
  { name: "region", values: "text", cell: (row) => row.region },
  { name: "status", values: "code", cell: (row) => row.status },
  { name: "imported", values: "flag", cell: (row) => flag(row.imported) },
  { name: "submitted_at", values: "date", cell: (row) => iso(row.submittedAt) },
  { name: "accepted_at", values: "date", cell: (row) => iso(row.acceptedAt) },
  {
    name: "authorize_publication",
    values: "authorisation",
    cell: (row) => flag(row.authorizePublication),
  },
];

/** A question's columns: its own, or one per option (multiple choice), from its type's entry. */
function questionColumns(question: Question): (Column & { part: ExportPart })[] {
  return kindOf(question)
    .columns(question)
    .map((part) => ({
      name: part.option ? `${question.key}.${part.option.key}` : question.key,
      part,
      cell: (row: ExportRow) => part.cell(row.answers[question.key]),
    }));
}

/** One column per field key (per option for multi), in questionnaire order: no metadata. */
export function answerColumns(questionnaire: Questionnaire): (Column & { part: ExportPart })[] {
  return questionnaire.sections.flatMap((section) => section.questions.flatMap(questionColumns));
}

/** Metadata first, then one column per field key (per option for multi) in questionnaire order. */
export function exportColumns(questionnaire: Questionnaire): Column[] {
  return [...METADATA_COLUMNS, ...answerColumns(questionnaire)];
}

/** The raw cells of one row (not yet neutralised against formulas: see safe-cell.ts). */
export function rowCells(columns: readonly Column[], row: ExportRow): Cell[] {
  return columns.map((column) => column.cell(row));
}

/** What each column holds, in column order: for the XLSX "Columns" sheet. */
export function columnDescriptions(questionnaire: Questionnaire): ColumnDescription[] {
  const copy = enExports;
  const metadata = METADATA_COLUMNS.map((column) => ({
    column: column.name,
    section: copy.columnsSheet.header,
    question: copy.metadataColumns[column.name] ?? "",
    option: "",
    values: copy.values[column.values as keyof typeof copy.values],
  }));
  const questions = questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      questionColumns(question).map(({ name, part }) => ({
        section: `${section.id}. ${section.title}`,
        question: question.text,
        column: name,
        option: part.option?.text ?? "",
        values: copy.values[part.values],
      })),
    ),
  );
  return [...metadata, ...questions];
}
