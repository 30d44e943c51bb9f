import { allQuestions } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { AnswerValue, Answers, Question } from "~/questionnaire/types";
import { wordLimitFor } from "~/questionnaire/word-count";

// A complete, realistic response for the benchmark: every question answered, every long text
// close to its word limit, every follow-up's condition holding.

const VOCABULARY =
  "the national digital government strategy aligns services with sustainable development goals through interoperable platforms open data portals and inclusive access for persons with disabilities older persons women youth and rural communities while ministries coordinate investment capacity building cybersecurity and user satisfaction measurement".split(
    " ",
  );

function prose(words: number, seed: number): string {
  return Array.from(
    { length: words },
    (_, i) => VOCABULARY[(i * 7 + seed) % VOCABULARY.length],
  ).join(" ");
}

function answer(q: Question, seed: number): AnswerValue {
  switch (q.type) {
    case "yesno":
      return "yes";
    case "multi":
      return q.options
        .filter((_, i) => (i + seed) % 2 === 0 || q.options[i]!.key === "other")
        .map((o) => o.key);
    case "longtext":
      return prose(wordLimitFor(q, "") - 10 - (seed % 5), seed);
    default:
      if (q.type === "email") return `${q.key.replace(/_/g, ".")}@gov${seed}.example.org`;
      if (q.type === "lines")
        return `https://www.${q.key.replace(/_/g, "-")}.gov${seed}.example.org\nMinistry of Digital Affairs ${seed}`;
      return `${q.key.replace(/_/g, " ")} ${seed}`;
  }
}

export function syntheticAnswers(seed: number): Answers {
  return Object.fromEntries(allQuestions(msq2020).map((q) => [q.key, answer(q, seed)]));
}
