import type { Copy } from "~/i18n/copy";
import { kindOf, type ExportPart } from "~/questionnaire/question-types";
import type { Question, Questionnaire, Section } from "~/questionnaire/types";
import type { Cell, ExportRow } from "./row";

// The spreadsheet columns (CSV and XLSX), generated from the questionnaire definition so that a
// new question or option is exported without touching this file. Headers are the FIELDS.md keys:
// the public contract analysts' spreadsheets rely on, the same in every language. Only the
// descriptions (the XLSX "Columns" sheet) are in the language of the export: its copy and its
// localized questionnaire.

/** The exports' copy of one language: `copyFor(locale).exports`. */
export type ExportsCopy = Copy["exports"];
type MetadataName = keyof ExportsCopy["metadataColumns"];
type ValuesKind = keyof ExportsCopy["values"];

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

const METADATA_COLUMNS: readonly (Column & { name: MetadataName; values: ValuesKind })[] = [
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

/** A section as the exports name it: "I. Institutional Framework". */
export const sectionLabel = (section: Section) => `${section.id}. ${section.title}`;

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

/**
 * What each column holds, in column order, for the XLSX "Columns" sheet: in the language of
 * `copy` and of `questionnaire` (the round's questionnaire localized in that language).
 */
export function columnDescriptions(
  questionnaire: Questionnaire,
  copy: ExportsCopy,
): ColumnDescription[] {
  const metadata = METADATA_COLUMNS.map((column) => ({
    column: column.name,
    section: copy.columnsSheet.header,
    question: copy.metadataColumns[column.name],
    option: "",
    values: copy.values[column.values],
  }));
  const questions = questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      questionColumns(question).map(({ name, part }) => ({
        section: sectionLabel(section),
        question: question.text,
        column: name,
        option: part.option?.text ?? "",
        values: copy.values[part.values],
      })),
    ),
  );
  return [...metadata, ...questions];
}
