// The administrators' Rounds pages: creating, previewing, opening and closing rounds.
export const enRounds = {
  title: "Rounds",
  intro:
    "Each round of the MSQ is a definition file: its sections, questions, follow-ups and texts. Upload it to create the round as a draft, check every section in the preview, then open it for the 193 Member States.",
  schemaHint:
    "Editors such as Visual Studio Code check a definition file as it is written against its JSON Schema:",
  rounds: "Rounds",
  round: "Round",
  status: "Status",
  version: "Definition version",
  deadline: "Deadline",
  responses: "Responses",
  noRounds: "No round yet.",
  statuses: { DRAFT: "Draft", OPEN: "Open", CLOSED: "Closed" } as Record<string, string>,
  uploadTitle: "Upload a definition file",
  uploadHint:
    "A .json file (at most 1 MB). A new round is created as a draft. A file for an existing round, with a higher version, replaces its wording; once a round is open, keys, types and options cannot change.",
  file: "Definition file",
  upload: "Check and upload",
  chooseFile: "Choose a definition file.",
  wrongType: (name: string) => `${name} is not a .json file.`,
  tooLarge: "The file is over 1 MB.",
  notUtf8: "The file is not UTF-8 text.",
  invalid: (count: number) =>
    `The file has ${count} ${count === 1 ? "problem" : "problems"}. Fix ${count === 1 ? "it" : "them"} and upload it again:`,
  refused: "The file was not stored:",
  created: (round: string) => `The round ${round} was created as a draft. Check its preview.`,
  addedVersion: (round: string, version: number) =>
    `Version ${version} of the round ${round} is stored: focal points now see its wording.`,
  unchanged: (round: string, version: number) =>
    `Version ${version} of the round ${round} is already stored: nothing changed.`,
  back: "All rounds",
  roundTitle: (name: string) => name,
  facts: "About this round",
  opened: "Opened",
  closed: "Closed",
  carriedFrom: "Answers carried from",
  versions: "Definition versions",
  versionLine: (version: number, at: string) => `Version ${version}, stored ${at}`,
  preview: "Preview",
  previewIntro:
    "Each section exactly as focal points will see it: try the follow-ups, choices and word counters. Nothing you type here is saved.",
  previewNav: "Sections of the preview",
  openTitle: "Open the round",
  openIntro: (previous: string | null) =>
    previous
      ? `Focal points can answer from the start date. The round ${previous} closes, and each country's response starts from its latest ${previous} submission: every answer whose question is unchanged is carried forward, for the country to confirm or update.`
      : "Focal points can answer from the start date.",
  opensAt: "Start date",
  opensAtHint: "Leave empty to open today.",
  deadlineHint: "Focal points see it on every page and in the invitations and reminders.",
  open: "Open the round",
  openedNotice: (carried: number, previous: string | null) =>
    previous
      ? `The round is open. ${carried} ${carried === 1 ? "country's response starts" : "countries' responses start"} from their ${previous} answers.`
      : "The round is open.",
  closeTitle: "Close the round",
  closeIntro: "Once closed, nobody can change its responses; they stay readable and exportable.",
  close: "Close the round",
  closedNotice: "The round is closed.",
  dateInvalid: "Enter a date as year-month-day, such as 2026-06-30.",
  deadlineRequired: "Enter the deadline.",
  deadlineBeforeStart: "The deadline must be after the start date.",
  questionsCount: (sections: number, questions: number) =>
    `${sections} sections, ${questions} questions`,
};
