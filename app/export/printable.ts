import type { Answers } from "~/questionnaire/types";

/**
 * One response as the printable view shows it (print page and published page): a submission's
 * snapshot, or the working answers of a response never submitted (a draft). Dates are ISO
 * strings so the object travels from loader to page unchanged.
 */
export type PrintableResponse = {
  country: { code: string; name: string; region: string };
  roundId: string;
  roundName: string;
  /** The response's status, or null when nobody has started it. */
  status: string | null;
  /** Which answers these are: a submission's number, or the draft. */
  version: { kind: "submission"; number: number } | { kind: "draft" };
  submittedAt: string | null;
  acceptedAt: string | null;
  /** "YYYY-MM-DD" as written on the questionnaire, or null. */
  responseDate: string | null;
  imported: boolean;
  authorizePublication: boolean | null;
  answers: Answers;
};
