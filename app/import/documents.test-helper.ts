// The completed questionnaires and the reference brief the importer is tested on, and a check
// that no page furniture or markup is left in any answer. Test-only.
import { readFileSync } from "node:fs";
import { allQuestions, type Answers } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { inEnglish } from "./messages.test-helper";
import { parseMsqDocument, type ParsedMsq } from "./parse-msq";

export const RESPONSES = "prisma/seed-data/msq2020";
export const FILES = {
  rwanda: `${RESPONSES}/000_f67a2f1eeb1a7d5d.txt`,
  tajikistan: `${RESPONSES}/001_75d5de339dd5517f.txt`,
  qatar: `${RESPONSES}/002_a69647225b3eefc9.txt`,
  iran: `${RESPONSES}/004_b7f91dc1669b0703.txt`,
} as const;
export const NOT_A_RESPONSE = "tests/fixtures/not-an-msq-response.txt";

export const readDocument = (file: string) => readFileSync(file, "utf8");

export function parsed(text: string): ParsedMsq {
  const result = parseMsqDocument(text, msq2020);
  if (!result.ok) throw new Error(inEnglish(result.error));
  return result;
}

export const parseFile = (file: string) => parsed(readDocument(file));

/** The warnings about `field`, in English. */
export const warningsFor = (result: ParsedMsq, field: string) =>
  result.warnings.filter((w) => w.field === field).map(inEnglish);

/** Text of the form and the page that must never end up in an answer. */
const FURNITURE = [
  /United Nations E-Government Survey 2020 - Member States Questionnaire/i,
  /This questionnaire is conducted by the Division/i,
  /will be used interchangeably/i,
  /A specific portal where you can see the list/i,
  /is about fostering civic engagement/i,
  /CIO or a similar senior official/i,
  /Poor, immigrants, older persons/i,
  /Also referring to emerging technologies/i,
  /Related to SDG Indicator/i,
  /This can be an agency, cabinet/i,
  /WSIS Action Line/i,
  /Thank you for taking the time/i,
  /We appreciate your participation/i,
  /\bmax(imum)?\.? ?250 words/i,
  /Please keep your response/i,
  /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.(\s|$)/m, // section headings
  /^\d{1,3}$/m, // page and footnote numbers on their own line
];
const MARKUP = [
  /\*\*/,
  /<\/?[a-z]+[^>]*>/i,
  /\]\(/,
  /<https?:/,
  /[⁰¹²³⁴⁵⁶⁷⁸⁹]/,
  /\\[()_[\]]/,
  /^#+ /m,
  /[☒☐]/,
];

/** The start of every question's wording: a question's own text must not be read as an answer. */
const questionOpenings = allQuestions(msq2020)
  .map((q) =>
    q.text
      .replace(/^\d+\.\s*/, "")
      .split(/\s+/)
      .slice(0, 6)
      .join(" "),
  )
  .filter((opening) => opening.split(" ").length >= 6);

/** What is wrong with the answers: furniture, markup or question text left in, bad option keys. */
export function answerProblems(answers: Answers): string[] {
  const problems: string[] = [];
  for (const question of allQuestions(msq2020)) {
    const value = answers[question.key];
    if (value === undefined) problems.push(`${question.key}: missing`);
    if (question.type === "multi" && value !== null) {
      const keys = question.options.map((o) => o.key);
      if (!Array.isArray(value) || value.some((k) => !keys.includes(k)))
        problems.push(`${question.key}: not option keys: ${JSON.stringify(value)}`);
      else if (value.join() !== keys.filter((k) => value.includes(k)).join())
        problems.push(`${question.key}: not in the definition's order`);
    }
    if (question.type === "yesno" && value !== null && value !== "yes" && value !== "no")
      problems.push(`${question.key}: ${JSON.stringify(value)} is not yes/no`);
    if (typeof value !== "string") continue;
    if (value !== value.trim() || value === "")
      problems.push(`${question.key}: untrimmed or empty`);
    for (const pattern of [...FURNITURE, ...MARKUP]) {
      if (pattern.test(value))
        problems.push(`${question.key}: ${pattern} in ${JSON.stringify(value)}`);
    }
    for (const opening of questionOpenings) {
      if (value.includes(opening))
        problems.push(`${question.key}: question text "${opening}" in the answer`);
    }
  }
  return problems;
}
