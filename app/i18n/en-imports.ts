// English copy for the administrators' import page (/admin/imports).
// Other languages provide the same shape.
export const enImports = {
  round: "Round",
  roundHint: "The questionnaire the file answers: its questions are matched against that round's.",
  unknownRound: "Choose a round from the list (an open or closed round).",
  title: "Import a document",
  intro:
    "Upload a completed questionnaire converted to text (.txt or .md), or a JSON export of this portal. Nothing is written until you have checked what was read and confirmed.",
  uploadTitle: "Upload a file",
  uploadAnotherTitle: "Upload another file",
  file: "File to import",
  fileHint: "A .txt, .md or .json file of at most 2 MB.",
  read: "Read the file",
  chooseFile: "Choose a file to upload.",
  wrongType: (name: string) =>
    `${name} is not a .txt, .md or .json file. Convert the questionnaire to text first.`,
  tooLarge:
    "The file is larger than 2 MB. A questionnaire's text is far smaller: check that it is the right file.",
  previewTitle: (name: string) => `What was read from ${name}`,
  previewIntro: "Nothing has been written yet. Check the answers and the warnings, then confirm.",
  country: "Country",
  responseDate: "Response date",
  authorisation: "Publication authorised",
  answersFound: "Answers found",
  answersFoundValue: (found: number, total: number) => `${found} of ${total}`,
  warnings: "Warnings",
  warningCount: (n: number) => `${n} ${n === 1 ? "warning" : "warnings"}`,
  warningsTitle: (n: number) =>
    n === 0
      ? "No warnings: everything was read with certainty."
      : `What could not be read with certainty (${n})`,
  wholeDocument: "The whole document",
  yes: "Yes",
  no: "No",
  notStated: "Not stated",
  noDate: "No date",
  willDo: "What importing will do",
  /** What confirming would do, before anything is written. */
  planned: {
    created: (country: string) => `Create the response of ${country}, as submitted.`,
    replaced: (country: string) =>
      `Replace the imported response of ${country}; what it replaces is kept in the event log.`,
    unchanged: (country: string) =>
      `Identical: nothing to do. The response of ${country} already holds these answers.`,
    refused: (country: string, reason: string) => `Refuse the response of ${country}: ${reason}`,
  },
  severalTitle: (n: number) => `The file holds ${n} responses`,
  confirmTitle: "Confirm the import",
  force: "Replace the response even though people have worked on it",
  forceHint:
    "Their answers are kept in the event log, but the response will hold this file's answers.",
  confirmOne: "Import this response",
  confirmMany: (n: number) => `Import these ${n} responses`,
  uploadGone:
    "The uploaded file is no longer on the server (it is kept for a day). Upload it again.",
  outcomeTitle: "Result of the import",
  /** What confirming did. */
  outcome: {
    created: (country: string) => `Created the response of ${country}.`,
    replaced: (country: string) => `Replaced the response of ${country}.`,
    unchanged: (country: string) =>
      `Identical: nothing to do. The response of ${country} already holds these answers; nothing was written.`,
    refused: (country: string, reason: string) => `Refused the response of ${country}: ${reason}`,
  },
  review: (country: string) => `Review the response of ${country}`,
  refusedFile: "The file cannot be imported; nothing was written.",
  /** Reading the file in its worker thread took longer than the time allowed. */
  readTooSlow: (name: string, seconds: number) =>
    `${name} could not be read within ${seconds} seconds, far longer than a questionnaire takes: it is refused. Check that it is a questionnaire converted to text.`,
  /** The worker thread stopped without reading the file. */
  readFailed: (name: string) =>
    `${name} could not be read: the reader stopped before it finished. Nothing was written; check the file, or ask the portal's maintainers.`,
};
