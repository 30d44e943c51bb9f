import { completeAnswers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { Answers } from "~/questionnaire/types";
import type { ExportRow } from "./row";

// Exported rows for the unit tests: the awkward answers an export must carry intact.

export const AWKWARD_ANSWERS: Answers = {
  q1_national_portal: "https://portal.gov.example\nhttps://services.gov.example",
  q4_has_cio: "yes",
  q4_cio_name: '=HYPERLINK("http://evil.example","click")',
  q4_cio_phone: "+250 788 000 000",
  q6_development_strategy: 'Vision 2050, "the plan", with commas, quotes\r\nand CRLF line breaks.',
  q7_egov_strategy: "الاستراتيجية الوطنية للحكومة الإلكترونية 2025",
  q8_strategy_features: ["implementation_plan", "aligned_sdgs"],
  q9_legal_framework: null,
  q10_collects_usage_stats: "no",
  q15_new_tech_strategy: [],
  x2_heard_from: ["other"],
  x2_other: "@someone on social media",
};

export function exportRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    countryCode: "NOR",
    countryName: "Norway",
    region: "Europe",
    status: "SUBMITTED",
    imported: false,
    submittedAt: new Date("2026-03-30T09:15:00.000Z"),
    acceptedAt: null,
    responseDate: null,
    authorizePublication: true,
    definitionVersion: msq2020.version,
    answers: completeAnswers(msq2020, AWKWARD_ANSWERS),
    ...overrides,
  };
}
