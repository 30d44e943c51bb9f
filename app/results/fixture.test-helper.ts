import type { Questionnaire } from "~/questionnaire/types";
import type { ResultRow } from "./tally";

// Seven countries with known answers, for the Results tests: a yes/no question with a follow-up
// asked only after "yes", a multiple and a single choice, a percentage, a number, a short and a
// long text. The counts the tests expect are worked out by hand in the comments.

export const fixtureQuestionnaire: Questionnaire = {
  round: "fixture",
  version: 1,
  title: "Fixture",
  authorizationText: "I authorise.",
  sections: [
    {
      id: "A",
      title: "Leadership",
      questions: [
        { key: "has_cio", type: "yesno", text: "1. Is there a CIO?" },
        {
          key: "cio_name",
          type: "text",
          text: "1a. Name of the CIO",
          when: { field: "has_cio", equals: "yes" },
        },
        {
          key: "features",
          type: "multi",
          text: "2. The strategy:",
          options: [
            { key: "plan", text: "has a plan" },
            { key: "sdgs", text: "is aligned with the SDGs" },
            { key: "once_only", text: "=applies the once-only principle" },
          ],
        },
        {
          key: "level",
          type: "single",
          text: "3. Level",
          options: [
            { key: "low", text: "Low" },
            { key: "high", text: "High" },
          ],
        },
      ],
    },
    {
      id: "B",
      title: "Figures",
      questions: [
        { key: "online_share", type: "percentage", text: "4. Share of services online" },
        { key: "agencies", type: "number", text: "5. Agencies", decimals: 0 },
        { key: "story", type: "longtext", text: "6. Your story", maxWords: 250 },
      ],
    },
  ],
};

const row = (code: string, name: string, region: string, answers: ResultRow["answers"]) => ({
  code,
  name,
  region,
  answers,
});

// has_cio: yes RWA GHA TJK CHL (4), no KEN FRA (2), unanswered QAT (1): 57 %, 29 %, 14 %.
// cio_name: asked of the 4 "yes" (GHA's left empty): 3 answered.
// features: plan RWA KEN QAT CHL (4, 57 %), sdgs RWA TJK QAT (3, 43 %), once_only TJK QAT FRA
// (3, 43 %), none GHA (1, 14 %). Africa (RWA KEN GHA): 2, 1, 0, 1 of 3.
// level: low RWA TJK CHL (3, 43 %), high KEN FRA (2, 29 %), none GHA QAT (2, 29 %).
// online_share: 0–10: GHA 0, QAT 9.5; 10–20: TJK 10; 40–50: RWA 45; 90–100: KEN 100, CHL 99;
// none: FRA.
// story: "open data" in RWA, KEN (capitals) and FRA (twice).
export const fixtureRows: ResultRow[] = [
  row("CHL", "Chile", "Americas", {
    has_cio: "yes",
    cio_name: "Ana",
    features: ["plan"],
    level: "low",
    online_share: "99",
    agencies: "12",
  }),
  row("FRA", "France", "Europe", {
    has_cio: "no",
    features: ["once_only"],
    level: "high",
    story: "We share open DATA, and more open data every year.",
  }),
  row("GHA", "Ghana", "Africa", {
    has_cio: "yes",
    cio_name: "",
    features: [],
    online_share: "0",
  }),
  row("KEN", "Kenya", "Africa", {
    has_cio: "no",
    features: ["plan"],
    level: "high",
    online_share: "100",
    agencies: "250",
    story: "The Open Data portal lists every dataset.",
  }),
  row("QAT", "Qatar", "Asia", {
    features: ["plan", "sdgs", "once_only"],
    online_share: "9.5",
    story: "Services are online.",
  }),
  row("RWA", "Rwanda", "Africa", {
    has_cio: "yes",
    cio_name: "Jean",
    features: ["plan", "sdgs"],
    level: "low",
    online_share: "45",
    agencies: "3",
    story: "We publish open data on the national portal.",
  }),
  row("TJK", "Tajikistan", "Asia", {
    has_cio: "yes",
    cio_name: "Aziz",
    features: ["sdgs", "once_only"],
    level: "low",
    online_share: "10",
  }),
];
