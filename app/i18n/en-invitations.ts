// English copy for inviting focal points in bulk (/admin/invitations).
// Other languages provide the same shape.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the preview found for a line (app/invitations/classify.ts). */
export type RowClassName =
  | "NEW"
  | "ALREADY_INVITED"
  | "DUPLICATE"
  | "UNKNOWN_COUNTRY"
  | "BAD_ADDRESS"
  | "BAD_LANGUAGE"
  | "BAD_ROW";

/** Where a row's sending is (app/invitations/send-batch.server.ts). */
export type RowStatusName = "PENDING" | "SENDING" | "SENT" | "FAILED" | "SKIPPED";

export const enInvitations = {
  title: "Invite focal points in bulk",
  intro:
    "Upload a CSV file with one focal point a line. You see what each line will do before anything is sent; then each new focal point receives an invitation naming the round and its deadline.",
  uploadTitle: "Upload a CSV file",
  file: "CSV file of focal points",
  fileHint: "A .csv file of at most 1 MB and 2,000 lines.",
  formatIntro:
    "One focal point a line. The first line names the columns, in any order; other columns are left alone. In Excel, save the sheet as “CSV UTF-8 (Comma delimited)”.",
  formatColumns: [
    {
      name: "country",
      text: "the ISO 3166 alpha-3 code (KEN) or the English name (Kenya) of a UN Member State",
    },
    { name: "email", text: "the focal point's e-mail address" },
    {
      name: "name",
      text: "their name, to recognise the line (they choose the name on their account)",
    },
    { name: "language", text: "optional: ar, zh, en, fr, ru or es" },
  ],
  exampleTitle: "For example:",
  example: [
    "country,email,name,language",
    "KEN,w.kamau@ict.example.org,Wanjiru Kamau,en",
    '"Côte d\'Ivoire",a.kone@gouv.example.org,"Koné, Awa",fr',
  ].join("\n"),
  read: "Read the file",
  chooseFile: "Choose a CSV file to upload.",
  wrongType: (name: string) => `${name} is not a .csv file. Save the spreadsheet as CSV first.`,
  tooLarge: "The file is larger than 1 MB: split it into files of at most 2,000 lines.",
  refusedFile: "The file cannot be read; nothing was kept or sent.",

  /** What is wrong with the file as a whole (app/invitations/csv-rows.ts). */
  fileProblems: {
    notText:
      "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)” and upload it again.",
    empty: "The file is empty.",
    noRows: "The file has its header line but no focal points below it.",
    missingColumns: (missing: string[]) =>
      `The first line must name the columns country, email and name (and, if you like, language); it lacks ${missing.join(", ")}.`,
    repeatedColumn: (column: string) => `The column ${column} is named twice on the first line.`,
    tooManyRows: (max: number) =>
      `The file has more than ${max.toLocaleString("en")} focal points: split it into files of at most ${max.toLocaleString("en")}.`,
    unclosedQuote: (line: number) =>
      `Line ${line}: a value opens a quotation mark (") that is never closed.`,
    afterQuote: (line: number) =>
      `Line ${line}: a quoted value is followed by more text before the next comma. Put the whole value in quotation marks, and double any quotation mark inside it ("").`,
  },

  /** Why a line will not be sent, shown beside it. */
  reasons: {
    alreadyInvited: "A user with this e-mail address exists already: nothing is sent.",
    duplicate: (line: number) => `The same e-mail address is on line ${line}: sent once only.`,
    noCountry: "No country is given.",
    unknownCountry: (given: string) =>
      `“${given}” is not a UN Member State: give its ISO 3166 alpha-3 code (such as KEN) or its English name.`,
    noAddress: "No e-mail address is given.",
    badAddress: (given: string) => `“${given}” is not an e-mail address.`,
    badLanguage: (given: string) =>
      `“${given}” is not one of the six UN languages: ar, zh, en, fr, ru or es.`,
    tooManyFields: (fields: number, columns: number) =>
      `The line has ${fields} values but the first line names ${columns} columns: put a value that contains a comma in quotation marks.`,
    tooLong: (column: string, max: number) => `The ${column} is longer than ${max} characters.`,
  },

  /** The mark of a line in the preview. */
  classes: {
    NEW: "New",
    ALREADY_INVITED: "Already invited",
    DUPLICATE: "Duplicate",
    UNKNOWN_COUNTRY: "Unknown country",
    BAD_ADDRESS: "Bad address",
    BAD_LANGUAGE: "Bad language",
    BAD_ROW: "Bad line",
  } satisfies Record<RowClassName, string>,
  /** "12 new", "1 duplicate": the counts above the preview. */
  classCounts: {
    NEW: (n: number) => `${n} new`,
    ALREADY_INVITED: (n: number) => `${n} already invited`,
    DUPLICATE: (n: number) => plural(n, "duplicate", "duplicates"),
    UNKNOWN_COUNTRY: (n: number) => `${n} with an unknown country`,
    BAD_ADDRESS: (n: number) => `${n} with a bad address`,
    BAD_LANGUAGE: (n: number) => `${n} with a bad language`,
    BAD_ROW: (n: number) => plural(n, "bad line", "bad lines"),
  } satisfies Record<RowClassName, (n: number) => string>,

  previewTitle: (file: string) => `What was read from ${file}`,
  batchTitle: (file: string) => `Invitations from ${file}`,
  inTheFile: (counts: string) => `The file: ${counts}.`,
  confirmTitle: "Confirm the invitations",
  previewIntro: (lines: number) =>
    `${plural(lines, "line", "lines")} of focal points. Nothing has been sent yet: check each line, then confirm. Only the new ones are sent.`,
  /** The preview's two tables, problems first; after confirming, the invitations first. */
  captions: {
    notToSend: (n: number) => `Lines that will not be sent (${n})`,
    toSend: (n: number) => `Lines to invite (${n})`,
    invitations: (n: number, failed: number) =>
      failed > 0 ? `Invitations (${n}), the ${failed} failed first` : `Invitations (${n})`,
    notSent: (n: number) => `Lines not sent (${n})`,
  },
  line: "Line",
  country: "Country",
  email: "E-mail address",
  name: "Name",
  language: "Language",
  status: "Status",
  noName: "No name",
  send: (n: number) => `Send ${plural(n, "invitation", "invitations")}`,
  sendHint: (round: string, deadline: string | null) =>
    `Each e-mail names ${round}${deadline ? ` and its deadline, ${deadline}` : " (it has no deadline yet)"}. You can leave this page: sending goes on.`,
  nothingToSend:
    "No line is new: there is nothing to send. Correct the file and upload it again if you expected some.",
  uploadCorrected: "Upload a corrected file",
  backToList: "All bulk invitations",

  progressTitle: "Sending the invitations",
  progressLabel: "Invitations sent",
  progress: (done: { sent: number; failed: number; skipped: number }, total: number) =>
    [
      `${done.sent} of ${total} sent`,
      ...(done.failed > 0 ? [`${done.failed} failed`] : []),
      ...(done.skipped > 0 ? [`${done.skipped} not sent (invited meanwhile)`] : []),
    ].join(", "),
  sendingHint:
    "The invitations go out one at a time, in the background: this page follows them, and you can leave it.",
  doneTitle: "Done",
  summary: (sent: number, failed: number, skipped: number) =>
    [
      `${plural(sent, "invitation", "invitations")} sent`,
      ...(failed > 0 ? [`${failed} failed`] : []),
      ...(skipped > 0 ? [`${skipped} not sent, the person having been invited meanwhile`] : []),
    ].join(", ") + ".",
  failedHint:
    "A failed invitation was not sent (the reason is beside it). Retrying sends it with a new link.",
  retry: (n: number) => `Retry the ${n} failed`,

  /** Where a line's sending is, after confirming. */
  rowStatuses: {
    PENDING: "Waiting",
    SENDING: "Sending",
    SENT: "Sent",
    FAILED: "Failed",
    SKIPPED: "Not sent",
  } satisfies Record<RowStatusName, string>,
  sentAt: "Sent",
  /** Why a confirmed line was not sent (send-batch.server.ts). */
  sendErrors: {
    invitedMeanwhile: "A user with this e-mail address was invited after the preview: not sent.",
    interrupted:
      "The server stopped while this invitation was being sent: it may not have gone out. Retrying sends a new one (the earlier link stops working).",
    timedOut: (seconds: number) => `The mail server did not answer within ${seconds} seconds.`,
  },

  earlierTitle: "Earlier bulk invitations",
  fileColumn: "File",
  noneYet: "No file has been uploaded yet.",
  uploaded: "Uploaded",
  by: "By",
  lines: "Lines",
  outcome: "Outcome",
  state: "State",
  states: {
    preview: "Not confirmed: nothing sent",
    sending: "Sending",
    done: "Done",
  },
  batchOutcome: (counts: { new: number; sent: number; failed: number }) =>
    `${counts.new} new, ${counts.sent} sent${counts.failed > 0 ? `, ${counts.failed} failed` : ""}`,
  notFound: "There is no such bulk invitation.",
  staleForm: "This page was out of date: here is the current state.",
};
