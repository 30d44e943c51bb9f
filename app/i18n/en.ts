// English copy for the portal's pages. Other languages provide the same shape.

/** A moment in a message composed on the server, which does not know the reader's time zone. */
const utcDateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export const en = {
  portalName: "MSQ Portal",
  portalTagline: "UN E-Government Survey · Member States Questionnaire",
  skipToContent: "Skip to main content",
  demoBanner: {
    label: "Demo",
    text: "This portal is a demonstration, not for real answers: its accounts' passwords are public.",
  },
  footer: {
    owner: "United Nations Department of Economic and Social Affairs (UN DESA)",
    division: "Division for Public Institutions and Digital Government",
  },
  home: {
    title: "Member States Questionnaire",
    intro:
      "This portal is where Member States answer the Member States Questionnaire (MSQ) of the United Nations E-Government Survey, and where UN DESA reviews the responses.",
    whoTitle: "Who it is for",
    focalPoints:
      "Country focal points: government officials invited by UN DESA. Fill in your country's questionnaire over several sessions, with colleagues, save drafts, review and submit.",
    reviewers:
      "UN DESA staff: follow every country's progress, review submissions, comment, return them for revision or accept them, and export completed responses.",
    roundTitle: "The current round",
    roundText: (sections: number, questions: number) =>
      `The questionnaire has ${sections} sections and ${questions} answers. Answers are saved as you go and can be completed over days or weeks.`,
    publicResponses: "Published responses",
  },
  nav: {
    label: "Main",
    countries: "Countries",
    review: "Dashboard",
    users: "Users",
    rounds: "Rounds",
    invitations: "Invitations",
    account: "Your account",
    signIn: "Sign in",
    signOut: "Sign out",
    signedInAs: (name: string) => `Signed in as ${name}`,
  },
  roles: {
    FOCAL_POINT: "Country focal point",
    REVIEWER: "DESA reviewer",
    ADMIN: "Administrator",
  },
  signIn: {
    title: "Sign in",
    intro: "Sign in with the e-mail address UN DESA invited and the password you chose.",
    email: "E-mail address",
    password: "Password",
    submit: "Sign in",
    invalid: "The e-mail address or the password is not right.",
    rateLimited: (minutes: number) =>
      `Too many failed attempts. For your security, sign-in is paused: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    forgot: "Forgot your password?",
    inputKept:
      "Your session had ended, so your last changes were not saved yet. They are kept for a day: sign in and they are back in place.",
    inputLost:
      "Your session had ended, and your last changes could not be kept (too much text, or too many unsaved forms). Go back in your browser and copy them before you sign in.",
    emailRequired: "Enter your e-mail address.",
    emailInvalid: "Enter an e-mail address such as name@example.org.",
    passwordRequired: "Enter your password.",
  },
  password: {
    newPassword: "New password",
    hint: (min: number) =>
      `At least ${min} characters. A few unrelated words make a strong password.`,
    confirm: "Repeat the password",
    tooShort: (min: number) => `Use at least ${min} characters.`,
    tooLong: "Use at most 200 characters.",
    mismatch: "The two passwords are not the same.",
  },
  invitation: {
    title: "Set up your account",
    intro: (email: string) => `You are setting up the account for ${email}.`,
    name: "Your name",
    nameRequired: "Enter your name.",
    submit: "Save and sign in",
    invalidTitle: "This link does not work",
    invalidText:
      "The link has expired, has already been used, or was replaced by a newer one. Ask UN DESA to send you a new invitation, or reset your password if you already have an account.",
  },
  forgot: {
    title: "Reset your password",
    intro:
      "Enter your e-mail address. If it belongs to an account, we send a link to choose a new password. The link works for one hour.",
    submit: "Send the link",
    sent: "If that address belongs to an account, a link to reset the password is on its way. Check your inbox.",
    rateLimited: (minutes: number) =>
      `Too many requests for a reset link. Check your inbox for the last one, or try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
  },
  reset: {
    title: "Choose a new password",
    submit: "Save the new password",
    done: "Your password is changed. Sign in with it.",
  },
  /** The "your password was changed" e-mail (emails/password-changed.tsx). */
  passwordChangedEmail: {
    subject: "Your MSQ Portal password was changed",
    subjectFirst: "Your MSQ Portal password is set",
    preview: "If this was not you, reset your password now.",
    changed: (email: string, when: string) =>
      `The password of your MSQ Portal account (${email}) was changed on ${when}.`,
    set: (email: string, when: string) =>
      `A password was set for your MSQ Portal account (${email}) on ${when}, and the invitation link no longer works.`,
    sessions:
      "You stay signed in only in the browser where this was done; every other session has ended, and every other invitation or reset link no longer works.",
    notYou:
      "If this was not you, choose a new password at once with the link below, and tell UN DESA.",
    action: "Reset your password",
  },
  account: {
    title: "Your account",
    signOutEverywhere: "Sign out everywhere",
    signOutEverywhereHint: "Ends your sessions on every device and browser, including this one.",
  },
  countries: {
    title: "Countries",
    yours: "Your countries",
    chooseOne: "You answer for more than one country: choose one.",
    none: "No country is assigned to your account yet. UN DESA can add one.",
    status: "Status",
    name: "Country",
    region: "Region",
    notStarted: "Not started",
  },
  admin: {
    usersTitle: "Users",
    invite: "Invite someone",
    inviteTitle: "Invite someone",
    inviteIntro:
      "The person receives an e-mail with a link to set their name and password. The link works once, for 7 days.",
    email: "E-mail address",
    role: "Role",
    countries: "Countries",
    countriesHint:
      "For focal points: the countries they answer for. Hold Ctrl (or ⌘) to choose several.",
    countriesRequired: "Choose at least one country for a focal point.",
    unknownCountry: "Choose countries from the list.",
    sendInvitation: "Send the invitation",
    invited: (email: string) => `Invitation sent to ${email}.`,
    filter: "Filter",
    anyRole: "Any role",
    anyCountry: "Any country",
    anyState: "Active and inactive",
    activeOnly: "Active",
    inactiveOnly: "Inactive",
    state: "State",
    active: "Active",
    inactive: "Deactivated",
    pending: "Invited, no password yet",
    name: "Name",
    edit: "Change",
    noUsers: "No user matches these filters.",
    editTitle: (who: string) => `Account of ${who}`,
    saveAccess: "Save role and countries",
    saved: "Saved.",
    deactivate: "Deactivate",
    deactivateHint:
      "A deactivated person is signed out at once and cannot sign in; their answers stay.",
    reactivate: "Reactivate",
    resend: "Send a new invitation",
    resendHint: "The previous invitation link stops working.",
    cannotChangeSelf: "You cannot deactivate your own account.",
  },
  questionnaire: {
    sectionOf: (n: number, total: number) => `Section ${n} of ${total}`,
    sections: "Sections",
    review: "Authorisation and review",
    back: "Back",
    next: "Next",
    saveDraft: "Save draft",
    saved: (time: string) => `Saved at ${time}`,
    saving: "Saving…",
    offline: "Not saved — offline, kept on this device",
    notSavedSignIn:
      "Not saved — your session ended. Your changes are kept on this device; sign in again to save them.",
    unsaved: "Unsaved changes",
    restored: (time: string) =>
      `Your unsaved changes from ${time} were restored from this device and are being saved.`,
    restoredNoJs:
      "Your answers from before you had to sign in again are back in place. Save them to keep them.",
    answered: (answered: number, total: number) => `${answered} of ${total} answered`,
    errorsCount: (n: number) => `${n} ${n === 1 ? "problem" : "problems"}`,
    toConfirmCount: (n: number) => `${n} to confirm`,
    requiredToSubmit: "Required to submit.",
    yes: "Yes",
    no: "No",
    words: (count: number, max: number) => `${count} of ${max} words`,
    moreWords: (counted: number, max: number) => `More than ${counted} of ${max} words`,
    /** An answer far over its limit, counted only up to `counted` words. */
    moreThan: (counted: number, max: number) =>
      `More than ${counted} words, far over the limit of ${max}. You can save this draft, but shorten it before submitting.`,
    overBy: (count: number, max: number) =>
      `${count} of ${max} words: ${count - max} over the limit. You can save this draft, but shorten it before submitting.`,
    onePerLine: "One per line.",
    answerIf: (parent: string, value: string) => `Answer if your answer to ${parent} is ${value}.`,
    questionNumber: (n: string) => `question ${n}`,
    answerIfTicked: (option: string) => `Answer if you ticked “${option}”.`,
    /** A condition with several parts: each part's phrase, joined. */
    answerIfAll: (parts: string[]) => `Answer if ${parts.join(" and ")}.`,
    answerIfAny: (parts: string[]) => `Answer if ${parts.join(" or ")}.`,
    conditionEquals: (parent: string, value: string) => `your answer to ${parent} is ${value}`,
    conditionTicked: (option: string) => `you ticked “${option}”`,
    conflictTitle: "A colleague changed this answer while you were editing",
    conflictText: (who: string, time: string) =>
      `${who} saved a different answer at ${time}. Choose which to keep.`,
    theirVersion: "Their version",
    yourVersion: "Your version",
    keepMine: "Keep my version",
    keepTheirs: "Use their version",
    conflictsSummary:
      "Some answers were not saved because a colleague changed them at the same time. They are marked below.",
    locked: "This response has been submitted and can no longer be changed.",
    roundClosed: "This round is closed: its answers can be read, not changed.",
    roundOpensOn:
      "These are your answers carried from the last round. You can change them once the round opens:",
    reviewerComment: "Comment from UN DESA",
    notAnswered: "Not answered",
    invalidForm: "The form could not be read. Reload the page and try again.",
  },
  /** The focal point's check-answers page (DESA's review is reviewPage). */
  carried: {
    sectionIntro: (count: number, round: string) =>
      `${count} ${count === 1 ? "answer" : "answers"} in this section ${count === 1 ? "comes" : "come"} from your MSQ ${round} response. Read each one: confirm it is still accurate, or change it.`,
    allStillAccurate: "All answers in this section are still accurate",
    from: (round: string) => `From your MSQ ${round} response.`,
    questionChanged: (round: string) => `This question changed since ${round}: check your answer.`,
    stillAccurate: "Still accurate",
    update: "Update",
    confirmed: (round: string) => `From your MSQ ${round} response; confirmed as still accurate.`,
    updated: (round: string) => `Updated since your MSQ ${round} response.`,
    previousAnswer: (round: string) => `Your ${round} answer`,
    confirmedNotice: "Marked as still accurate.",
    confirmedAllNotice: "The answers of this section are marked as still accurate.",
  },
  checkAnswers: {
    title: "Authorisation and review",
    intro:
      "Check every answer, then submit. After submission the response can no longer be changed unless UN DESA returns it for revision.",
    authorisationTitle: "Publication",
    saveAuthorisation: "Save",
    errorsTitle: "There is a problem: fix these before submitting",
    submitBlocked: (n: number) =>
      `You cannot submit yet: ${n} ${n === 1 ? "answer needs" : "answers need"} fixing first.`,
    submitBlockedLink: "See the list at the top of this page",
    declarationTitle: "Authorise and submit",
    unansweredTitle: (n: number) =>
      `${n} ${n === 1 ? "question is" : "questions are"} not answered`,
    unansweredText: "You can submit without them, but please answer what you can.",
    edit: "Edit",
    editSection: (id: string) => `Edit section ${id}`,
    submit: "Submit the questionnaire",
    confirmTitle: "Submit without authorising publication?",
    confirmText:
      "You have not ticked the authorisation. Your responses will be sent to UN DESA but will not be published.",
    confirmSubmit: "Submit without authorising publication",
    goBack: "Go back and decide",
    changed: "A colleague saved changes just now. Check the answers below, then submit again.",
    notEditable: "This response has already been submitted.",
    empty: "Nothing has been answered yet.",
    invalid: "The form was not understood. Reload the page and try again.",
  },
  country: {
    carriedIntro: (round: string, count: number) =>
      `Your country's MSQ ${round} answers are filled in for the questions that did not change. Read each one: confirm it is still accurate, or update it. ${count} ${count === 1 ? "answer is" : "answers are"} left to check.`,
    status: "Status",
    lastSaved: (who: string) => `Last saved by ${who}`,
    start: "Start the questionnaire",
    continue: "Continue the questionnaire",
    view: "View the answers",
    progress: "Progress",
    answered: "Answered",
    /** The state of a section in the country page's task list. */
    tasks: {
      notStarted: "Not started",
      inProgress: "In progress",
      completed: "Completed",
      problems: (n: number) => `${n} ${n === 1 ? "problem" : "problems"} to fix`,
      toConfirm: (n: number) => `${n} ${n === 1 ? "answer" : "answers"} to confirm`,
    },
    history: "History",
    noHistory: "Nothing has happened yet.",
    submitted:
      "Thank you. The questionnaire has been submitted; a confirmation is on its way by e-mail.",
    deadline: "Deadline",
    imported: (file: string) => `Imported from the document ${file}.`,
    importWarnings: "What the import could not read with certainty",
    returnedTitle: "Returned for revision",
    returnedBy: (who: string) => `${who} returned the response for revision on`,
    returnedNext:
      "Change the answers, reply to the comments if you wish, then check your answers and submit again.",
    commentsWaiting: (n: number) =>
      `${n} ${n === 1 ? "comment waits" : "comments wait"} for your attention`,
    commentsTitle: "Comments from UN DESA",
    replied: "Your reply has been sent to UN DESA.",
    authorisationField: "publication authorisation",
    events: {
      "response.saved": (fields: number) =>
        `saved ${fields} ${fields === 1 ? "answer" : "answers"}`,
      "response.submitted": () => "submitted the response",
      "response.returned": () => "returned the response for revision",
      "response.accepted": () => "accepted the response",
      "response.reopened": () => "reopened the response",
      "response.imported": () => "imported the response from a document",
      "response.import_replaced": () => "replaced the answers with a new import",
      "response.reminded": () => "sent a reminder",
      "response.commented": () => "commented",
    } as Record<string, (fields: number) => string>,
  },
  comments: {
    about: (section: string, question: string) =>
      `Section ${section}: ${question.split(" ").slice(0, 12).join(" ")}${question.split(" ").length > 12 ? "…" : ""}`,
    general: "About the whole response",
    waiting: "Waiting for you",
    waitingForCountry: "Waiting for the country",
    answered: "Replied",
    formerUser: "A former user",
    reply: "Reply",
    replyLabel: "Your reply to UN DESA",
    send: "Send the reply",
    replyRequired: "Write your reply.",
    replyTooLong: "Keep the reply under 5,000 characters.",
    threadGone: "This comment no longer exists.",
  },
  dashboard: {
    title: "Round dashboard",
    notStarted: "Not started",
    country: "Country",
    region: "Region",
    status: "Status",
    imported: "Imported",
    lastActivity: "Last activity",
    focalPoints: "Focal points",
    authorisation: "Publication",
    authorised: "Authorised",
    notAuthorised: "Not authorised",
    unknown: "—",
    filter: "Filter",
    anyStatus: "Any status",
    anyRegion: "Any region",
    anyAuthorisation: "Authorised or not",
    onlyAuthorised: "Authorised",
    onlyNotAuthorised: "Not authorised",
    search: "Search by name",
    apply: "Apply",
    clear: "Clear filters",
    countsTitle: "Response rate",
    responseRate: (submitted: number, total: number) =>
      `${submitted} of ${total} submitted or accepted (${total ? Math.round((submitted / total) * 100) : 0}%)`,
    byRegion: "Submitted or accepted, by region",
    regionRate: (submitted: number, total: number) =>
      `${submitted} of ${total} (${total ? Math.round((submitted / total) * 100) : 0}%)`,
    shown: (n: number) => `${n} ${n === 1 ? "country" : "countries"} shown`,
    sortBy: (column: string) => `Sort by ${column}`,
    select: (name: string) => `Select ${name}`,
    remindTitle: "Send a reminder",
    remindText:
      "E-mails the active focal points of the selected countries, with the deadline and a link.",
    remindMessage: "Message (optional)",
    remindSend: "Send the reminder to the selected countries",
    reminded: (n: number) =>
      `Reminder sent to the focal points of ${n} ${n === 1 ? "country" : "countries"}.`,
    noFocalPoint: (names: string) => `No active focal point, so no reminder: ${names}.`,
    noneSelected: "Select at least one country.",
    remindMessageTooLong: "Keep the message under 2,000 characters.",
    remindAll: (n: number) =>
      `Send to all ${n} ${n === 1 ? "country" : "countries"} matching the filters`,
    deadlineInvalid: "Enter the deadline as a date.",
    deadlineIs: (date: string) => `Deadline: ${date}`,
    statusTiles: "Countries by status",
    filteredBy: "Show only these countries",
    pageInfo: (from: number, to: number, total: number) =>
      total === 0 ? "No country matches." : `Countries ${from} to ${to} of ${total}`,
    pages: "Pages of the table",
    previousPage: "Previous",
    nextPage: "Next",
    showAll: (n: number) => `Show all ${n}`,
    showPaged: "Show 25 a page",
    deadlineTitle: "Deadline",
    deadlineLabel: "Deadline of the round",
    deadlineSave: "Save the deadline",
    deadlineSaved: "Deadline saved.",
    noDeadline: "No deadline set.",
    exportTitle: "Export the responses shown",
    questionsTitle: "Questions across countries",
    events: "Event log",
    imports: "Import a document",
    published: "Published responses",
  },
  reviewPage: {
    marks: {
      unchanged: (round: string) => `Unchanged since ${round}`,
      updated: (round: string) => `Updated since ${round}`,
      new: () => "New question",
      changed_question: (round: string) => `Question changed since ${round}; answer kept`,
    } as Record<"unchanged" | "updated" | "new" | "changed_question", (round: string) => string>,
    previousAnswer: (round: string) => `${round}:`,
    carriedSummary: (
      round: string,
      counts: { unchanged: number; updated: number; new: number; changed_question: number },
    ) =>
      `This response started from the country's MSQ ${round} answers: ${counts.unchanged} unchanged, ${counts.updated} updated, ${counts.changed_question} kept under a changed question, ${counts.new} new ${counts.new === 1 ? "question" : "questions"}.`,
    title: (country: string) => `Review: ${country}`,
    submission: (n: number) => `Submission ${n}`,
    draftOnly: "Nothing has been submitted yet; these are the working answers.",
    notStarted: "This country has not started the questionnaire.",
    decisions: "Decision",
    returnMessage: "Message to the focal points",
    returnHint:
      "Say what to change. It is e-mailed to the country's focal points and shown with the response.",
    returnRequired: "Write a message saying what to change.",
    return: "Return for revision",
    accept: "Accept…",
    confirmAcceptTitle: (country: string, submission: number) =>
      `Accept submission ${submission} of ${country}?`,
    confirmAcceptHint:
      "Accepted answers are final: the focal points can no longer change them, and they count in the survey's results. A reviewer can reopen the response later.",
    confirmAccept: "Yes, accept this submission",
    cancelAccept: "Cancel",
    reopen: "Reopen",
    returned: "Returned for revision; the focal points have been e-mailed.",
    accepted: "Accepted.",
    reopened: "Reopened for review.",
    refused: {
      status:
        "This decision is not possible now: the response's status has changed. The page shows its current status.",
      role: "Your role does not allow this decision.",
      stale: (country: string, at: Date, imported: boolean) =>
        imported
          ? `A new submission of ${country} was imported on ${utcDateTime.format(at)} UTC after you opened this page: review the new submission.`
          : `${country} resubmitted on ${utcDateTime.format(at)} UTC after you opened this page: review the new submission.`,
    },
    changedTitle: "What changed",
    changedSinceSubmission: (n: number) => `Changed since submission ${n}`,
    changedSinceImport: "Changed since the import",
    noChanges: "No answer changed.",
    before: "Before",
    after: "After",
    removedText: "removed:",
    addedText: "added:",
    changedWhole: "Rewritten: too different to mark word by word.",
    onThisPage: "On this page",
    commentsTitle: "Comments on the whole response",
    comment: "Comment",
    commentOn: (question: string) => `Comment on: ${question}`,
    reply: "Reply",
    addComment: "Add the comment",
    commentRequired: "Write the comment first.",
    notAsked: "Answered although the question does not apply (its condition does not hold).",
    importWarnings: "Import warnings",
    history: "History",
    authorisation: "Publication authorised",
    printable: "Printable view",
    backToReview: (country: string) => `Back to the review of ${country}`,
  },
  questionView: {
    title: "Question across countries",
    choose: "Question",
    show: "Show",
    country: "Country",
    answer: "Answer",
    optionCounts: "Countries per option",
    option: "Option",
    count: "Countries",
    noAnswers: "No country matches these filters.",
  },
  eventLog: {
    title: "Event log",
    when: "When",
    who: "Who",
    what: "What",
    country: "Country",
    details: "Details",
    anyKind: "Any kind",
    anyPerson: "Anyone",
    anyCountry: "Any country",
    more: "Older events",
    /** Names of the kinds an administrator looks for; other kinds show as stored. */
    kinds: {
      "security.access_denied": "Access refused",
      "user.role_changed": "Role changed",
      "user.access_changed": "Access changed",
    } as Record<string, string>,
    accessDenied: (method: string, path: string, status: number, why: "role" | "country") =>
      `${method} ${path} refused (${status}): ${why === "role" ? "not allowed for this role" : "another country's response"}`,
    roleChanged: (from: string, to: string, countries: string[]) =>
      `From ${from} to ${to}${countries.length > 0 ? ` (${countries.join(", ")})` : ""}`,
  },
  /** Switching pages between rounds, and a country's earlier responses. */
  rounds: {
    switcher: "Rounds",
    label: "Round:",
    roundStatus: { OPEN: "open", CLOSED: "closed" } as Record<"OPEN" | "CLOSED", string>,
    link: (name: string, status: string) => `${name} (${status})`,
    earlierNotice: (name: string, current: string) =>
      `${name} is an earlier round: its responses are shown as they were, read only. Reminders and the deadline belong to the current round, ${current}.`,
    earlierRefused: (current: string) =>
      `Reminders and the deadline belong to the current round, ${current}: switch to it first.`,
    earlierTitle: "Earlier rounds",
    earlierIntro:
      "Your country's responses to earlier rounds, to read or print. They cannot be changed.",
    earlierIntroReviewer: "This country's responses to earlier rounds, to read or print.",
    earlierResponse: (round: string) => `Read the ${round} response`,
    printNotice: (round: string) =>
      `This is the response to ${round}, an earlier round. It is read only.`,
    backToRound: (round: string) => `Round dashboard · ${round}`,
  },
  statuses: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    RETURNED: "Returned for revision",
    ACCEPTED: "Accepted",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address, or you are not allowed to see it.",
    forbiddenTitle: "Not allowed",
    forbiddenText: "Your account is not allowed to do this.",
    genericTitle: "Something went wrong",
    genericText:
      "The portal could not complete this request. Your saved answers are safe; please try again.",
  },
} as const;

export type Copy = typeof en;
