import type { Page } from "@playwright/test";
import { allQuestions } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import type { AnswerValue, Answers, Question } from "~/questionnaire/types";

// Filling the questionnaire the way a person does, field by field, driven by the definition.

/** A plausible answer for every question (every follow-up's condition holds). */
export function sampleAnswers(tag: string): Answers {
  const answers: Answers = {};
  for (const q of allQuestions(msq2020)) answers[q.key] = sampleAnswer(q, tag);
  return answers;
}

function sampleAnswer(q: Question, tag: string): AnswerValue {
  switch (q.type) {
    case "yesno":
      return "yes";
    case "multi":
      return [
        q.options[0]!.key,
        ...(q.options.some((o) => o.key === "other") ? ["other"] : [q.options[1]!.key]),
      ];
    case "longtext":
      return `${tag} answer to ${q.key}: the national strategy is aligned with the SDGs.`;
    default:
      if (q.type === "email") return `${q.key.replace(/_/g, ".")}@gov.example.org`;
      if (q.type === "lines")
        return `https://${q.key.replace(/_/g, "-")}.gov.example.org\n${tag} agency`;
      return `${tag} ${q.key}`;
  }
}

export async function fillQuestion(page: Page, q: Question, value: AnswerValue) {
  const id = `#q-${q.key}`;
  if (q.type === "yesno") {
    await page.locator(`${id}-${value}`).check();
  } else if (q.type === "multi") {
    for (const option of q.options) {
      const box = page.locator(`${id}-${option.key}`);
      if (Array.isArray(value) && value.includes(option.key)) await box.check();
      else await box.uncheck();
    }
  } else {
    await page.locator(id).fill(typeof value === "string" ? value : "");
  }
}

export async function expectQuestionValue(page: Page, q: Question, value: AnswerValue) {
  const id = `#q-${q.key}`;
  if (q.type === "yesno") return (await page.locator(`${id}-${value}`).isChecked()) === true;
  if (q.type === "multi") {
    for (const option of q.options) {
      const checked = await page.locator(`${id}-${option.key}`).isChecked();
      if (checked !== (Array.isArray(value) && value.includes(option.key))) return false;
    }
    return true;
  }
  return (await page.locator(id).inputValue()) === value;
}
