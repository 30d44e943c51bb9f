// English copy for exports, the printable view and the published responses.
// Other languages provide the same shape.
export const enExports = {
  links: {
    legend: "Download these responses",
    hint: "The last submitted version of each response, never a later draft.",
    csv: "CSV",
    xlsx: "Excel (XLSX)",
    json: "JSON",
    download: (format: string) => `Download as ${format}`,
  },
  /** What the metadata columns hold, for the spreadsheet's "Columns" sheet. */
  metadataColumns: {
    country_code: "ISO 3166-1 alpha-3 code of the Member State",
    country_name: "Name of the Member State",
    region: "UN region (M49)",
    status: "Status of the response: SUBMITTED, RETURNED (for revision) or ACCEPTED",
    imported: "1 when the response was imported from a document, 0 when entered in the portal",
    submitted_at: "When the exported version was submitted (ISO 8601, UTC)",
    accepted_at: "When UN DESA accepted the response (ISO 8601, UTC); empty if not accepted",
    authorize_publication:
      "I/We hereby authorize UNDESA to publish my/our responses as deemed necessary. (1 yes, 0 no, empty not stated)",
  } as Record<string, string>,
  columnsSheet: {
    name: "Columns",
    column: "Column",
    section: "Section",
    question: "Question",
    option: "Option",
    values: "Values",
    header: "Response",
  },
  values: {
    text: "Text",
    code: "Code",
    date: "Date and time (ISO 8601)",
    flag: "1 or 0",
    option: "1 ticked, 0 not ticked, empty when unknown",
    yesno: "yes, no, or empty when not answered",
    choice: "The chosen option's key, or empty when not answered",
    number: "A number, or empty when not answered",
    authorisation: "1 yes, 0 no, empty when not stated",
  },
  exportSheet: {
    name: "Export",
    round: "Round",
    exportedAt: "Exported at (UTC)",
    statuses: "Statuses",
    region: "Region",
    allRegions: "All regions",
    authorisedOnly: "Only responses authorising publication",
    yes: "Yes",
    no: "No",
    responses: "Responses",
    byStatus: (status: string) => `Responses ${status}`,
    columns: "Columns",
    shortened:
      "Cells shortened to Excel's 32,767-character limit (the CSV and JSON hold them whole)",
    source: "Each row is the last submitted version of a response, never a later draft.",
  },
  printable: {
    print: "Print",
    status: "Status",
    submittedAt: "Submitted",
    acceptedAt: "Accepted",
    responseDate: "Date on the questionnaire",
    round: "Round",
    draft: "Draft",
    draftNotice: "Draft: these answers have not been submitted yet and may still change.",
    submissionNotice: (n: number) =>
      `The answers as submitted (submission ${n}); later changes to a draft are not shown.`,
    imported: "Imported from a document",
    authorisationTitle: "Publication",
    authorised: "Publication authorised.",
    notAuthorised: "Publication not authorised.",
    authorisationUnknown: "The authorisation to publish was not stated.",
    notRecorded: "Not recorded",
  },
  published: {
    title: "Published responses",
    intro:
      "Responses to the Member States Questionnaire that UN DESA has accepted and that the Member State authorised for publication.",
    none: "No response has been published yet.",
    country: "Country",
    region: "Region",
    accepted: "Accepted",
    back: "All published responses",
    versionNote: "The response as UN DESA accepted it.",
    pageTitle: (country: string) => `${country} · Published response`,
  },
} as const;

export type ExportsCopy = typeof enExports;
